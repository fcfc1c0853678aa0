/// A glob over names and ids: `*` matches any run of characters, `?` one character; case is ignored.
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let characters: [Character]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.characters = Array(pattern.lowercased())
    }

    /// Whether `text` matches the whole pattern.
    public func matches(_ text: String) -> Bool {
        Self.matches(Array(text.lowercased()), pattern: characters, anyRun: "*", anyOne: "?")
    }

    /// Whether `subject` matches the whole of `pattern`, in which `anyRun` matches any run of
    /// elements and `anyOne` one element: the two-pointer wildcard match, which backtracks only to
    /// the last `anyRun`, so the work is at most the product of the lengths.
    package static func matches<Element: Equatable>(_ subject: [Element], pattern: [Element], anyRun: Element, anyOne: Element) -> Bool {
        var patternIndex = 0, subjectIndex = 0
        var starIndex: Int?, resumeIndex = 0
        while subjectIndex < subject.count {
            if patternIndex < pattern.count, pattern[patternIndex] != anyRun, pattern[patternIndex] == anyOne || pattern[patternIndex] == subject[subjectIndex] {
                patternIndex += 1
                subjectIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == anyRun {
                starIndex = patternIndex
                resumeIndex = subjectIndex
                patternIndex += 1
            } else if let star = starIndex {
                patternIndex = star + 1
                resumeIndex += 1
                subjectIndex = resumeIndex
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == anyRun { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    public var description: String { pattern }
}

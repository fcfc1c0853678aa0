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
        let subject = Array(text.lowercased())
        var patternIndex = 0, subjectIndex = 0
        var starIndex: Int?, resumeIndex = 0
        while subjectIndex < subject.count {
            if patternIndex < characters.count, characters[patternIndex] == "?" || characters[patternIndex] == subject[subjectIndex] {
                patternIndex += 1
                subjectIndex += 1
            } else if patternIndex < characters.count, characters[patternIndex] == "*" {
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
        while patternIndex < characters.count, characters[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == characters.count
    }

    public var description: String { pattern }
}

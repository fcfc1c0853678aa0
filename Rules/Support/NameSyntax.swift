import AKSLintCore

/// Azure's syntax for a name: a length range and the characters allowed, with its first and last
/// character alphanumeric.
struct NameSyntax {
    let lengths: ClosedRange<Int>
    /// Characters allowed between the first and last, besides letters and digits.
    let innerPunctuation: Set<Character>
    /// The rule in words, for messages.
    let description: String

    /// Why `name` breaks the syntax, or nil when it follows it.
    func violation(of name: String) -> String? {
        guard lengths.contains(name.count) else { return "it is \(name.count) characters long; \(description)" }
        for (offset, character) in name.enumerated() {
            let isAlphanumeric = character.isASCII && (character.isLetter || character.isNumber)
            let isEdge = offset == 0 || offset == name.count - 1
            if isAlphanumeric || (!isEdge && innerPunctuation.contains(character)) { continue }
            return "it has \(ValueDescription.quote(String(character))) at position \(offset + 1); \(description)"
        }
        return nil
    }
}

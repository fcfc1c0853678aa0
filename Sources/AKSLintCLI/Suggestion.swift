/// "Did you mean …?" for a mistyped option, command or value: the closest known word by edit
/// distance, when it is close enough to be a typo rather than another word.
enum Suggestion {
    /// The closest of `candidates` to `word`, if it is within a third of the word's length (at
    /// least one edit, at most three).
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        let scored = candidates.map { (candidate: $0, distance: distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit, best.distance > 0 else { return nil }
        return best.candidate
    }

    /// `; did you mean '--fail-on'?`, or nothing.
    static func phrase(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The Levenshtein distance (insertions, deletions, substitutions), on characters; words
    /// longer than 64 characters are not compared.
    static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        guard a.count <= 64, b.count <= 64 else { return Int.max }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

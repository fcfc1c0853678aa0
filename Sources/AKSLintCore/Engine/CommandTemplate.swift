/// A placeholder of a remediation's `az` command.
enum CommandPlaceholder: String, Sendable, CaseIterable {
    case resourceGroup, name, pool, resource
}

/// A remediation's `az` command split, once per rule, into its text and its placeholders
/// (`{resourceGroup}`, `{name}`, `{pool}`, `{resource}`), so filling it in for one of the
/// findings a report shows is a single concatenation. Braces around anything else (`{ a = 1 }`,
/// `${VAR}`) are text, as ``Placeholders/fill(_:value:)`` leaves them.
struct CommandTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case placeholder(CommandPlaceholder)
    }

    let parts: [Part]

    /// Splits `command` (once per rule, when its metadata is made: read as bytes, which start-up
    /// can afford for every rule).
    init(_ command: String) {
        var parts: [Part] = []
        let bytes = Array(command.utf8)
        func text(_ range: Range<Int>) -> Part { .text(String(decoding: bytes[range], as: UTF8.self)) }
        var textStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            var close = index + 1
            while close < bytes.count, (65...90).contains(bytes[close]) || (97...122).contains(bytes[close]) { close += 1 }
            guard close < bytes.count, bytes[close] == UInt8(ascii: "}"),
                  let placeholder = CommandPlaceholder(rawValue: String(decoding: bytes[(index + 1)..<close], as: UTF8.self)) else {
                index += 1   // not a placeholder: the brace is text
                continue
            }
            if textStart < index { parts.append(text(textStart..<index)) }
            parts.append(.placeholder(placeholder))
            index = close + 1
            textStart = index
        }
        if textStart < bytes.count { parts.append(text(textStart..<bytes.count)) }
        self.parts = parts
    }

    /// The command for a finding's cluster and subject, and a shell comment on where names that
    /// could not be filled in come from (see ``Remediation/command(for:subject:)``).
    func filled(for cluster: ClusterReference, subject: ResultSubject) -> String {
        var pieces: [String] = []
        pieces.reserveCapacity(parts.count + 2)
        var notes: [String] = []
        for part in parts {
            switch part {
            case .text(let text):
                pieces.append(text)
            case .placeholder(let placeholder):
                let filled = Remediation.word(for: placeholder, cluster: cluster, subject: subject)
                if let note = filled.note { notes.append(note) }
                pieces.append(filled.word)
            }
        }
        if !notes.isEmpty { pieces += [Remediation.notesSeparator, notes.joined(separator: "; ")] }
        return .concatenating(pieces)
    }
}

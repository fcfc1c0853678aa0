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

    init(_ command: String) {
        var parts: [Part] = []
        var text = Substring(command)
        while let open = text.firstIndex(of: "{") {
            let afterOpen = text.index(after: open)
            let letters = text[afterOpen...].prefix { $0.isASCII && $0.isLetter }
            guard letters.endIndex < text.endIndex, text[letters.endIndex] == "}", let placeholder = CommandPlaceholder(rawValue: String(letters)) else {
                // Not a placeholder: the brace is text; look on after it.
                let next = text.index(after: open)
                parts.append(.text(String(text[..<next])))
                text = text[next...]
                continue
            }
            if open > text.startIndex { parts.append(.text(String(text[..<open]))) }
            parts.append(.placeholder(placeholder))
            text = text[text.index(after: letters.endIndex)...]
        }
        if !text.isEmpty { parts.append(.text(String(text))) }
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

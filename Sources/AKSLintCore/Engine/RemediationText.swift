/// A placeholder of a remediation text: the names in the `az` command, and the pool in a Bicep
/// or Terraform change.
enum RemediationPlaceholder: String, Sendable, CaseIterable {
    case resourceGroup, name, pool, resource
}

/// A remediation text (the `az` command, the Bicep or the Terraform change) split, once per rule,
/// into its text and its placeholders (`{resourceGroup}`, `{name}`, `{pool}`, `{resource}`), so
/// filling it in for a finding a report shows is one concatenation. Braces around anything else
/// (`{ a = 1 }`, `${VAR}`) are text.
struct RemediationText: Sendable {
    enum Part: Sendable {
        case text(String)
        case placeholder(RemediationPlaceholder)
    }

    let parts: [Part]

    /// Splits `text` (once per rule, when its metadata is made).
    init(_ text: String) {
        var parts: [Part] = []
        let bytes = Array(text.utf8)
        func textPart(_ range: Range<Int>) -> Part { .text(String(decoding: bytes[range], as: UTF8.self)) }
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
                  let placeholder = RemediationPlaceholder(rawValue: String(decoding: bytes[(index + 1)..<close], as: UTF8.self)) else {
                index += 1   // not a placeholder: the brace is text
                continue
            }
            if textStart < index { parts.append(textPart(textStart..<index)) }
            parts.append(.placeholder(placeholder))
            index = close + 1
            textStart = index
        }
        if textStart < bytes.count { parts.append(textPart(textStart..<bytes.count)) }
        self.parts = parts
    }

    /// Whether the text has `placeholder`.
    func contains(_ placeholder: RemediationPlaceholder) -> Bool {
        parts.contains { if case .placeholder(placeholder) = $0 { true } else { false } }
    }

    /// The text with each placeholder replaced by what `value` gives for it; one it gives nothing
    /// for stays as written.
    func filled(_ value: (RemediationPlaceholder) -> String?) -> String {
        .concatenating(parts.map { part in
            switch part {
            case .text(let text): text
            case .placeholder(let placeholder): value(placeholder) ?? "{" + placeholder.rawValue + "}"
            }
        })
    }
}

/// Text from an input, shortened for a message or a report field. An input may carry a cluster
/// name of megabytes; repeated in every finding of every report it would multiply the input's
/// size. Beyond the limit the text keeps its beginning and says how long it was, so a reader can
/// still recognise it and knows it was cut.
package enum BoundedText {
    /// The longest name (of a cluster, a pool, a resource) reports carry whole.
    package static let nameLimit = 256
    /// The longest expression or justification reports carry whole.
    package static let textLimit = 2_048

    /// `text`, or its first `limit` characters, an ellipsis and its length in characters.
    package static func bounded(_ text: String, to limit: Int = nameLimit) -> String {
        guard text.utf8.count > limit else { return text }
        let length = text.count
        guard length > limit else { return text }
        return String(text.prefix(limit)) + "… (\(length) characters)"
    }
}

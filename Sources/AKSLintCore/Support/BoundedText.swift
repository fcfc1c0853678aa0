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
        if text.isASCII {
            return String(decoding: text.utf8.prefix(limit), as: UTF8.self) + "… (\(text.utf8.count) characters)"
        }
        let length = text.count
        guard length > limit else { return text }
        return String(text.prefix(limit)) + "… (\(length) characters)"
    }
}

extension String {
    /// The number of characters. An ASCII text (nearly every text of an AKS input) has one per
    /// byte; counting characters otherwise walks their grapheme boundaries, many times the work,
    /// which long texts (expressions of many kilobytes) made show.
    package var characterCount: Int {
        isASCII ? utf8.count : count
    }

    /// Whether every byte of the text is ASCII (one loop the compiler vectorises).
    package var isASCII: Bool {
        var text = self
        return text.withUTF8 { bytes in
            var union: UInt8 = 0
            for byte in bytes { union |= byte }
            return union < 0x80
        }
    }
}

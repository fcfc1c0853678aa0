/// Text made of many pieces: each piece's bytes are copied onto the end, and the `String` is made
/// once at the end. `String.append` costs a few hundred instructions a piece (it checks the
/// string's storage and capacity every time), and a failing finding's message has a dozen pieces.
public struct TextBuilder {
    private var bytes: [UInt8] = []

    /// An empty text with room for `capacity` bytes before it grows.
    public init(capacity: Int = 128) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends a piece.
    public mutating func append(_ piece: String) {
        piece.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    /// How many bytes the text has.
    public var byteCount: Int { bytes.count }

    /// The text made so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

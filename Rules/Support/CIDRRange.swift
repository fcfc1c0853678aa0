/// An IPv4 or IPv6 address range written as `address/prefix` (or a bare address, meaning a single host).
struct CIDRRange: Equatable {
    enum Family: Equatable {
        case ipv4
        case ipv6
    }

    let family: Family
    /// Number of fixed leading bits: 32 (IPv4) or 128 (IPv6) for a single address.
    let prefixLength: Int

    /// Parses `text` (surrounding white space ignored); nil when it is not a valid address or prefix.
    init?(_ text: String) {
        let bytes = Array(text.trimmingWhitespace().utf8)
        let slash = bytes.firstIndex(of: UInt8(ascii: "/"))
        let address = bytes[..<(slash ?? bytes.endIndex)]
        if Self.isIPv4(address) {
            family = .ipv4
        } else if Self.isIPv6(address) {
            family = .ipv6
        } else {
            return nil
        }
        let maximum = family == .ipv4 ? 32 : 128
        guard let slash else {
            prefixLength = maximum
            return
        }
        guard let prefix = Self.decimal(bytes[(slash + 1)...], atMost: maximum) else { return nil }
        prefixLength = prefix
    }

    /// Whether the range is too wide to count as a restriction: shorter than /8 for IPv4 or /32 for
    /// IPv6 (so `0.0.0.0/0` and `::/0` are open, while `0.0.0.0/32`, AKS's "outbound IP only" value, is not).
    var isOpenToInternet: Bool {
        prefixLength < (family == .ipv4 ? 8 : 32)
    }

    /// How many addresses the range spans, as words: "every IPv4 address", "2^28 addresses".
    var sizeDescription: String {
        let bits = (family == .ipv4 ? 32 : 128) - prefixLength
        if bits == (family == .ipv4 ? 32 : 128) { return family == .ipv4 ? "every IPv4 address" : "every IPv6 address" }
        return "2^\(bits) addresses"
    }

    /// The value of one or more ASCII digits, if it is at most `limit`.
    private static func decimal(_ digits: ArraySlice<UInt8>, atMost limit: Int) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            guard value <= limit else { return nil }
        }
        return value
    }

    /// Four decimal octets of at most three digits each, separated by dots.
    private static func isIPv4(_ text: ArraySlice<UInt8>) -> Bool {
        let octets = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { $0.count <= 3 && decimal($0, atMost: 255) != nil }
    }

    /// Eight groups of one to four hex digits separated by colons, where one `::` may stand for
    /// some groups of zeros and the last two groups may be written as an IPv4 address.
    private static func isIPv6(_ text: ArraySlice<UInt8>) -> Bool {
        guard text.contains(UInt8(ascii: ":")), text.count <= 45 else { return false }
        let colon = UInt8(ascii: ":")
        let doubleColon = text.indices.dropLast().first { text[$0] == colon && text[$0 + 1] == colon }
        let halves = doubleColon.map { [text[..<$0], text[($0 + 2)...]] } ?? [text]
        var total = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let pieces = half.split(separator: colon, omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                let isLastPiece = index == halves.count - 1 && position == pieces.count - 1
                if isLastPiece && piece.contains(UInt8(ascii: ".")) {
                    guard isIPv4(piece) else { return false }
                    total += 2
                    continue
                }
                guard (1...4).contains(piece.count), piece.allSatisfy(isHexDigit) else { return false }
                total += 1
            }
        }
        return doubleColon == nil ? total == 8 : total < 8
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }
}

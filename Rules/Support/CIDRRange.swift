/// An IPv4 or IPv6 address range written as `address/prefix` (or a bare address, meaning a single host).
struct CIDRRange: Equatable {
    enum Family: Equatable {
        case ipv4
        case ipv6
    }

    let family: Family
    /// Number of fixed leading bits: 32 (IPv4) or 128 (IPv6) for a single address.
    let prefixLength: Int

    /// Parses `text`; nil when it is not a valid address or prefix.
    init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let address = String(parts[0])
        if Self.isIPv4(address) {
            family = .ipv4
        } else if Self.isIPv6(address) {
            family = .ipv6
        } else {
            return nil
        }
        let maximum = family == .ipv4 ? 32 : 128
        if parts.count == 2 {
            guard let prefix = Int(parts[1]), (0...maximum).contains(prefix), parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            prefixLength = prefix
        } else {
            prefixLength = maximum
        }
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

    private static func isIPv4(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCIIDigit) && (Int(octet) ?? 256) <= 255
        }
    }

    private static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":"), text.utf8.count <= 45 else { return false }
        let groups = text.components(separatedByString: "::")
        guard groups.count <= 2 else { return false }
        var total = 0
        for (index, half) in groups.enumerated() {
            if half.isEmpty { continue }
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                let isLastPiece = index == groups.count - 1 && position == pieces.count - 1
                if isLastPiece && piece.contains(".") {
                    guard isIPv4(String(piece)) else { return false }
                    total += 2
                    continue
                }
                guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit) else { return false }
                total += 1
            }
        }
        return text.contains("::") ? total < 8 : total == 8
    }
}

extension String {
    /// The parts between occurrences of `separator` (empty parts kept).
    func components(separatedByString separator: String) -> [String] {
        split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

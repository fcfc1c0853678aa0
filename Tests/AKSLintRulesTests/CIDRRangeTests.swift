@testable import AKSLintRules
import Testing

@Suite("CIDR ranges")
struct CIDRRangeTests {
    @Test("valid ranges give their family and prefix length", arguments: [
        ("0.0.0.0/0", CIDRRange.Family.ipv4, 0),
        ("10.0.0.0/8", .ipv4, 8),
        ("203.0.113.7", .ipv4, 32),
        (" 192.168.1.0/24\n", .ipv4, 24),
        ("0.0.0.0/32", .ipv4, 32),
        ("010.001.0.0/016", .ipv4, 16),
        ("::/0", .ipv6, 0),
        ("2001:db8::/32", .ipv6, 32),
        ("2001:0db8:0000:0000:0000:ff00:0042:8329", .ipv6, 128),
        ("fe80::1", .ipv6, 128),
        ("::ffff:192.0.2.1/96", .ipv6, 96),
        ("1:2:3:4:5:6:1.2.3.4", .ipv6, 128),
        ("ABCD:EF01::/64", .ipv6, 64),
    ])
    func parses(_ text: String, family: CIDRRange.Family, prefix: Int) throws {
        let range = try #require(CIDRRange(text))
        #expect(range.family == family)
        #expect(range.prefixLength == prefix)
    }

    @Test("anything else is not a range", arguments: [
        "", "/8", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/8/9", "10.0.0.0/+8", "10.0.0.0/-1", "10.0.0/8",
        "10.0.0.0.0", "256.0.0.0", "1.2.3.1000", "1..2.3", "a.b.c.d", "*", "Internet", "::/129",
        "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1::2::3", "1:::2", "12345::", "g::1", "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3", "１.２.３.４", "ＦＦ::1", "10.0.0.0/99999999999999999999",
    ])
    func rejects(_ text: String) {
        #expect(CIDRRange(text) == nil)
    }
}

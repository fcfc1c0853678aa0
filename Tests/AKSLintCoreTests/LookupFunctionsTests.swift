@testable import AKSLintCore
import Testing

/// The functions the Bicep compiler emits for `[^n]` and friends, evaluated as Resource Manager does.
@Suite("indexFromEnd, objectKeys, cidrSubnet")
struct LookupFunctionsTests {
    static var harness: TemplateHarness { try! TemplateHarness() }

    @Test("values", arguments: [
        ("[indexFromEnd(createArray(1, 2, 3), 1)]", "3"), ("[tryIndexFromEnd(createArray(1, 2, 3), 4)]", "null"),
        ("[objectKeys(createObject('b', 1, 'a', 2))]", "[\"b\",\"a\"]"),
        ("[cidrSubnet('10.0.0.0/16', 24, 3)]", "\"10.0.3.0/24\""), ("[cidrSubnet('10.1.2.3/8', 16, 255)]", "\"10.255.0.0/16\""),
        ("[cidrSubnet('0.0.0.0/0', 1, 1)]", "\"128.0.0.0/1\""),
    ])
    func values(expression: String, expected: String) {
        #expect(Self.harness.json(expression) == expected, "\(expression)")
    }

    @Test("what Resource Manager rejects, or cannot be known, is unresolved", arguments: [
        "[indexFromEnd(createArray(1), 2)]", "[indexFromEnd(createArray(1), 0)]", "[cidrSubnet('10.0.0.0/16', 8, 0)]",
        "[cidrSubnet('10.0.0.0/16', 24, 256)]", "[cidrSubnet('fd00::/8', 16, 0)]", "[cidrSubnet('10.0.0/16', 24, 0)]", "[objectKeys(1)]",
    ])
    func unresolved(expression: String) {
        #expect(Self.harness.json(expression).hasPrefix("unresolved: "), "\(expression) gave \(Self.harness.json(expression))")
    }
}

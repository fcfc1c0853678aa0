/// Functions the Bicep compiler emits for its own syntax, and their kin: `indexFromEnd` and
/// `tryIndexFromEnd` (`xs[^n]`, `xs[?^n]`), `objectKeys`, and `cidrSubnet`.
enum LookupFunctions {
    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult? {
        switch name {
        case "indexfromend", "tryindexfromend":
            guard arguments.count == 2, let elements = arguments[0].array, let offset = TemplateValues.integer(arguments[1].value) else {
                return TemplateFunctions.invalid(name, "takes an array and a whole number")
            }
            guard offset >= 1, offset <= elements.count else {
                return name == "tryindexfromend" ? .value(.null) : TemplateFunctions.invalid(name, "has no element \(offset) from the end of an array of \(elements.count)")
            }
            return .node(elements[elements.count - offset])
        case "objectkeys":
            guard arguments.count == 1, let object = arguments[0].object else { return TemplateFunctions.invalid(name, "takes an object") }
            guard meter.charge(values: object.members.count) else { return .exhausted }
            var seen = Set<String>()
            let keys = object.members.reversed().filter { seen.insert($0.key.asciiLowercased()).inserted }.reversed()
            return .value(.array(keys.map { JSONNode(.string($0.key)) }))
        case "cidrsubnet":
            return cidrSubnet(arguments)
        default:
            return nil
        }
    }

    /// `cidrSubnet('10.0.0.0/16', 24, 3)` is `10.0.3.0/24`: the subnet at that index of the
    /// network split into blocks of the new prefix length (IPv4; IPv6 is not evaluated offline).
    private static func cidrSubnet(_ arguments: [JSONNode]) -> FunctionResult {
        guard arguments.count == 3, let network = arguments[0].string, let newPrefix = TemplateValues.integer(arguments[1].value),
              let index = TemplateValues.integer(arguments[2].value) else {
            return TemplateFunctions.invalid("cidrSubnet", "takes a network, a prefix length and an index")
        }
        let parts = network.split(separator: "/")
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix), let address = ipv4(parts[0]) else {
            return .unresolved("cidrSubnet() is evaluated offline for IPv4 networks only")
        }
        guard (prefix...32).contains(newPrefix), index >= 0, newPrefix - prefix < 63, index < (1 << (newPrefix - prefix)) else {
            return TemplateFunctions.invalid("cidrSubnet", "has no subnet \(index) of prefix /\(newPrefix) in \(network)")
        }
        let networkBase = prefix == 0 ? 0 : address & (UInt32.max << UInt32(32 - prefix))
        let size: UInt64 = 1 << UInt64(32 - newPrefix)
        let start = UInt32(UInt64(networkBase) + UInt64(index) * size)
        let octets = [start >> 24, (start >> 16) & 0xFF, (start >> 8) & 0xFF, start & 0xFF].map(String.init)
        return .value(.string(octets.joined(separator: ".") + "/\(newPrefix)"))
    }

    /// A dotted-quad IPv4 address.
    private static func ipv4(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard octet.count <= 3, let number = UInt32(octet), number <= 255 else { return nil }
            value = value << 8 | number
        }
        return value
    }
}

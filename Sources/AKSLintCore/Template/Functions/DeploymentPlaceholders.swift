/// The stand-ins for what only the deployment knows (`{subscriptionId}`, `{resourceGroupName}`,
/// `{tenantId}`, `{deploymentName}`), and the functions whose answer they would falsify.
///
/// Building an id from a placeholder is sound: the id is compared with other ids built the same
/// way. Asking whether `subscription().tenantId` equals a literal GUID, starts with `abc` or is 36
/// characters long is not: the placeholder's own text would answer. Those calls are unresolved.
enum DeploymentPlaceholders {
    /// The placeholders, lower-cased (a template may lower-case them with `toLower()`).
    static let tokens: [(text: [UInt8], meaning: String)] = [
        ("{subscriptionid}", "the subscription id"), ("{resourcegroupname}", "the resource group's name"),
        ("{tenantid}", "the tenant id"), ("{deploymentname}", "the deployment's name"),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Functions whose result depends on the text of a string argument.
    static let textDependentFunctions: Set<String> = [
        "equals", "greater", "greaterorequals", "less", "lessorequals", "contains", "startswith", "endswith",
        "indexof", "lastindexof", "length", "substring", "empty",
    ]

    /// Why calling `name` with `arguments` cannot be answered offline, or nil when it can. Two
    /// identical values are equal whatever the deployment substitutes, so `equals` of them stays true.
    static func unresolvedReason(calling name: String, with arguments: [JSONNode], meter: Meter) -> String? {
        guard textDependentFunctions.contains(name), let placeholder = firstPlaceholder(in: arguments, meter: meter) else { return nil }
        if name == "equals", arguments.count == 2, TemplateValues.equal(arguments[0].value, arguments[1].value, meter: meter) == true { return nil }
        return "\(name)() would compare \(placeholder), which is known only at deployment"
    }

    /// What the first placeholder in the strings of `arguments` stands for (strings inside arrays
    /// or objects are not searched).
    private static func firstPlaceholder(in arguments: [JSONNode], meter: Meter) -> String? {
        for argument in arguments {
            guard case .string(let text) = argument.value, meter.charge(steps: text.utf8.count / 64) else { continue }
            if let token = placeholder(in: text) { return token }
        }
        return nil
    }

    private static func placeholder(in text: String) -> String? {
        var utf8 = text.utf8[...]
        while let brace = utf8.firstIndex(of: UInt8(ascii: "{")) {
            let rest = utf8[brace...]
            for token in tokens where rest.count >= token.text.count {
                if zip(rest, token.text).allSatisfy({ lowercased($0) == $1 }) { return token.meaning }
            }
            utf8 = rest.dropFirst()
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}

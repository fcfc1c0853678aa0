/// Functions about the deployment and its resources.
///
/// Ids are built as Azure builds them, with placeholders for what only the deployment knows:
/// `resourceId('Microsoft.ContainerService/managedClusters', 'aks')` is
/// `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/aks`,
/// which is deterministic, so a diagnostic setting's `scope` can be matched to its cluster.
/// Functions that read deployed resources (`reference`, `list*`) or the clock are unresolved.
enum DeploymentFunctions {
    static let subscriptionPlaceholder = "{subscriptionId}"
    static let resourceGroupPlaceholder = "{resourceGroupName}"
    static let resourceGroupID = "/subscriptions/\(subscriptionPlaceholder)/resourceGroups/\(resourceGroupPlaceholder)"

    static func call(_ name: String, _ arguments: [JSONNode], meter: Meter) -> FunctionResult? {
        switch name {
        case "resourceid":
            return resourceID(arguments, prefix: { subscription, group in "/subscriptions/\(subscription ?? subscriptionPlaceholder)/resourceGroups/\(group ?? resourceGroupPlaceholder)" }, scopeArguments: 2)
        case "subscriptionresourceid":
            return resourceID(arguments, prefix: { subscription, _ in "/subscriptions/\(subscription ?? subscriptionPlaceholder)" }, scopeArguments: 1)
        case "tenantresourceid":
            return resourceID(arguments, prefix: { _, _ in "" }, scopeArguments: 0)
        case "extensionresourceid":
            guard let base = arguments.first?.string else { return TemplateFunctions.invalid(name, "needs a base resource id") }
            return resourceID(Array(arguments.dropFirst()), prefix: { _, _ in base }, scopeArguments: 0)
        case "resourcegroup":
            return .value(object([
                ("id", .string(resourceGroupID)), ("name", .string(resourceGroupPlaceholder)), ("type", .string("Microsoft.Resources/resourceGroups")),
                ("location", .unresolved(UnresolvedExpression(expression: "", reason: "the resource group's location is known only at deployment"))),
            ]))
        case "subscription":
            return .value(object([
                ("id", .string("/subscriptions/\(subscriptionPlaceholder)")), ("subscriptionId", .string(subscriptionPlaceholder)), ("tenantId", .string("{tenantId}")),
                ("displayName", .unresolved(UnresolvedExpression(expression: "", reason: "the subscription's name is known only at deployment"))),
            ]))
        case "tenant":
            return .value(object([("tenantId", .string("{tenantId}")), ("countryCode", .unresolved(UnresolvedExpression(expression: "", reason: "known only at deployment")))]))
        case "deployment":
            return .value(object([
                ("name", .string("{deploymentName}")),
                ("location", .unresolved(UnresolvedExpression(expression: "", reason: "the deployment's location is known only at deployment"))),
                ("properties", .object(JSONObject([JSONMember(key: "templateLink", value: JSONNode(.unresolved(UnresolvedExpression(expression: "", reason: "known only at deployment"))))]))),
            ]))
        case "reference", "listkeys", "listsecrets", "listaccountsas", "listcredentials", "listclusteradmincredential", "listclusterusercredential":
            return .unresolved("\(name)() reads the deployed resource, which is known only at deployment")
        case "utcnow", "newguid", "environment", "managementgroup", "pickzones":
            return .unresolved("\(name)() is known only at deployment")
        case "readenvironmentvariable", "externalinput", "readcliarg", "getsecret":
            // Bicep functions a lowered `.bicep` or `.bicepparam` file keeps: the process
            // environment akslint runs in is not the deployment's, and may hold secrets.
            return .unresolved("\(name)() gives its value only where the deployment runs")
        default:
            if name.hasPrefix("list") { return .unresolved("\(name)() reads the deployed resource, which is known only at deployment") }
            return nil
        }
    }

    /// An id from optional scope arguments, a resource type and names: the type is the first
    /// argument with a `/`, the scope arguments are the ones before it.
    private static func resourceID(_ arguments: [JSONNode], prefix: (String?, String?) -> String, scopeArguments: Int) -> FunctionResult {
        let texts = arguments.map(\.string)
        guard texts.allSatisfy({ $0 != nil }), let typeIndex = texts.firstIndex(where: { $0!.contains("/") }), typeIndex <= scopeArguments else {
            return .unresolved("resourceId() needs a resource type and names")
        }
        let scope = texts[..<typeIndex].map { $0! }
        let subscription = scope.count == 2 ? scope[0] : nil
        let group = scope.count == 2 ? scope[1] : (scope.count == 1 ? scope[0] : nil)
        let typeParts = texts[typeIndex]!.split(separator: "/").map(String.init)
        let names = texts[(typeIndex + 1)...].flatMap { $0!.split(separator: "/").map(String.init) }
        guard typeParts.count >= 2, names.count == typeParts.count - 1 else {
            return .unresolved("resourceId() needs one name per resource type segment")
        }
        var path = prefix(scopeArguments == 1 ? scope.first : subscription, group) + "/providers/" + typeParts[0] + "/" + typeParts[1] + "/" + names[0]
        for (childType, childName) in zip(typeParts.dropFirst(2), names.dropFirst()) {
            path += "/" + childType + "/" + childName
        }
        return .value(.string(path))
    }

    private static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { JSONMember(key: $0.0, value: JSONNode($0.1)) }))
    }
}

/// The parts of an ARM resource id such as
/// `/subscriptions/S/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/NAME`.
public struct ResourceID: Sendable, Equatable {
    /// The subscription id, when the id has one.
    public let subscriptionId: String?
    /// The resource group, when the id has one.
    public let resourceGroup: String?
    /// `Namespace/type[/childType...]`, such as `Microsoft.ContainerService/managedClusters`.
    public let type: String?
    /// The last name segment.
    public let name: String?

    /// Parses an id; segment names are matched without case (`resourcegroups` appears in real ids).
    public init?(_ id: String) {
        let segments = id.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard segments.count >= 2 else { return nil }
        var subscription: String?
        var group: String?
        var typeParts: [String] = []
        var lastName: String?
        var index = 0
        while index + 1 < segments.count {
            let segment = segments[index]
            let next = segments[index + 1]
            if segment.equalsIgnoringASCIICase("subscriptions") && subscription == nil && typeParts.isEmpty {
                subscription = next
                index += 2
            } else if segment.equalsIgnoringASCIICase("resourceGroups") && group == nil && typeParts.isEmpty {
                group = next
                index += 2
            } else if segment.equalsIgnoringASCIICase("providers") && index + 3 < segments.count {
                typeParts = [segments[index + 1], segments[index + 2]]
                lastName = segments[index + 3]
                index += 4
                while index + 1 < segments.count {
                    typeParts.append(segments[index])
                    lastName = segments[index + 1]
                    index += 2
                }
            } else {
                index += 1
            }
        }
        guard subscription != nil || group != nil || !typeParts.isEmpty else { return nil }
        self.subscriptionId = subscription
        self.resourceGroup = group
        self.type = typeParts.isEmpty ? nil : typeParts.joined(separator: "/")
        self.name = lastName
    }

    /// Whether the id names a managed cluster (not one of its children).
    public var isManagedCluster: Bool {
        type?.equalsIgnoringASCIICase(ResourceType.managedClusters) ?? false
    }
}

/// Resource type names akslint recognises, compared without case.
public enum ResourceType {
    public static let managedClusters = "Microsoft.ContainerService/managedClusters"
    public static let agentPools = "Microsoft.ContainerService/managedClusters/agentPools"
    public static let maintenanceConfigurations = "Microsoft.ContainerService/managedClusters/maintenanceConfigurations"
    public static let diagnosticSettings = "Microsoft.Insights/diagnosticSettings"
    public static let registries = "Microsoft.ContainerRegistry/registries"
    public static let keyVaults = "Microsoft.KeyVault/vaults"
    public static let deployments = "Microsoft.Resources/deployments"
    public static let securityPricings = "Microsoft.Security/pricings"
    public static let virtualNetworks = "Microsoft.Network/virtualNetworks"
    public static let subnets = "Microsoft.Network/virtualNetworks/subnets"
}

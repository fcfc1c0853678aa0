/// The parts of an ARM resource id such as
/// `/subscriptions/S/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/NAME`.
package struct ResourceID: Sendable, Equatable {
    /// The subscription id, when the id has one.
    package let subscriptionId: String?
    /// The resource group, when the id has one.
    package let resourceGroup: String?
    /// `Namespace/type[/childType...]`, such as `Microsoft.ContainerService/managedClusters`.
    package let type: String?
    /// The last name segment.
    package let name: String?

    /// Parses an id; segment names are matched without case (`resourcegroups` appears in real ids).
    /// Segments are split at the `/` code unit, as Resource Manager splits them (not at grapheme
    /// clusters, which is also several times slower: every cluster of a fleet has an id).
    package init?(_ id: String) {
        let segments = id.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
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
    package var isManagedCluster: Bool {
        type?.equalsIgnoringASCIICase(ResourceType.managedClusters) ?? false
    }
}

/// Resource type names akslint recognises, compared without case.
package enum ResourceType {
    /// `Microsoft.ContainerService/managedClusters@2025-10-01` (as Bicep and azapi write a type)
    /// as its type and API version.
    package static func typeAndVersion(_ reference: String) -> (type: String, apiVersion: String?) {
        guard let at = reference.lastIndex(of: "@") else { return (reference, nil) }
        return (String(reference[..<at]), String(reference[reference.index(after: at)...]))
    }

    package static let managedClusters = "Microsoft.ContainerService/managedClusters"
    package static let agentPools = "Microsoft.ContainerService/managedClusters/agentPools"
    package static let maintenanceConfigurations = "Microsoft.ContainerService/managedClusters/maintenanceConfigurations"
    package static let diagnosticSettings = "Microsoft.Insights/diagnosticSettings"
    package static let registries = "Microsoft.ContainerRegistry/registries"
    package static let keyVaults = "Microsoft.KeyVault/vaults"
    package static let deployments = "Microsoft.Resources/deployments"
    package static let securityPricings = "Microsoft.Security/pricings"
    package static let virtualNetworks = "Microsoft.Network/virtualNetworks"
    package static let subnets = "Microsoft.Network/virtualNetworks/subnets"
}

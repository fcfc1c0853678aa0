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
    /// Segments are split at the `/` byte, as Resource Manager splits them, in one pass over the
    /// id's UTF-8 (every cluster of a fleet has an id); only the parts kept become strings.
    package init?(_ id: String) {
        var id = id
        guard let parts = id.withUTF8(Self.parts) else { return nil }
        (subscriptionId, resourceGroup, type, name) = parts
    }

    private static func parts(of id: UnsafeBufferPointer<UInt8>) -> (subscription: String?, group: String?, type: String?, name: String?)? {
        var segments: [Range<Int>] = []
        segments.reserveCapacity(12)
        var start = 0
        for index in 0...id.count where index == id.count || id[index] == UInt8(ascii: "/") {
            if index > start { segments.append(start..<index) }
            start = index + 1
        }
        guard segments.count >= 2 else { return nil }
        func text(_ segment: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: id[segment]), as: UTF8.self) }
        func segment(_ position: Int, is word: StaticString) -> Bool {
            let bytes = id[segments[position]]
            guard bytes.count == word.utf8CodeUnitCount else { return false }
            return zip(bytes, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
        }
        var subscription: String?
        var group: String?
        // `Namespace/type/childType...`: the segments after `providers` that are not names.
        var typeSegments: [Range<Int>] = []
        var lastName: String?
        var index = 0
        while index + 1 < segments.count {
            if segment(index, is: "subscriptions") && subscription == nil && typeSegments.isEmpty {
                subscription = text(segments[index + 1])
                index += 2
            } else if segment(index, is: "resourceGroups") && group == nil && typeSegments.isEmpty {
                group = text(segments[index + 1])
                index += 2
            } else if segment(index, is: "providers") && index + 3 < segments.count {
                typeSegments = [segments[index + 1], segments[index + 2]]
                lastName = text(segments[index + 3])
                index += 4
                while index + 1 < segments.count {
                    typeSegments.append(segments[index])
                    lastName = text(segments[index + 1])
                    index += 2
                }
            } else {
                index += 1
            }
        }
        guard subscription != nil || group != nil || !typeSegments.isEmpty else { return nil }
        var type: [UInt8] = []
        for segment in typeSegments {
            if !type.isEmpty { type.append(UInt8(ascii: "/")) }
            type.append(contentsOf: id[segment])
        }
        return (subscription, group, type.isEmpty ? nil : String(decoding: type, as: UTF8.self), lastName)
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

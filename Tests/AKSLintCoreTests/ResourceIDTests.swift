@testable import AKSLintCore
import Testing

@Suite("Resource ids")
struct ResourceIDTests {
    @Test("parses subscription, group, type and name without regard to segment case")
    func parse() throws {
        let id = try #require(ResourceID("/subscriptions/S1/resourcegroups/My-RG/providers/Microsoft.ContainerService/managedClusters/prod"))
        #expect(id.subscriptionId == "S1")
        #expect(id.resourceGroup == "My-RG")
        #expect(id.type == "Microsoft.ContainerService/managedClusters")
        #expect(id.name == "prod")
        #expect(id.isManagedCluster)
    }

    @Test("child resources are not clusters")
    func child() throws {
        let id = try #require(ResourceID("/subscriptions/S/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/prod/agentPools/system"))
        #expect(id.type == "Microsoft.ContainerService/managedClusters/agentPools")
        #expect(id.name == "system")
        #expect(!id.isManagedCluster)
    }

    @Test("empty segments are skipped and a child type is every type segment after providers")
    func emptySegmentsAndGrandchildren() throws {
        let id = try #require(ResourceID("//SUBSCRIPTIONS/S//resourceGroups/rg/PROVIDERS/Microsoft.Network/virtualNetworks/vnet/subnets/a/ipConfigurations/b/"))
        #expect(id.subscriptionId == "S")
        #expect(id.resourceGroup == "rg")
        #expect(id.type == "Microsoft.Network/virtualNetworks/subnets/ipConfigurations")
        #expect(id.name == "b")
        let noGroup = try #require(ResourceID("/subscriptions/S/providers/Microsoft.Authorization/policyDefinitions/p"))
        #expect(noGroup.resourceGroup == nil && noGroup.type == "Microsoft.Authorization/policyDefinitions" && noGroup.name == "p")
        #expect(ResourceID("/subscriptions/Ünïcode/resourceGroups/grüppe")?.resourceGroup == "grüppe")
    }

    @Test("text that is not an id gives nil")
    func garbage() {
        #expect(ResourceID("prod") == nil)
        #expect(ResourceID("") == nil)
    }
}

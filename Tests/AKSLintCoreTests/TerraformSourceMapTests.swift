@testable import AKSLintCore
import Testing

/// The `.tf` block scanner: where resources, attributes and nested blocks are written, and which
/// resource each `# akslint-disable` comment belongs to.
@Suite("Terraform .tf block scanner")
struct TerraformSourceMapTests {
    private func scan(_ text: String) -> TerraformSourceMap {
        var map = TerraformSourceMap()
        map.scan(Array(text.utf8), file: .primary, modulePrefix: "")
        return map
    }

    private func line(_ map: TerraformSourceMap, _ address: String, _ path: String) -> Int? {
        guard let span = map.resources[address]?.written[path] else { return nil }
        return map.lines[.primary]?.position(of: Int(span.start)).line
    }

    @Test("attributes, nested blocks and dynamic content are found by path, past strings, heredocs and comments that hold braces")
    func locations() {
        let map = scan("""
            locals { x = "{" }
            resource "azurerm_kubernetes_cluster" "main" {
              name = "aks-${var.env}-{not-a-block}"
              tags = { team = "a" }   # } a brace in a comment
              custom_ca = <<-EOT
                resource "azurerm_kubernetes_cluster" "fake" {
              EOT
              network_profile {
                network_policy = "cilium"
              }
              dynamic "api_server_access_profile" {
                for_each = var.ranges
                content {
                  authorized_ip_ranges = api_server_access_profile.value
                }
              }
            }
            """)
        #expect(map.resources.keys.sorted() == ["azurerm_kubernetes_cluster.main"])
        #expect(line(map, "azurerm_kubernetes_cluster.main", "name") == 3)
        #expect(line(map, "azurerm_kubernetes_cluster.main", "tags") == 4)
        #expect(line(map, "azurerm_kubernetes_cluster.main", "network_profile.network_policy") == 9)
        #expect(line(map, "azurerm_kubernetes_cluster.main", "api_server_access_profile") == 11)
        #expect(line(map, "azurerm_kubernetes_cluster.main", "api_server_access_profile.authorized_ip_ranges") == 14)
        #expect(map.dynamicBlocks(of: "azurerm_kubernetes_cluster.main") == ["api_server_access_profile"])
    }

    @Test("a suppression belongs to the block it is in, or to the block right below its comment lines, not across code")
    func suppressionOwners() {
        let map = scan("""
            # akslint-disable AKS201 -- above, with another comment line between
            # (see ADR-3)
            resource "azurerm_kubernetes_cluster" "a" {
              # akslint-disable-next-line AKS103 -- inside
              local_account_disabled = false
            }
            # akslint-disable AKS401 -- not directly above: code follows
            locals { x = 1 }
            resource "azurerm_kubernetes_cluster" "b" {
            }
            """)
        #expect(map.suppressions(of: "azurerm_kubernetes_cluster.a", clusterOrdinal: 0).map(\.rule) == ["AKS201", "AKS103"])
        #expect(map.suppressions(of: "azurerm_kubernetes_cluster.b", clusterOrdinal: 1).isEmpty)
    }

    @Test("10,000 resource blocks, each with a suppression above and one inside, are each given their own two")
    func manyBlocks() {
        var text = ""
        for index in 0..<10_000 {
            text += "# akslint-disable AKS201 -- reason \(index)\nresource \"azurerm_kubernetes_cluster\" \"c\(index)\" {\n  # akslint-disable AKS103 -- inside \(index)\n  name = \"c\(index)\"\n}\n"
        }
        let map = scan(text)
        #expect(map.resources.count == 10_000)
        let last = map.suppressions(of: "azurerm_kubernetes_cluster.c9999", clusterOrdinal: 0)
        #expect(last.map(\.reason) == ["reason 9999", "inside 9999"])
        #expect(last.map(\.position.line) == [49_996, 49_998])
    }
}

import AKSLintCore

/// AKS306: no credential is written into the cluster definition. The value is never printed.
package struct NoInlineCredentials: Rule {
    package init() {}

    /// The settings that hold credentials, and what they are.
    static let credentials: [(keys: [String], label: String)] = [
        (["servicePrincipalProfile", "secret"], "service principal secret"),
        (["windowsProfile", "adminPassword"], "Windows administrator password"),
        (["aadProfile", "serverAppSecret"], "legacy Azure AD server application secret"),
    ]

    package let metadata = RuleMetadata(
        id: "AKS306",
        name: "no-inline-credentials",
        title: "No credential is written into the cluster definition",
        severity: .critical,
        category: .dataProtection,
        checks: "properties.servicePrincipalProfile.secret, properties.windowsProfile.adminPassword, properties.aadProfile.serverAppSecret",
        absentMeans: "No credential: the rule passes. A securestring parameter without a literal value, a Key Vault reference, or a well-known placeholder that a pipeline replaces at deploy time (GEN-PASSWORD, #{name}#, ${NAME}, $(name), __NAME__, {{name}}, <name>) passes too.",
        rationale: """
            A service principal secret or Windows admin password written into a template, a parameters file, a \
            non-secure parameter or an exported definition ends up in source control, CI logs and the deployment \
            history, where anyone with read access can use it. Pass credentials through `securestring` parameters \
            fed from Key Vault references, or better, remove them: managed identity needs no secret. akslint never \
            prints the value it finds.
            """,
        remediation: Remediation(
            azCommand: "az aks update -g {resourceGroup} -n {name} --enable-managed-identity",
            template: #"a securestring parameter fed by a Key Vault reference: "secret": "[parameters('servicePrincipalSecret')]" with {"reference": {"keyVault": {"id": "<vault-id>"}, "secretName": "<name>"}} in the parameters file"#,
            bicep: "@secure()\nparam windowsAdminPassword string   // no default; pass it with getSecret() or a Key Vault reference",
            terraform: "identity {\n  type = \"SystemAssigned\"\n}   # instead of service_principal.client_secret; a sensitive variable still lands in the plan and state in clear text",
            notes: "Rotate every credential that was ever committed: removing it from the file does not remove it from history. Windows passwords can be changed with `az aks update --windows-admin-password`."),
        references: [Reference("Use Azure Key Vault to pass secure parameter values during deployment", "https://learn.microsoft.com/azure/azure-resource-manager/templates/key-vault-parameter"), Reference("Azure Quickstart Templates: parameter file placeholders (GEN-PASSWORD, GEN-UNIQUE, ...)", "https://github.com/Azure/azure-quickstart-templates/blob/master/1-CONTRIBUTION-GUIDE/best-practices.md"), Reference("Use a managed identity in AKS", "https://learn.microsoft.com/azure/aks/use-managed-identity")],
        peers: [.checkov("CKV_AZURE_131", note: "Bicep: secure parameters with a default, any resource")],
        controls: [.mcsb("IM-8")],
        examples: [
            RuleExample("literal service principal secret in a template", .fails(at: "$.resources[0].properties.servicePrincipalProfile.secret"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"servicePrincipalProfile": {"clientId": "4b1c8a2e-0000-4000-8000-000000000009", "secret": "example-not-a-real-secret"}}}]}
                """#),
            RuleExample("securestring parameter with a literal default", .fails(at: "$.resources[0].properties.windowsProfile.adminPassword"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "parameters": {"windowsPassword": {"type": "securestring", "defaultValue": "example-default-password"}},
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"windowsProfile": {"adminUsername": "azureuser", "adminPassword": "[parameters('windowsPassword')]"}}}]}
                """#),
            RuleExample("securestring parameter without a value", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "parameters": {"windowsPassword": {"type": "securestring"}},
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"windowsProfile": {"adminUsername": "azureuser", "adminPassword": "[parameters('windowsPassword')]"}}}]}
                """#),
            RuleExample("a quickstart generator token in the parameters file is a placeholder, not a secret", .passes, #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "parameters": {"windowsPassword": {"type": "securestring", "defaultValue": "GEN-PASSWORD"}},
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"windowsProfile": {"adminUsername": "azureuser", "adminPassword": "[parameters('windowsPassword')]"}}}]}
                """#),
            RuleExample("a literal that only contains a placeholder-like word", .fails(at: "$.resources[0].properties.servicePrincipalProfile.secret"), #"""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
                 "resources": [{"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2025-10-01", "name": "aks",
                   "properties": {"servicePrincipalProfile": {"clientId": "4b1c8a2e-0000-4000-8000-000000000009", "secret": "GEN-PASSWORD-but-real~8Q"}}}]}
                """#),
            RuleExample("an export without secrets (REST never returns them)", .passes, #"""
                {"name": "prod", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters",
                 "servicePrincipalProfile": {"clientId": "msi"}, "windowsProfile": {"adminUsername": "azureuser", "adminPassword": null}}
                """#),
        ],
        unresolvedMeans: .pass)

    package func evaluate(_ cluster: ClusterResource, context: RuleContext) -> [RuleResult] {
        var results: [RuleResult] = []
        for credential in Self.credentials {
            let setting = cluster.properties.readString(credential.keys)
            let property = (["properties"] + credential.keys).joined(separator: ".")
            switch setting {
            case .absent:
                continue
            case .unresolved(_, let ref):
                results.append(RuleResult(state: .pass, message: "The \(credential.label) is not written in the definition: it is supplied at deployment.", location: ref, property: property))
            case .invalid(let ref, _):
                results.append(RuleResult(state: .indeterminate, message: "Cannot tell whether the \(credential.label) is a literal: its value is not a string.", location: ref, property: property))
            case .value(let text, let ref):
                if text.isEmpty {
                    results.append(RuleResult(state: .pass, message: "The \(credential.label) is empty.", location: ref, property: property))
                } else if DeployTimePlaceholder.matches(text) {
                    results.append(RuleResult(state: .pass, message: "The \(credential.label) is a placeholder, supplied at deploy time: the value written \(origin(of: ref.node.provenance, in: cluster.origin)) is a substitution token, not a credential.", location: ref, property: property))
                } else {
                    results.append(RuleResult(state: .fail, message: "The \(credential.label) is written \(origin(of: ref.node.provenance, in: cluster.origin)): anyone who can read it can use it (the value is not shown).", location: ref, property: property))
                }
            }
        }
        if results.isEmpty {
            results.append(RuleResult(state: .pass, message: "The definition holds no credential.", location: cluster.properties, property: "properties", pointsAtEnclosingObject: true))
        }
        return results
    }

    /// Where a literal credential came from, for the message (never the value itself).
    private func origin(of provenance: ValueProvenance?, in origin: ClusterOrigin) -> String {
        switch provenance {
        case .parameter(let name, .parametersFile(let path), let isSecure)?:
            return "in clear text in \(path) (parameter '\(name)'\(isSecure ? "" : ", which is not even a securestring"))"
        case .parameter(let name, .defaultValue(let line, let file), let isSecure)?:
            return "as the default value of \(isSecure ? "secure " : "")parameter '\(name)' (\(file.map { "\($0):\(line)" } ?? "line \(line)"))"
        case .parameter(let name, .parentDeployment(let deployment), _)?:
            return "as a literal that the deployment \(deployment) passes to parameter '\(name)'"
        case .parameter(let name, _, _)?:
            return "through parameter '\(name)'"
        case .variable(let name)?:
            return "in variable '\(name)'"
        case .expression?:
            return "as an expression over values in the template"
        case .terraform(let attribute, _)?:
            return "in clear text in the Terraform \(origin == .export ? "state" : "plan") (\(attribute))"
        case nil:
            return origin == .export ? "in clear text in this export" : "literally in the template"
        }
    }
}

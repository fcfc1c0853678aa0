/// Recognises ARM deployment templates and parameter files.
enum TemplateDetection {
    /// A deployment template: a `$schema` naming deploymentTemplate, or `resources` with `contentVersion`.
    static func isDeploymentTemplate(_ object: JSONObject) -> Bool {
        if let schema = object["$schema"]?.string, schema.asciiLowercased().contains("deploymenttemplate") { return true }
        return object["resources"] != nil && object["contentVersion"] != nil
    }

    /// A deployment parameters file: a `$schema` naming deploymentParameters.
    static func isParametersFile(_ object: JSONObject) -> Bool {
        if let schema = object["$schema"]?.string, schema.asciiLowercased().contains("deploymentparameters") { return true }
        return false
    }
}

/// Reads ARM deployment templates. (Evaluation of template expressions is not built yet: a
/// template is recognised and reported as not linted, never silently passed.)
enum TemplateAdapter {
    static func adapt(_ root: ValueRef, document: JSONDocument) -> DocumentAdapter.Adapted {
        DocumentAdapter.Adapted(format: .armTemplate, clusters: [], warnings: [
            InputWarning("ARM deployment template: templates are not linted yet (export the deployed cluster with `az aks show -o json`)", position: document.position(of: 0)),
        ])
    }
}

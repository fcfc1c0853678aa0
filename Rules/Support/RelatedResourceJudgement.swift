import AKSLintCore

extension ClusterResource {
    /// Judges every related resource of `type` in the template with `judge`. An export cannot show
    /// other resources, and a template without one has nothing to judge: both are not applicable.
    /// A failure about a resource deployed only under an unknown condition is indeterminate, its
    /// message still stating `risk` (the rule's).
    func judgeRelated(type: String, noun: String, risk: String?, _ judge: (RelatedResource) -> RuleResult) -> [RuleResult] {
        guard showsRelatedResources else {
            return [notApplicable("An export of the cluster does not show \(noun); lint the template that deploys them.")]
        }
        let matching = relatedResources.filter { $0.isOfType(type) }
        guard !matching.isEmpty else { return [notApplicable(origin.isDefinition ? "The \(origin.documentName) deploys no \(noun)." : "The export carries no \(noun).")] }
        return matching.map { related in judge(related).conditioned(on: related.deploymentCondition, failureRisk: risk) }
    }

    /// A not-applicable result about the whole cluster.
    func notApplicable(_ message: MessageText) -> RuleResult {
        RuleResult(state: .notApplicable, message: message, location: properties, property: "properties", pointsAtEnclosingObject: true)
    }
}

extension RelatedResource {
    /// The subject of results about this resource.
    var subject: ResultSubject { .relatedResource(type: type, name: name) }

    /// Reads a boolean under this resource's `properties`.
    func bool(_ keys: String...) -> Setting<Bool> {
        let properties = resource.child("properties") ?? resource
        return Setting(reading: properties.readBool(keys), property: "\(type)/properties." + keys.joined(separator: "."), base: properties.path, keys: keys)
    }

    /// Reads a string under this resource's `properties`.
    func string(_ keys: String...) -> Setting<String> {
        let properties = resource.child("properties") ?? resource
        return Setting(reading: properties.readString(keys), property: "\(type)/properties." + keys.joined(separator: "."), base: properties.path, keys: keys)
    }
}


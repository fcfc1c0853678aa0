/// The suppressions written on a template resource:
/// `"metadata": {"akslint": {"suppress": [{"rule": "AKS201", "reason": "..."}]}}`.
enum ARMSuppressionSites {
    /// One site per entry of the resource's `metadata.akslint.suppress`.
    static func read(from resource: ValueRef, clusterOrdinal: Int, sources: SourceSet) -> [SuppressionSite] {
        guard let entries = resource.child("metadata")?.child("akslint")?.child("suppress") else { return [] }
        return entries.elements.map { entry in
            SuppressionSite(
                clusterOrdinal: clusterOrdinal, rule: entry.child("rule")?.node.string, reason: entry.child("reason")?.node.string,
                position: sources.position(of: Int(entry.node.span.start), in: entry.node.span.file), file: entry.node.span.file)
        }
    }
}

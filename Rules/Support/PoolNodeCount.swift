import AKSLintCore

extension AgentPool {
    /// The fewest nodes the pool runs with: `minCount` when the autoscaler is on, else `count`
    /// (1 when absent, the REST API's default). A result instead when that cannot be known.
    func minimumNodes(question: @autoclosure () -> String) -> (nodes: Int, setting: Setting<Double>)? {
        let autoscaling = bool("enableAutoScaling")
        let setting = autoscaling.reading.value == true ? number("minCount") : number("count")
        guard setting.undecidableResult(question()) == nil, autoscaling.undecidableResult(question()) == nil else { return nil }
        guard let value = setting.reading.value else {
            return autoscaling.reading.value == true ? nil : (1, setting)
        }
        return (Int(value), setting)
    }

    /// The indeterminate result for a pool whose minimum size is unknown.
    func unknownNodeCount(question: String) -> RuleResult {
        let autoscaling = bool("enableAutoScaling")
        let setting = autoscaling.reading.value == true ? number("minCount") : number("count")
        return autoscaling.undecidableResult(question, subject: .agentPool(displayName))
            ?? setting.undecidableResult(question, subject: .agentPool(displayName))
            ?? setting.result(.indeterminate, "Cannot tell whether \(question): the autoscaler is on but minCount is not set.", subject: .agentPool(displayName))
    }

    /// Whether the pool runs on Spot virtual machines, which can be evicted at any time.
    var isSpot: Bool { string("scaleSetPriority").reading.value?.equalsIgnoringASCIICase("Spot") ?? false }
}

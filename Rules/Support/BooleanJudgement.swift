import AKSLintCore

extension Setting where Value == Bool {
    /// Judges a boolean setting that is secure when it equals `secureValue`.
    ///
    /// - Parameters:
    ///   - secureValue: The value that makes the cluster secure.
    ///   - absentIsSecure: Whether the platform default (setting missing or `null`) is secure.
    ///   - question: Completes "Cannot tell whether …" for unresolved or malformed values.
    ///   - pass: The message of a passing result.
    ///   - verdict: The first words of a failing result, such as "Local accounts are enabled"
    ///     (the rule's ``RuleMetadata/risk`` follows them in reports).
    ///   - subject: The cluster, or the node pool judged.
    ///
    /// Each text is made only for the result that needs it: most results are passes.
    func judge(
        secureValue: Bool, absentIsSecure: Bool, question: @autoclosure () -> String, pass: @autoclosure @escaping DeferredMessage,
        verdict: @autoclosure () -> MessageText, subject: ResultSubject = .cluster
    ) -> RuleResult {
        if let undecidable = undecidableResult(question(), subject: subject) { return undecidable }
        let secure: Bool
        if case .value(let flag, _) = reading { secure = flag == secureValue } else { secure = absentIsSecure }
        if secure { return result(.pass, pass(), subject: subject) }
        let failure = failureMessage(verdict: verdict().text)
        return result(.fail, failure, subject: subject)
    }
}

extension Setting {
    /// "Verdict (key is false)" — with a note that the platform default applies when the setting
    /// is missing, so the message always names what was actually found. The rule's risk follows
    /// in reports; a rule whose failures differ in what they risk gives `risk` here instead.
    func failureMessage(verdict: String, risk: String? = nil) -> MessageText {
        // Made in one string, with room for what a setting's description usually takes.
        var text = TextBuilder(capacity: verdict.utf8.count + 128 + (risk?.utf8.count ?? 0))
        text.append(verdict)
        text.append(" (")
        appendDescribedValue(to: &text)
        if reading.isAbsent { text.append("; the platform default applies") }
        text.append(")")
        if let risk {
            text.append(": ")
            text.append(risk)
        }
        return MessageText(text.text)
    }
}

extension ClusterResource {
    /// Judges every node pool with `judge`. Pools that cannot be known offline (an
    /// `agentPoolProfiles` or `properties` that is an unresolved expression) add one indeterminate
    /// result; a cluster without pools gives one not-applicable result, so a rule always answers.
    func judgePools(question: String, _ judge: (AgentPool) -> RuleResult) -> [RuleResult] {
        var results = agentPools.map(judge)
        if let unresolved = unresolvedAgentPools {
            let setting = Setting<[ValueRef]>(reading: unresolved.array(), property: "properties.agentPoolProfiles", displayName: "agentPoolProfiles")
            results.append(setting.undecidableResult(question)
                ?? RuleResult(state: .indeterminate, message: "Cannot tell whether \(question): the node pools are not known offline.", location: unresolved, property: "properties.agentPoolProfiles"))
        }
        if results.isEmpty {
            results.append(RuleResult(
                state: .notApplicable, message: "The cluster has no node pools in this input.", location: properties,
                property: "properties.agentPoolProfiles", pointsAtEnclosingObject: true))
        }
        return results
    }
}

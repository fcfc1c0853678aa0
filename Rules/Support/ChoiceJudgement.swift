import AKSLintCore

extension Setting where Value == String {
    /// Judges a setting that is secure when it is one of `secureValues` (compared without case).
    func judgeChoice(
        secureValues: [String], absentIsSecure: Bool, question: @autoclosure () -> String, pass: @autoclosure @escaping DeferredMessage,
        verdict: @autoclosure () -> MessageText, subject: ResultSubject = .cluster
    ) -> RuleResult {
        if let undecidable = undecidableResult(question(), subject: subject) { return undecidable }
        let secure: Bool
        if let value = reading.value { secure = secureValues.contains { $0.equalsIgnoringASCIICase(value) } } else { secure = absentIsSecure }
        if secure { return result(.pass, pass(), subject: subject) }
        let failure = failureMessage(verdict: verdict().text)
        return result(.fail, failure, subject: subject)
    }
}

extension ClusterResource {
    /// Whether a pool is a system pool: its `mode`, or, when no pool of the cluster says `System`,
    /// the first inline pool (AKS makes the first pool the system pool at creation). A pool read
    /// without its cluster defaults to User, as the agentPools API does. Nil when a mode cannot be
    /// evaluated.
    func isSystemPool(_ pool: AgentPool) -> Bool? {
        switch pool.properties.readString(["mode"]) {
        case .value(let mode, _): return mode.equalsIgnoringASCIICase("System")
        case .unresolved, .invalid: return nil
        case .absent: return !isPoolsOnly && pool.ordinal == 0 && !agentPools.contains { $0.declaresSystemMode == true }
        }
    }

    /// For rules about system pools only: not applicable for a user pool, indeterminate when the
    /// pool's mode cannot be evaluated, and nil for a system pool, which the rule then judges.
    func resultUnlessSystemPool(_ pool: AgentPool, claim: @autoclosure () -> String, property: @autoclosure () -> String) -> RuleResult? {
        guard let system = isSystemPool(pool) else { return pool.unknownApplicability(claim(), because: "mode", property: property()) }
        return system ? nil : pool.notApplicable("Not applicable: pool \(pool.quotedName) is a user pool.", property: property())
    }
}

extension AgentPool {
    /// Whether the pool runs Linux (`osType` missing means Linux); nil when it cannot be known.
    var isLinux: Bool? {
        switch properties.string("osType") {
        case .value(let type, _): return type.equalsIgnoringASCIICase("Linux")
        case .absent: return true
        case .unresolved, .invalid: return nil
        }
    }

    /// A not-applicable result for this pool.
    func notApplicable(_ message: MessageText, property: String) -> RuleResult {
        RuleResult(state: .notApplicable, message: message, location: properties, property: property, subject: .agentPool(displayName), pointsAtEnclosingObject: true)
    }

    /// An indeterminate result for this pool when whether the rule applies is unknown.
    func unknownApplicability(_ question: String, because setting: String, property: String) -> RuleResult {
        RuleResult(state: .indeterminate, message: "Cannot tell whether \(question): the pool's \(setting) cannot be evaluated offline.", location: properties, property: property, subject: .agentPool(displayName))
    }
}

extension AgentPool {
    /// The pool's VM set type (`VirtualMachineScaleSets`, `AvailabilitySet`, `VirtualMachines`).
    /// `az aks nodepool show` prints it as `typePropertiesType`, because its `type` is the
    /// resource type; a `type` that names a resource type is therefore not the VM set type.
    var vmSetType: Setting<String> {
        let renamed = string("typePropertiesType")
        guard renamed.reading.isAbsent else { return renamed }
        let type = string("type")
        if let value = type.reading.value, value.contains("/") { return renamed }
        return type
    }
}

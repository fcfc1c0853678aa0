extension Summary {
    /// The run in one sentence, as the text and Markdown reports end and begin: "2 files,
    /// 3 clusters, 45 rules: 7 failed (1 critical, 6 high), 2 indeterminate, 126 passed; 1 input
    /// could not be read."
    public var sentence: String {
        let scope = [Self.count(files, "file"), Self.count(clusters, "cluster"), Self.count(rulesEvaluated, "rule")].joined(separator: ", ")
        var outcome = "\(fail) failed"
        let severities = Severity.allCases.compactMap { severity -> String? in
            let count = counts.failures(at: severity)
            return count > 0 ? "\(count) \(severity.rawValue)" : nil
        }
        if !severities.isEmpty { outcome += " (" + severities.joined(separator: ", ") + ")" }
        outcome += ", \(indeterminate) indeterminate, \(pass) passed"
        if suppressed > 0 { outcome += ", \(suppressed) suppressed" }
        if baselined > 0 { outcome += ", \(baselined) in the baseline" }
        let unreadable = errors > 0 ? "; \(Self.count(errors, "input")) could not be read" : ""
        return scope + ": " + outcome + unreadable + planOutcome + "."
    }

    /// "; Terraform plans: 1 cluster to create, 1 to update, 1 to destroy (not linted)", or "".
    private var planOutcome: String {
        let parts = ["create", "replace", "update", "no-op", "delete"].compactMap { action in
            planActions[action].map { "\($0) \(action == "delete" ? "to destroy (not linted)" : TerraformResourceInfo.phrase(of: action))" }
        }
        guard !parts.isEmpty else { return "" }
        let total = planActions.values.reduce(0, +)
        return "; Terraform \(total == 1 ? "cluster" : "clusters"): " + parts.joined(separator: ", ")
    }

    /// "1 file", "2 files".
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(count == 1 ? noun : noun + "s")"
    }
}

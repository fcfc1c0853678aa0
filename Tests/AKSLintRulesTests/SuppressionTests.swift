@testable import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// Suppressions from `.akslint.json` and template metadata, and baselines: which findings they
/// accept, what they report about themselves, and that a baseline survives reformatting.
@Suite("Suppressions and baselines")
struct SuppressionTests {
    static let evaluationDay = CalendarDay("2026-11-24")!
    static let knownRules = Set(BuiltinRules.all.map(\.metadata.id))

    /// Lints inputs (path → text) into a report, as the CLI does before suppressions.
    private func report(_ inputs: [(path: String, bytes: [UInt8])], rules: [any Rule] = BuiltinRules.all) throws -> LintReport {
        let engine = LintEngine(rules: rules, context: RuleContext(evaluationDay: Self.evaluationDay))
        let reports = try inputs.map { input in
            let loaded = try InputLoader.load(input.bytes)
            return InputReport(path: input.path, loaded: loaded, results: try engine.evaluate(loaded, path: input.path))
        }
        return LintReport(inputs: reports, rules: rules.map(\.metadata), evaluationDay: Self.evaluationDay)
    }

    private func fixtureReport(_ fixtures: String...) throws -> LintReport {
        try report(fixtures.map { ("Fixtures/" + $0, try readBytes(Paths.repositoryRoot + "/Fixtures/" + $0)) })
    }

    private func configuration(_ fixture: String) throws -> LintConfiguration {
        let path = "Fixtures/config/" + fixture
        return try ConfigurationParser.parse(readBytes(Paths.repositoryRoot + "/" + path), path: path, catalogue: BuiltinRules.all.map(\.metadata))
    }

    private func apply(_ configuration: LintConfiguration, baseline: Baseline? = nil, to report: LintReport) -> LintReport {
        SuppressionApplier(configuration: configuration, baseline: baseline, today: Self.evaluationDay, knownRules: Self.knownRules).apply(to: report)
    }

    @Test("configuration suppressions match rule and cluster name or resource id globs; the finding is kept, marked")
    func configurationSuppressions() throws {
        let linted = try fixtureReport("az/aks-list.json")
        let applied = apply(try configuration("adoption.akslint.json"), to: linted)
        let prod = applied.findings.filter { $0.cluster.displayName == "prod-aks" }

        let privateCluster = try #require(prod.first { $0.ruleId == "AKS201" })
        #expect(privateCluster.state == .fail, "suppressing never changes the verdict")
        #expect(privateCluster.suppression?.kind == .external)
        #expect(privateCluster.suppression?.justification == "Private cluster migration planned with the network team (NET-118).")
        #expect(privateCluster.suppression?.source == SourceReference(path: "Fixtures/config/adoption.akslint.json", line: 7))
        #expect(privateCluster.suppression?.expires == CalendarDay("2027-03-31"))

        let egress = try #require(prod.first { $0.ruleId == "AKS207" })
        #expect(egress.suppression?.source.line == 13, "matched by the resource id glob")

        #expect(applied.findings.count == linted.findings.count, "nothing is dropped")
        #expect(applied.summary.suppressed == 2)
        #expect(applied.summary.fail == linted.summary.fail - 2)
    }

    @Test("the result counts of a report with suppressions agree with its results counted one by one")
    func resultCounts() throws {
        let applied = apply(try configuration("adoption.akslint.json"), to: try fixtureReport("az/aks-list.json", "arm/nested-deployments.json"))
        let results = applied.allResults
        let counts = ResultCounts(applied.inputs)
        #expect(counts.suppressed == results.count { $0.suppression != nil } && counts.suppressed > 0)
        #expect(counts.pass == results.count { $0.state == .pass })
        #expect(counts.indeterminate == results.count { $0.isOpen && $0.state == .indeterminate } && counts.indeterminate > 0)
        for severity in Severity.allCases {
            #expect(counts.failures(at: severity) == results.count { $0.isOpen && $0.state == .fail && $0.severity == severity })
        }
        for threshold in Severity.allCases.map(FailThreshold.severity) + [.never] {
            for strict in [false, true] {
                let tripping = results.count { $0.isOpen && ($0.state == .fail || (strict && $0.state == .indeterminate)) && threshold.isTripped(by: $0.severity) }
                #expect(counts.tripping(threshold, countingIndeterminate: strict) == tripping, "\(threshold), strict: \(strict)")
            }
        }
    }

    @Test("an expired suppression no longer applies and is reported; one that matched nothing is listed as unused")
    func expiredAndUnused() throws {
        let applied = apply(try configuration("adoption.akslint.json"), to: try fixtureReport("az/aks-list.json"))
        let local = try #require(applied.findings.first { $0.ruleId == "AKS103" && $0.cluster.displayName == "prod-aks" })
        #expect(local.suppression == nil, "expired on 2026-06-30, before the evaluation day")
        #expect(applied.suppressionReview.expired.map(\.rule) == ["AKS103"])
        #expect(applied.suppressionReview.unused.map(\.rule) == ["AKS104"], "RBAC is on in both clusters")
        let notes = applied.suppressionReview.notes.map(\.message)
        #expect(notes.contains("the suppression of AKS103 for prod-aks expired on 2026-06-30; its findings are reported again"))
        #expect(notes.contains("the suppression of AKS104 matched no finding; remove it if the finding is fixed"))

        let beforeExpiry = SuppressionApplier(configuration: try configuration("adoption.akslint.json"), baseline: nil, today: CalendarDay("2026-06-30")!, knownRules: Self.knownRules)
            .apply(to: try fixtureReport("az/aks-list.json"))
        #expect(beforeExpiry.findings.first { $0.ruleId == "AKS103" && $0.cluster.displayName == "prod-aks" }?.suppression != nil, "applies through its expiry day")
        #expect(beforeExpiry.suppressionReview.expired.isEmpty)
    }

    @Test("a suppression of a rule that did not run is not called unused")
    func unusedOnlyForRulesThatRan() throws {
        let onlyRBAC = BuiltinRules.all.filter { $0.metadata.id == "AKS201" }
        let linted = try report([("Fixtures/az/aks-list.json", try readBytes(Paths.fixture("az/aks-list.json")))], rules: onlyRBAC)
        let applied = apply(try configuration("adoption.akslint.json"), to: linted)
        #expect(applied.suppressionReview.unused.isEmpty)
    }

    @Test("inline suppressions in template metadata: applied with their reason, malformed and unused ones reported")
    func inlineSuppressions() throws {
        let linted = try fixtureReport("arm/inline-suppressions.json")
        #expect(try #require(linted.inputs.first).suppressionSites.count == 5, "the reader hands every entry to the suppression layer")

        let applied = apply(LintConfiguration(), to: linted)
        let input = try #require(applied.inputs.first)
        #expect(input.warnings.contains { $0.message.contains("the inline suppression of \"AKS205\" has no \"reason\" and is ignored") })
        let privateCluster = try #require(applied.findings.first { $0.ruleId == "AKS201" })
        #expect(privateCluster.suppression?.kind == .inSource)
        #expect(privateCluster.suppression?.justification.hasPrefix("Field devices reach the API server") == true)
        #expect(privateCluster.suppression?.source == SourceReference(path: "Fixtures/arm/inline-suppressions.json", line: 17))
        #expect(applied.findings.first { $0.ruleId == "AKS604" }?.suppression?.kind == .inSource, "rule ids match in any case")
        #expect(applied.findings.first { $0.ruleId == "AKS205" }?.suppression == nil, "an entry without a reason does not apply")

        let unused = applied.suppressionReview.unused
        #expect(unused.map(\.rule) == ["AKS103", "AKS2O1"])
        #expect(unused.map(\.unknownRule) == [false, true])
        #expect(applied.suppressionReview.notes.map(\.message).contains("the suppression names \"AKS2O1\", which is no akslint rule (run 'akslint rules' for the list)"))
    }

    @Test("inline beats configuration beats baseline: the most specific, reasoned decision is the one shown")
    func precedence() throws {
        let linted = try fixtureReport("arm/inline-suppressions.json")
        var configuration = LintConfiguration()
        configuration.suppressions = [SuppressionEntry(rule: "AKS201", cluster: nil, reason: "from the configuration", expires: nil, source: SourceReference(path: ".akslint.json", line: 3))]
        let baseline = Baseline(recording: linted, path: "baseline.json")
        let applied = apply(configuration, baseline: baseline, to: linted)
        #expect(applied.findings.first { $0.ruleId == "AKS201" }?.suppression?.kind == .inSource)
        #expect(applied.findings.first { $0.ruleId == "AKS205" }?.suppression?.kind == .baseline)
        #expect(applied.suppressionReview.unused.contains { $0.source.path == ".akslint.json" }, "shadowed by the inline suppression, so it matched nothing")
    }

    @Test("a baseline still matches after the input is re-indented and its keys reordered; a new problem is new")
    func baselineSurvivesReformatting() throws {
        let original = try readBytes(Paths.fixture("az/prod-insecure.json"))
        let before = try report([("clusters/prod.json", original)])
        let baseline = try Baseline.parse(Array(Baseline(recording: before, path: "akslint-baseline.json").serialized().utf8), path: "akslint-baseline.json")
        #expect(baseline.entries.count == before.findings.count)

        let reformatted = try Reformat.reindentedReversed(original, prefixLines: 3)
        #expect(reformatted != original)
        let after = try report([("clusters/prod.json", reformatted)])
        let moved = try #require(after.findings.first { $0.ruleId == "AKS103" })
        let originalLine = try #require(before.findings.first { $0.ruleId == "AKS103" }).location.region.start.line
        #expect(moved.location.region.start.line != originalLine, "the finding really moved")

        let applied = apply(LintConfiguration(), baseline: baseline, to: after)
        #expect(applied.findings.allSatisfy { $0.suppression?.kind == .baseline })
        #expect(applied.summary.baselined == before.findings.count)
        #expect(applied.summary.fail == 0 && applied.summary.indeterminate == 0)

        // Turn Kubernetes RBAC off: a finding the baseline has never seen.
        let regressed = try Reformat.replacing("\"enableRbac\": true", with: "\"enableRbac\": false", in: reformatted)
        let new = apply(LintConfiguration(), baseline: baseline, to: try report([("clusters/prod.json", regressed)]))
        #expect(new.findings.filter(\.isOpen).map(\.ruleId) == ["AKS104"])
    }

    @Test("a baseline file round-trips, sorted, and rejects what is not one")
    func baselineFile() throws {
        let linted = try fixtureReport("az/prod-insecure.json")
        let text = Baseline(recording: linted, path: "b.json").serialized()
        #expect(text.hasPrefix("{\n  \"akslintBaseline\": 1,\n  \"findings\": [\n"))
        let parsed = try Baseline.parse(Array(text.utf8), path: "b.json")
        #expect(Set(parsed.entries.map(\.fingerprint)) == Set(linted.findings.map(\.fingerprint)))
        #expect(parsed.serialized() == text, "stable: rewriting an unchanged baseline changes nothing")
        #expect(parsed.entries.map(\.ruleId) == parsed.entries.map(\.ruleId).sorted())

        #expect(throws: Diagnostic.self) { try Baseline.parse(Array(#"{"findings": []}"#.utf8), path: "b.json") }
        #expect(throws: Diagnostic.self) { try Baseline.parse(Array(#"{"akslintBaseline": 1, "findings": [{"ruleId": "AKS101"}]}"#.utf8), path: "b.json") }
        #expect(throws: Diagnostic.self) { try Baseline.parse(Array("{\"akslintBaseline\": 1,".utf8), path: "b.json") }
    }

    @Test("a new baseline keeps baselined findings, not those suppressed for a reason elsewhere")
    func rerecording() throws {
        let linted = try fixtureReport("arm/inline-suppressions.json")
        let first = Baseline(recording: apply(LintConfiguration(), to: linted), path: "b.json")
        #expect(!first.entries.contains { $0.ruleId == "AKS201" }, "suppressed inline: it has its own reason")
        let second = Baseline(recording: apply(LintConfiguration(), baseline: first, to: linted), path: "b.json")
        #expect(second.entries == first.entries)
    }
}

/// Rewrites JSON the way an editor or a formatter might, to prove fingerprints do not depend on layout.
enum Reformat {
    /// The document with every object's keys in reverse order, 4-space indentation, and blank
    /// lines before it, so every value moves to another line and column.
    static func reindentedReversed(_ bytes: [UInt8], prefixLines: Int) throws -> [UInt8] {
        let document = try JSONParser.parse(bytes)
        let text = String(repeating: "\n", count: prefixLines) + (try output(document.root)).serialized(indent: 4)
        return Array(text.utf8)
    }

    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) throws -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains(old) else { throw TestFailure("\(old) not found") }
        return Array(text.replacing(old, with: new).utf8)
    }

    private static func output(_ node: JSONNode) throws -> JSONOutput {
        switch node.value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number):
            guard let integer = Int(exactly: number) else { throw TestFailure("non-integer \(number)") }
            return .int(integer)
        case .string(let text): return .string(text)
        case .array(let elements): return .array(try elements.map(output))
        case .object(let object): return .object(try object.members.reversed().map { ($0.key, try output($0.value)) })
        case .unresolved: throw TestFailure("unexpected unresolved value")
        }
    }
}

@testable import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// akslint against checkov's own labelled ARM fixtures, for the concepts both check. Every
/// disagreement is listed here with the reason akslint gives a different answer; a new one fails
/// the test until it is understood.
@Suite("Agreement with checkov's ARM fixtures")
struct CheckovComparisonTests {
    /// checkov check → akslint rule.
    static let mapping = [
        "CKV_AZURE_4": "AKS501", "CKV_AZURE_5": "AKS104", "CKV_AZURE_6": "AKS202", "CKV_AZURE_7": "AKS205", "CKV_AZURE_8": "AKS404",
        "CKV_AZURE_141": "AKS103", "CKV_AZURE_171": "AKS601", "CKV_AZURE_172": "AKS302", "CKV_AZURE_227": "AKS304",
        "CKV_AZURE_168": "AKS910", "CKV_AZURE_169": "AKS911", "CKV_AZURE_226": "AKS909", "CKV_AZURE_85": "AKS406",
    ]

    /// Fixture → akslint's verdict where it differs from checkov's label, and why akslint is right.
    static let knownDisagreements: [String: (ResultState, String)] = [
        "example_AKSDashboardDisabled/AKSDashboardDisabled-FAILED.json": (.pass, "no kubeDashboard block: the add-on is off unless enabled (and gone since Kubernetes 1.19); checkov demands an explicit false"),
        "example_AKSDashboardDisabled/AKSDashboardDisabled-FAILED2.json": (.pass, "same: addonProfiles without kubeDashboard"),
        "example_AKSDashboardDisabled/AKSDashboardDisabled-FAILED4.json": (.indeterminate, "addonProfiles is the string \"yo\": Azure would reject the template, so nothing can be said"),
        "example_AKSLoggingEnabled/aksLoggingEnabled-FAILED3.json": (.indeterminate, "omsagent.enabled depends on a parameter with no default: on or off is decided at deployment"),
        "example_AKSEphemeralOSDisks/fail.json": (.pass, "no osDiskType: AKS picks Ephemeral when the VM size's cache or temporary disk holds the OS disk, as PSRule's Azure.AKS.EphemeralOSDisk also assumes; checkov fails any absent value"),
        "example_AKSMaxPodsMinimum/agentPoolProfiles_without_maxPods_fail3.json": (.pass, "no maxPods on a kubenet cluster: the kubenet default is 110, not the 30 checkov assumes for every plugin"),
        "example_AkSSecretStoreRotation/fail.json": (.notApplicable, "the Key Vault add-on is not enabled, so rotation does not apply (AKS301 fails the missing add-on instead)"),
    ]

    @Test("every labelled fixture agrees with checkov, or differs for a documented reason", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func agreement() throws {
        let root = Paths.corpus + "/checkov-fixtures/arm"
        var compared = 0
        var seenDisagreements = Set<String>()
        for folder in try directoryEntries(root) {
            let expected = try JSONParser.parse(readBytes("\(root)/\(folder)/expected.json")).root
            guard let check = expected.object?["check"]?.string, let ruleID = Self.mapping[check], let rule = BuiltinRules.rule(withID: ruleID) else { continue }
            let labels = expected.object?["file_labels"]?.object
            let passing = (expected.object?["passing"]?.array ?? []).compactMap(\.string)
            let failing = (expected.object?["failing"]?.array ?? []).compactMap(\.string)
            for file in try directoryEntries("\(root)/\(folder)") where file.hasSuffix(".json") && file != "expected.json" {
                let loaded = try InputLoader.load(readBytes("\(root)/\(folder)/\(file)"))
                guard let cluster = loaded.clusters.first else { continue }
                let states = try LintEngine(rules: [rule]).evaluate(loaded, path: file).map(\.state)
                let ours: ResultState = states.contains(.fail) ? .fail : states.contains(.indeterminate) ? .indeterminate : states.contains(.pass) ? .pass : .notApplicable
                let label = labels?[file]?.string
                    ?? (passing.contains { $0.hasSuffix(cluster.displayName) } ? "PASSED" : failing.contains { $0.hasSuffix(cluster.displayName) } ? "FAILED" : nil)
                guard let label else { continue }
                compared += 1
                let theirs: ResultState = label == "PASSED" ? .pass : .fail
                let key = "\(folder)/\(file)"
                if let (documented, _) = Self.knownDisagreements[key] {
                    seenDisagreements.insert(key)
                    #expect(ours == documented, "\(key): akslint says \(ours), the documented disagreement says \(documented)")
                } else {
                    #expect(ours == theirs, "\(key): checkov \(label), akslint \(ours) (\(ruleID))")
                }
            }
        }
        #expect(compared >= 35)
        #expect(seenDisagreements == Set(Self.knownDisagreements.keys), "a documented disagreement no longer occurs")
    }
}

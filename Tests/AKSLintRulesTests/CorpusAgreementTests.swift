@testable import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// The core rules on every recorded cluster of the shared corpus must agree with the values its
/// INDEX.md table lists for that cluster, read from the table itself (an independent oracle).
@Suite("Corpus agreement with INDEX.md")
struct CorpusAgreementTests {
    /// One row of the INDEX.md table, by column name.
    struct Row: CustomTestStringConvertible, Sendable {
        let file: String
        let cells: [String: String]
        var testDescription: String { file }
        func callAsFunction(_ column: String) -> String { cells[column] ?? "" }
    }

    static let rows: [Row] = {
        guard let bytes = try? readBytes(Paths.corpus + "/INDEX.md") else { return [] }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard let headerIndex = lines.firstIndex(where: { $0.hasPrefix("| file | kind |") }) else { return [] }
        let header = cells(of: lines[headerIndex])
        return lines[(headerIndex + 2)...].prefix { $0.hasPrefix("|") }.compactMap { line in
            let values = cells(of: line)
            guard values.count == header.count, values[1] == "managedCluster(REST)" else { return nil }
            return Row(file: values[0], cells: Dictionary(zip(header, values), uniquingKeysWith: { first, _ in first }))
        }
    }()

    private static func cells(of line: Substring) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test("the table lists every recording", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func tableIsComplete() {
        #expect(Self.rows.count == 80, "INDEX.md rows read: \(Self.rows.count)")
    }

    @Test("each core rule's verdict matches the table", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)), arguments: rows)
    func agreement(row: Row) throws {
        let loaded = try InputLoader.load(readBytes(Paths.corpus + "/" + row.file))
        let results = try LintEngine(rules: BuiltinRules.all).evaluate(loaded, path: row.file)
        func verdict(_ id: String) -> ResultState {
            let states = results.filter { $0.ruleId == id }.map(\.state)
            if states.contains(.fail) { return .fail }
            if states.contains(.indeterminate) { return .indeterminate }
            return .pass
        }
        func expect(_ id: String, _ expected: ResultState, _ column: String) {
            #expect(verdict(id) == expected, "\(row.file): \(id) vs INDEX column \(column) = \(row(column))")
        }
        expect("AKS101", row("aad") == "managed" ? .pass : .fail, "aad")
        expect("AKS102", row("azRbac") == "yes" ? .pass : .fail, "azRbac")
        expect("AKS103", row("localAccounts") == "disabled" ? .pass : .fail, "localAccounts")
        expect("AKS104", row("rbac") == "no" ? .fail : .pass, "rbac")
        expect("AKS106", row("wi") == "yes" ? .pass : .fail, "wi")
        expect("AKS107", row("oidc") == "yes" ? .pass : .fail, "oidc")
        expect("AKS201", row("private") == "yes" ? .pass : .fail, "private")
        // The recorded ranges are all "1.2.3.4/32": a count means closed; none means open to all.
        expect("AKS202", row("private") == "yes" || Int(row("authIPs")) != nil ? .pass : .fail, "private/authIPs")
        expect("AKS205", ["azure", "calico", "cilium"].contains(row("netPolicy")) ? .pass : .fail, "netPolicy")
        expect("AKS206", row("nodePublicIP").split(separator: "/").contains("yes") ? .fail : .pass, "nodePublicIP")
        expect("AKS301", row("kv") == "yes" ? .pass : .fail, "kv")
        expect("AKS401", row("defender").hasPrefix("yes") ? .pass : .fail, "defender")
        expect("AKS402", row("policy") == "yes" ? .pass : .fail, "policy")
    }
}

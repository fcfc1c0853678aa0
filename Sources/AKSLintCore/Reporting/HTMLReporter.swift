/// The fleet posture report: one self-contained HTML page a security lead can put on the screen.
///
/// The page holds a summary drawn here (counts by severity and category as inline SVG, the most
/// exposed clusters, what changed since the baseline, the run's facts), and the fleet's data once,
/// as JSON in a `<script type="application/json">` element, from which the page's own script draws
/// the matrix of clusters and rules and the view of one cluster on demand. So a 10,000-cluster
/// fleet stays a file of a few megabytes that a browser opens at once.
///
/// Nothing is fetched: a `Content-Security-Policy` allows no network at all, inline styles, and
/// only the page's script (by its SHA-256), so even text that escaped its escaping could not run.
/// Text from the input is escaped here (see ``HTMLEscaping``) or set by the script as text, never
/// as markup.
public struct HTMLReporter: Reporter {
    /// The run's facts the report shows beside its results.
    public struct RunFacts: Sendable {
        /// When the run was, as shown.
        public let timestamp: String
        /// The Kubernetes support calendar's date (what AKS603 judged versions by).
        public let calendarDate: CalendarDay
        /// Where file links point, such as `https://github.com/org/repo/blob/main` (nil: no links).
        public let repositoryURL: String?

        /// Creates the facts.
        public init(timestamp: String, calendarDate: CalendarDay, repositoryURL: String? = nil) {
            self.timestamp = timestamp
            self.calendarDate = calendarDate
            self.repositoryURL = repositoryURL
        }
    }

    public let facts: RunFacts

    /// Creates a reporter.
    public init(facts: RunFacts) {
        self.facts = facts
    }

    public func write(_ report: LintReport, to output: inout ReportOutput) {
        let script = HTMLAssets.script
        output.write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-\(SHA256.base64Digest(script))'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>akslint: AKS fleet posture</title>
            <style>\(HTMLAssets.style)</style>
            </head>
            <body>
            <header><h1>AKS fleet posture</h1><p class="verdict">\(HTMLEscaping.text(report.summary.sentence))</p></header>
            <main>

            """)
        if let noCluster = report.noClusterWarning { output.write("<p class=\"warning\" role=\"alert\">\(HTMLEscaping.text(noCluster))</p>\n") }
        output.write(HTMLSummary(report: report).html)
        output.write("""
            <section id="fleet" aria-labelledby="fleet-title">
            <h2 id="fleet-title">Clusters and rules</h2>
            <form id="filters" class="filters" role="search">
            <label>Search <input type="search" id="search" placeholder="cluster, resource group or file"></label>
            <label>Sort <select id="sort"><option value="name">by name</option><option value="failed">by failed rules</option><option value="worst">by worst severity</option></select></label>
            <label>Severity <select id="severity"><option value="">any</option>\(Severity.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue) and above</option>" }.joined())</select></label>
            <label>Category <select id="category"><option value="">any</option>\(Self.categoriesPresent(report).map { "<option value=\"\($0.rawValue)\">\(HTMLEscaping.text($0.title))</option>" }.joined())</select></label>
            <label>Framework <select id="framework"><option value="">any</option><option value="CIS">CIS AKS Benchmark</option><option value="MCSB">Microsoft cloud security benchmark</option></select></label>
            <label>State <select id="state"><option value="">any</option><option value="F">failed</option><option value="I">indeterminate</option><option value="S">suppressed or baselined</option><option value="P">all passed</option></select></label>
            </form>
            <p id="shown" class="shown" aria-live="polite"></p>
            <div class="matrix-frame"><table id="matrix" class="matrix"><caption>Each cell is a rule on a cluster: ✗ failed (coloured by severity), ? indeterminate, ✓ passed, – not applicable, S suppressed, B baselined. Select a cluster for its findings and fixes.</caption><thead></thead><tbody></tbody></table></div>
            <p><button type="button" id="more" hidden>Show more clusters</button></p>
            </section>
            <section id="cluster" aria-live="polite" hidden></section>

            """)
        output.write(HTMLSummary.runFacts(report, facts))
        output.write("""
            </main>
            <script type="application/json" id="akslint-data">
            """)
        output.write(bytes: HTMLEscaping.scriptJSON(data(report)))
        output.write("</script>\n<script>\(script)</script>\n</body>\n</html>\n")
    }

    /// The categories of the rules that ran, in catalogue order.
    static func categoriesPresent(_ report: LintReport) -> [RuleCategory] {
        RuleCategory.allCases.filter { category in report.rules.contains { $0.category == category } }
    }

    /// The fleet as the page's script reads it: the rules once, then each cluster with one state
    /// letter per rule and its open findings; messages and commands, which repeat across a fleet,
    /// are stored once in a table of strings and referred to by index.
    func data(_ report: LintReport) -> [UInt8] {
        var strings = StringTable()
        let ruleIndex = Dictionary(report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var output = ReportOutput()
        JSONWriter.write(to: &output, indent: 0) { json in
            json.beginObject()
            json.key("rules")
            json.beginArray()
            for rule in report.rules { json.value(ruleData(rule)) }
            json.endArray()
            json.member("repository", facts.repositoryURL)
            json.key("clusters")
            json.beginArray()
            for input in report.inputs {
                for (cluster, results) in input.resultsByCluster {
                    writeCluster(cluster, results: results, input: input, ruleIndex: ruleIndex, ruleCount: report.rules.count, strings: &strings, to: &json)
                }
            }
            json.endArray()
            json.key("strings")
            json.beginArray()
            for text in strings.texts { json.value(TerminalSafety.sanitize(text)) }
            json.endArray()
            json.endObject()
        }
        return output.bytes
    }

    private func ruleData(_ rule: RuleMetadata) -> JSONOutput {
        .object([
            ("id", .string(rule.id)), ("name", .string(rule.name)), ("title", .string(rule.title)),
            ("severity", .string(rule.severity.rawValue)), ("category", .string(rule.category.rawValue)), ("categoryTitle", .string(rule.category.title)),
            ("controls", .array(rule.controls.map { .string($0.tag) })), ("rationale", .string(rule.rationale)),
            ("template", .string(rule.remediation.template)), ("bicep", .string(rule.remediation.bicep)), ("terraform", .string(rule.remediation.terraform)),
            ("disruption", .string(rule.remediation.disruption.explanation)),
            ("command", .string(rule.remediation.azCommand)), ("fixLabel", .string(rule.remediation.disruption.fixLabel)),
        ])
    }

    /// `{"n": name, "g": group, "f": file, "id": resource id, "s": states, "w": words, "x": findings}`,
    /// where `s` has one letter per rule (see ``cellState(_:)``), `w` holds what the `az` command's
    /// placeholders become for the cluster (see ``Remediation/word(for:cluster:subject:)``: the page
    /// fills each rule's command with them, so no command is stored per finding), and each finding
    /// is `[rule, state, line, column, message]`, plus an object of what it has beyond that: `f` its
    /// file when not the input, `s` its subject, `w` words of its own (a pool's name), `a` why it is
    /// accepted. Strings are by their index in the table.
    private func writeCluster(
        _ cluster: ClusterReference, results: [Finding], input: InputReport, ruleIndex: [String: Int], ruleCount: Int,
        strings: inout StringTable, to json: inout JSONWriter
    ) {
        var byRule = [[Finding]](repeating: [], count: ruleCount)
        for result in results { if let index = ruleIndex[result.ruleId] { byRule[index].append(result) } }
        json.beginObject()
        json.member("n", TerminalSafety.sanitize(cluster.displayName))
        json.member("g", cluster.resourceGroup.map(TerminalSafety.sanitize))
        json.member("f", TerminalSafety.sanitize(input.path))
        json.member("id", cluster.resourceId.map(TerminalSafety.sanitize))
        json.member("s", String(byRule.map(Self.cellState)))
        json.member("w", Self.words(["resourceGroup", "name"], cluster: cluster, subject: .cluster))
        json.key("x")
        json.beginArray()
        for finding in results where finding.state == .fail || finding.state == .indeterminate {
            guard let rule = ruleIndex[finding.ruleId] else { continue }
            json.beginArray()
            json.value(rule)
            json.value(finding.suppression == nil ? String(Self.stateLetter(finding.state)) : (finding.suppression?.kind == .baseline ? "B" : "S"))
            json.value(finding.location.region.start.line)
            json.value(finding.location.region.start.column)
            json.value(strings.index(of: finding.message))
            var extras: [(String, JSONOutput)] = []
            if finding.location.file != input.path { extras.append(("f", .int(strings.index(of: finding.location.file)))) }
            if let subject = finding.subjectText { extras.append(("s", .string(TerminalSafety.sanitize(subject)))) }
            if finding.subject != .cluster { extras.append(("w", Self.words(["pool", "resource"], cluster: cluster, subject: finding.subject))) }
            if let suppression = finding.suppression { extras.append(("a", .string(TerminalSafety.sanitize(suppression.justification)))) }
            if !extras.isEmpty { json.value(.object(extras)) }
            json.endArray()
        }
        json.endArray()
        json.endObject()
    }

    /// `{"name": ["aks-prod"], "resourceGroup": ["<resource-group>", "note"]}`: each placeholder's
    /// word, with the note on where the name comes from when there is one.
    private static func words(_ keys: [String], cluster: ClusterReference, subject: ResultSubject) -> JSONOutput {
        .object(keys.compactMap { key in
            Remediation.word(for: key, cluster: cluster, subject: subject).map { filled in
                (key, .array([.string(TerminalSafety.sanitize(filled.word))] + (filled.note.map { [.string(TerminalSafety.sanitize($0))] } ?? [])))
            }
        })
    }

    /// One rule on one cluster, from all its results (one per node pool for pool rules): `F`
    /// failed, `I` indeterminate, `S` suppressed, `B` baselined, `P` passed, `N` not applicable,
    /// `-` not evaluated (a rule that does not judge a pools-only input).
    static func cellState(_ results: [Finding]) -> Character {
        let open = results.filter { $0.suppression == nil }
        if open.contains(where: { $0.state == .fail }) { return "F" }
        if open.contains(where: { $0.state == .indeterminate }) { return "I" }
        if results.contains(where: { $0.suppression?.kind == .baseline }) { return "B" }
        if results.contains(where: { $0.suppression != nil }) { return "S" }
        if results.contains(where: { $0.state == .pass }) { return "P" }
        return results.isEmpty ? "-" : "N"
    }

    private static func stateLetter(_ state: ResultState) -> Character {
        switch state {
        case .fail: return "F"
        case .indeterminate: return "I"
        case .pass: return "P"
        case .notApplicable: return "N"
        }
    }
}

/// Strings stored once, referred to by their position.
private struct StringTable {
    private(set) var texts: [String] = []
    private var positions: [String: Int] = [:]

    mutating func index(of text: String) -> Int {
        if let known = positions[text] { return known }
        positions[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }
}

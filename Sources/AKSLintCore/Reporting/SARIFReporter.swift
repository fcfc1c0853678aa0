/// The report for GitHub code scanning and other SARIF 2.1.0 consumers.
///
/// Follows GitHub's ingestion rules: one run; every rule with help and security-severity; every
/// result with a relative artifact URI, a region with line and column, and akslint's own
/// line-independent fingerprint under `partialFingerprints["akslint/v1"]`. Inputs that could not
/// be read go to the invocation's notifications, never to location-less results.
public struct SARIFReporter: Reporter {
    /// Absolute path that relative artifact URIs are relative to (the repository root in CI).
    public let workingDirectory: String
    /// Whether suppressed and baselined findings are included (with `suppressions` filled in).
    /// Off by default: GitHub code scanning ignores `suppressions` and would open them as alerts.
    public let includeSuppressed: Bool

    /// Creates a SARIF reporter.
    public init(workingDirectory: String, includeSuppressed: Bool = false) {
        self.workingDirectory = workingDirectory
        self.includeSuppressed = includeSuppressed
    }

    /// Writes the SARIF log as JSON, one rule and one result at a time.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        let ruleIndex = Dictionary(report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let includeSuppressed = self.includeSuppressed
        let comparedWithBaseline = report.suppressionReview.baselinePath != nil
        // Each file's URI once, not once per result (percent-encoding a path is per byte).
        var locations: [String: JSONOutput] = [:]
        for input in report.inputs {
            for path in [input.path] + input.sourcePaths where locations[path] == nil { locations[path] = artifactLocation(path) }
        }
        let artifacts = locations
        let run = JSONOutput.object([
            ("tool", .object([("driver", .object([
                ("name", .string(AKSLintInfo.name)),
                ("semanticVersion", .string(AKSLintInfo.version)),
                ("informationUri", .string(AKSLintInfo.informationURI)),
                ("rules", .lazy(report.rules.lazy.map(rule))),
            ]))])),
            ("automationDetails", .object([("id", .string("akslint/"))])),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(sourceRootURI))]))])),
            ("columnKind", .string("utf16CodeUnits")),
            ("invocations", .array([invocation(report)])),
            ("results", .lazy(report.inputs.lazy.flatMap(\.results).filter { ($0.state == .fail || $0.state == .indeterminate) && (includeSuppressed || $0.suppression == nil) }.map {
                result($0, ruleIndex: ruleIndex[$0.ruleId], comparedWithBaseline: comparedWithBaseline, artifacts: artifacts)
            })),
        ])
        return JSONOutput.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).write(to: &output)
    }

    private func rule(_ rule: RuleMetadata) -> JSONOutput {
        var properties: [(String, JSONOutput)] = [
            ("tags", .array(([rule.category.isSecurityPosture ? "security" : rule.category.rawValue, "aks", rule.category.rawValue] + rule.controls.map(\.tag)).uniqued().map(JSONOutput.string))),
            ("precision", .string("very-high")),
        ]
        if let score = rule.severity.securitySeverity {
            properties.append(("security-severity", .string(score)))
        } else {
            properties.append(("problem.severity", .string("recommendation")))
        }
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.title))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([
                ("text", .string(RuleDocumentation.text(rule))),
                ("markdown", .string(RuleDocumentation.markdown(rule))),
            ])),
            ("helpUri", .string(RuleDocumentation.helpURI(rule))),
            ("defaultConfiguration", .object([("level", .string(rule.severity.sarifLevel))])),
            ("properties", .object(properties)),
        ])
    }

    private func result(_ finding: Finding, ruleIndex: Int?, comparedWithBaseline: Bool, artifacts: [String: JSONOutput]) -> JSONOutput {
        var text = finding.message
        if finding.state == .fail, let command = finding.fixCommand { text += " Fix: `\(command)`" }
        var members: [(String, JSONOutput)] = [("ruleId", .string(finding.ruleId))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        if finding.state == .indeterminate {
            members += [("kind", .string("review")), ("level", .string("none"))]
        } else {
            members.append(("level", .string(finding.severity.sarifLevel)))
        }
        var logical: [(String, JSONOutput)] = [("name", .string(finding.cluster.displayName)), ("kind", .string("resource"))]
        if let id = finding.cluster.resourceId { logical.insert(("fullyQualifiedName", .string(id)), at: 1) }
        members += [
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([
                ("physicalLocation", physicalLocation(artifacts[finding.location.file] ?? artifactLocation(finding.location.file), region: finding.location.region)),
                ("logicalLocations", .array([.object(logical)])),
            ])])),
            ("partialFingerprints", .object([("akslint/v1", .string(finding.fingerprint))])),
            ("properties", .object([
                ("cluster", .string(finding.cluster.displayName)),
                ("property", .string(finding.property)),
                ("jsonPath", .string(finding.location.jsonPath)),
                ("state", .string(finding.state.rawValue)),
            ])),
        ]
        if comparedWithBaseline {
            members.append(("baselineState", .string(finding.suppression?.kind == .baseline ? "unchanged" : "new")))
        }
        if let suppression = finding.suppression {
            members.append(("suppressions", .array([.object([
                ("kind", .string(suppression.kind.sarifKind)),
                ("status", .string("accepted")),
                ("justification", .string(suppression.justification)),
            ])])))
        }
        return .object(members)
    }

    private func invocation(_ report: LintReport) -> JSONOutput {
        let errors = report.errors.map { notification($0, level: "error") }
        let warnings = report.warnings.map { notification($0, level: "warning") }
        let configurationNotes = report.suppressionReview.notes.map { note in
            var physical: [(String, JSONOutput)] = [("artifactLocation", artifactLocation(note.source.path))]
            if let line = note.source.line { physical.append(("region", .object([("startLine", .int(line))]))) }
            return JSONOutput.object([
                ("level", .string("warning")),
                ("message", .object([("text", .string(note.message))])),
                ("locations", .array([.object([("physicalLocation", .object(physical))])])),
            ])
        }
        return .object([
            ("executionSuccessful", .bool(report.errors.isEmpty)),
            ("toolExecutionNotifications", .array(errors + warnings)),
            ("toolConfigurationNotifications", .array(configurationNotes)),
        ])
    }

    private func notification(_ diagnostic: Diagnostic, level: String) -> JSONOutput {
        var physical: [(String, JSONOutput)] = [("artifactLocation", artifactLocation(diagnostic.path))]
        if let position = diagnostic.position {
            physical.append(("region", .object([("startLine", .int(position.line)), ("startColumn", .int(position.column))])))
        }
        return .object([
            ("level", .string(level)),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
        ])
    }

    private func physicalLocation(_ artifact: JSONOutput, region: SourceRegion) -> JSONOutput {
        .object([
            ("artifactLocation", artifact),
            ("region", .object([
                ("startLine", .int(region.start.line)),
                ("startColumn", .int(region.start.column)),
                ("endLine", .int(region.end.line)),
                ("endColumn", .int(region.end.column)),
            ])),
        ])
    }

    private func artifactLocation(_ path: String) -> JSONOutput {
        if let relative = FilePath.relative(path, to: workingDirectory) {
            return .object([("uri", .string(URIEncoding.percentEncodePath(relative))), ("uriBaseId", .string("%SRCROOT%"))])
        }
        return .object([("uri", .string("file://" + URIEncoding.percentEncodePath(FilePath.absolute(path, in: workingDirectory))))])
    }

    private var sourceRootURI: String {
        let root = FilePath.normalize(workingDirectory)
        return "file://" + URIEncoding.percentEncodePath(root == "/" ? "/" : root + "/")
    }
}

/// Percent-encoding of paths for `file` URIs and relative URI references.
enum URIEncoding {
    static func percentEncodePath(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            let unreserved = (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || byte == UInt8(ascii: "/")
            if unreserved {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Array where Element == String {
    /// The strings in order, each once.
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}

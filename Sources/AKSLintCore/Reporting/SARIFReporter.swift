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

    /// Threads that write results (the text is the same with any number).
    public let parallelism: Int
    /// `--sarif-category`: what distinguishes this run's alerts from another upload's (dev and
    /// prod), written as `runs[].automationDetails.id` `akslint/CATEGORY/`. GitHub keeps one set of
    /// alerts per category, so two uploads with the same one close each other's alerts.
    public let category: String?

    /// The most results the run lists (GitHub's limit, see ``SARIFLimits``): past it, the most severe.
    public let resultLimit: Int

    /// Creates a SARIF reporter.
    public init(workingDirectory: String, includeSuppressed: Bool = false, parallelism: Int = 1, category: String? = nil, resultLimit: Int = SARIFLimits.maximumResults) {
        self.workingDirectory = workingDirectory
        self.includeSuppressed = includeSuppressed
        self.parallelism = parallelism
        self.category = category
        self.resultLimit = resultLimit
    }

    /// `runs[].automationDetails.id`: GitHub reads the part before the last `/` as the category.
    var automationID: String { "akslint/" + (category.map { $0 + "/" } ?? "") }

    /// Writes the SARIF log as JSON, one rule and one result at a time.
    public func write(_ report: LintReport, to output: inout ReportOutput) {
        let ruleIndex = Dictionary(report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let comparedWithBaseline = report.suppressionReview.baselinePath != nil
        // Each file's URI once, not once per result (percent-encoding a path is per byte).
        var locations: [String: ArtifactLocation] = [:]
        for input in report.inputs {
            for path in [input.path] + input.sourcePaths where locations[path] == nil { locations[path] = artifactLocation(path) }
        }
        let artifacts = locations
        let (listed, leftOut) = SARIFLimits.listed(report, includeSuppressed: includeSuppressed, limit: resultLimit)
        let fingerprints = SARIFLimits.uniqueFingerprints(listed)
        JSONWriter.write(to: &output) { json in
            json.beginObject()
            json.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            json.member("version", "2.1.0")
            json.key("runs")
            json.beginArray()
            json.beginObject()
            json.key("tool")
            json.beginObject()
            json.key("driver")
            json.beginObject()
            json.member("name", AKSLintInfo.name)
            json.member("semanticVersion", AKSLintInfo.version)
            json.member("informationUri", AKSLintInfo.informationURI)
            json.key("rules")
            json.beginArray()
            for metadata in report.rules { json.value(rule(metadata)) }
            json.endArray()
            json.endObject()
            json.endObject()
            json.member("automationDetails", .object([("id", .string(automationID))]))
            json.member("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(sourceRootURI))]))]))
            json.member("columnKind", "utf16CodeUnits")
            json.member("invocations", .array([invocation(report, leftOut: leftOut)]))
            json.key("results")
            json.beginArray()
            json.elements(of: Array(zip(listed, fingerprints)), parallelism: parallelism) { result, json in
                let (finding, fingerprint) = result
                write(finding, fingerprint: fingerprint, ruleIndex: ruleIndex[finding.ruleId], comparedWithBaseline: comparedWithBaseline,
                      artifact: artifacts[finding.location.file] ?? artifactLocation(finding.location.file), to: &json)
            }
            json.endArray()
            json.endObject()
            json.endArray()
            json.endObject()
        }
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

    /// One result, written as it is read: nothing of it is built as a tree, and its message is
    /// escaped into the file piece by piece (the statement, the risk, the command).
    private func write(_ finding: Finding, fingerprint: UInt64, ruleIndex: Int?, comparedWithBaseline: Bool, artifact: ArtifactLocation, to json: inout JSONWriter) {
        json.beginObject()
        json.member("ruleId", finding.ruleId)
        if let ruleIndex { json.member("ruleIndex", ruleIndex) }
        if finding.state == .indeterminate {
            json.member("kind", "review")
            json.member("level", "none")
        } else {
            json.member("level", finding.severity.sarifLevel)
        }
        json.key("message")
        json.beginObject()
        json.member("text", joining: { piece in
            piece(finding.statement)
            if let risk = finding.statedRisk {
                piece(": ")
                piece(risk)
            }
            guard finding.state == .fail, let commandText = finding.rule.remediation.commandText else { return }
            piece(" Fix: `")
            Remediation.forEachPiece(ofCommand: commandText, for: finding.cluster, subject: finding.subject, piece)
            piece("`")
        })
        json.endObject()
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.member("uri", artifact.uri)
        if let baseID = artifact.baseID { json.member("uriBaseId", baseID) }
        json.endObject()
        json.key("region")
        json.beginObject()
        json.member("startLine", finding.location.region.start.line)
        json.member("startColumn", finding.location.region.start.column)
        json.member("endLine", finding.location.region.end.line)
        json.member("endColumn", finding.location.region.end.column)
        json.endObject()
        json.endObject()
        json.key("logicalLocations")
        json.beginArray()
        json.beginObject()
        json.member("name", finding.cluster.displayName)
        if let id = finding.cluster.resourceId { json.member("fullyQualifiedName", id) }
        json.member("kind", "resource")
        json.endObject()
        json.endArray()
        json.endObject()
        json.endArray()
        json.key("partialFingerprints")
        json.beginObject()
        json.member("akslint/v1", hex: fingerprint)
        json.endObject()
        json.key("properties")
        json.beginObject()
        json.member("cluster", finding.cluster.displayName)
        json.member("property", joining: finding.propertyPath.forEachPiece)
        json.member("jsonPath", finding.location.path)
        json.member("state", finding.state.rawValue)
        json.endObject()
        if comparedWithBaseline {
            json.member("baselineState", finding.suppression?.kind == .baseline ? "unchanged" : "new")
        }
        if let suppression = finding.suppression {
            json.member("suppressions", .array([.object([
                ("kind", .string(suppression.kind.sarifKind)),
                ("status", .string("accepted")),
                ("justification", .string(suppression.justification)),
            ])]))
        }
        json.endObject()
    }

    private func invocation(_ report: LintReport, leftOut: Int) -> JSONOutput {
        let errors = report.errors.map { notification($0, level: "error") }
        var warnings = report.warnings.map { notification($0, level: "warning") }
        if leftOut > 0 {
            warnings.append(.object([("level", .string("warning")), ("message", .object([("text", .string(SARIFLimits.leftOutMessage(leftOut, limit: resultLimit)))]))]))
        }
        if let noCluster = report.noClusterWarning {
            warnings.append(.object([("level", .string("warning")), ("message", .object([("text", .string(noCluster))]))]))
        }
        let configurationNotes = report.suppressionReview.notes.map { note in
            var physical: [(String, JSONOutput)] = [("artifactLocation", artifactLocation(note.source.path).json)]
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
        var physical: [(String, JSONOutput)] = [("artifactLocation", artifactLocation(diagnostic.path).json)]
        if let position = diagnostic.position {
            physical.append(("region", .object([("startLine", .int(position.line)), ("startColumn", .int(position.column))])))
        }
        return .object([
            ("level", .string(level)),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([.object([("physicalLocation", .object(physical))])])),
        ])
    }

    /// A file as SARIF names it: a URI relative to the source root, or an absolute `file` URI for
    /// a file outside it.
    private struct ArtifactLocation: Sendable {
        let uri: String
        /// `%SRCROOT%` for a relative URI.
        let baseID: String?

        var json: JSONOutput {
            .object([("uri", .string(uri))] + (baseID.map { [("uriBaseId", JSONOutput.string($0))] } ?? []))
        }
    }

    private func artifactLocation(_ path: String) -> ArtifactLocation {
        if let relative = FilePath.relative(path, to: workingDirectory) {
            return ArtifactLocation(uri: URIEncoding.percentEncodePath(relative), baseID: "%SRCROOT%")
        }
        return ArtifactLocation(uri: "file://" + URIEncoding.percentEncodePath(FilePath.absolute(path, in: workingDirectory)), baseID: nil)
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

/// Reads `.akslint.json` (JSON with comments). Unknown keys, unknown rule ids, bad severities and
/// suppressions without a reason are errors that name the file, line and column.
public enum ConfigurationParser {
    static let keys = ["$schema", "enabledRules", "disabledRules", "severityOverrides", "failOn", "strict", "naming", "suppressions"]
    static let suppressionKeys = ["rule", "cluster", "reason", "expires"]
    static let namingKeys = ["cluster", "systemPool", "userPool"]

    /// Parses a configuration; rule references are checked against `catalogue`.
    public static func parse(_ bytes: [UInt8], path: String, catalogue: [RuleMetadata]) throws(Diagnostic) -> LintConfiguration {
        guard bytes.count <= InputLimits.maximumConfigurationBytes else {
            throw Diagnostic(path: path, position: nil, message: "the configuration is \(bytes.count) bytes, above the limit of \(InputLimits.maximumConfigurationBytes) bytes")
        }
        let document = try ConfigurationDocument.parse(bytes, path: path)
        var reader = Reader(document: document, path: path, catalogue: catalogue, knownRules: catalogue.map(\.id))
        return try reader.configuration()
    }

    private struct Reader {
        let document: JSONDocument
        let path: String
        let catalogue: [RuleMetadata]
        let knownRules: [String]

        mutating func configuration() throws(Diagnostic) -> LintConfiguration {
            guard let root = document.root.object else { throw error("the configuration must be a JSON object", at: document.root) }
            try rejectDuplicateKeys(in: root)
            var configuration = LintConfiguration()
            configuration.path = path
            for member in root.members {
                guard let key = ConfigurationParser.keys.first(where: { $0 == member.key }) else {
                    throw error("unknown setting \"\(member.key)\" (known: \(ConfigurationParser.keys.dropFirst().joined(separator: ", ")))", atOffset: member.keySpan.start)
                }
                let value = member.value
                switch key {
                case "$schema":
                    continue
                case "enabledRules", "disabledRules":
                    guard let entries = value.array else { throw error("\(key) must be an array of rule ids, names or categories", at: value) }
                    let selectors = try entries.map { (node) throws(Diagnostic) -> RuleSelector in try selector(node) }
                    if key == "enabledRules" { configuration.enabledRules = selectors } else { configuration.disabledRules = selectors }
                case "naming":
                    configuration.naming = try naming(value)
                case "severityOverrides":
                    guard let object = value.object else { throw error("severityOverrides must map rule ids to severities", at: value) }
                    try rejectDuplicateKeys(in: object)
                    for entry in object.members {
                        let id = try ruleID(JSONNode(.string(entry.key), span: entry.keySpan))
                        configuration.severityOverrides[id] = try severity(entry.value)
                    }
                case "failOn":
                    guard let threshold = value.string.flatMap(FailThreshold.init) else {
                        throw error("failOn must be one of critical, high, medium, low, info, never", at: value)
                    }
                    configuration.failOn = threshold
                case "strict":
                    guard case .bool(let flag) = value.value else { throw error("strict must be true or false", at: value) }
                    configuration.strict = flag
                default:
                    guard let entries = value.array else { throw error("suppressions must be an array", at: value) }
                    configuration.suppressions = try entries.map { (node) throws(Diagnostic) -> SuppressionEntry in try suppression(node) }
                }
            }
            return configuration
        }

        func suppression(_ node: JSONNode) throws(Diagnostic) -> SuppressionEntry {
            guard let object = node.object else { throw error("a suppression must be an object with rule, reason and optional cluster and expires", at: node) }
            try rejectDuplicateKeys(in: object)
            for member in object.members where !ConfigurationParser.suppressionKeys.contains(member.key) {
                throw error("unknown suppression field \"\(member.key)\" (known: \(ConfigurationParser.suppressionKeys.joined(separator: ", ")))", atOffset: member.keySpan.start)
            }
            guard let ruleNode = object["rule"] else { throw error("a suppression needs \"rule\"", at: node) }
            let rule = try ruleID(ruleNode)
            guard let reason = object["reason"]?.string, !reason.trimmingWhitespace().isEmpty else {
                throw error("the suppression of \(rule) needs a \"reason\": say why the finding is accepted", at: object["reason"] ?? node)
            }
            var cluster: GlobPattern?
            if let clusterNode = object["cluster"] {
                guard let text = clusterNode.string, !text.isEmpty else { throw error("\"cluster\" must be a name or resource id pattern", at: clusterNode) }
                cluster = GlobPattern(text)
            }
            var expires: CalendarDay?
            if let expiresNode = object["expires"] {
                guard let text = expiresNode.string, let day = CalendarDay(text) else { throw error("\"expires\" must be a date YYYY-MM-DD", at: expiresNode) }
                expires = day
            }
            let line = document.position(of: Int(node.span.start)).line
            return SuppressionEntry(rule: rule, cluster: cluster, reason: reason, expires: expires, source: SourceReference(path: path, line: line))
        }

        /// A configuration sets each key once: a repeated key (compared without case, as the
        /// lookups compare) is an error, not a silent "last one wins".
        func rejectDuplicateKeys(in object: JSONObject) throws(Diagnostic) {
            var seen: [String: UInt32] = [:]
            for member in object.members {
                let folded = member.key.asciiLowercased()
                if let first = seen[folded] {
                    let position = document.position(of: Int(first))
                    throw error("duplicate key \(ValueDescription.quote(member.key)) (also at line \(position.line), column \(position.column)): set each key once", atOffset: member.keySpan.start)
                }
                seen[folded] = member.keySpan.start
            }
        }

        func selector(_ node: JSONNode) throws(Diagnostic) -> RuleSelector {
            guard let text = node.string, let selector = RuleSelector.parse(text, catalogue: catalogue) else {
                throw error("unknown rule or category \(node.string.map(ValueDescription.quote) ?? "id") (a rule id, name or peer id, a category, or all; run 'akslint rules' for the list)", at: node)
            }
            return selector
        }

        func naming(_ node: JSONNode) throws(Diagnostic) -> NamingConventions {
            guard let object = node.object else { throw error("naming must be an object with cluster, systemPool and userPool patterns", at: node) }
            try rejectDuplicateKeys(in: object)
            var conventions = NamingConventions()
            for member in object.members {
                guard let key = ConfigurationParser.namingKeys.first(where: { $0 == member.key }) else {
                    throw error("unknown naming field \"\(member.key)\" (known: \(ConfigurationParser.namingKeys.joined(separator: ", ")))", atOffset: member.keySpan.start)
                }
                guard let text = member.value.string, !text.isEmpty, text.utf8.count <= BoundedText.nameLimit else {
                    throw error("naming.\(key) must be a non-empty glob pattern such as \"aks-*\"", at: member.value)
                }
                switch key {
                case "cluster": conventions.cluster = GlobPattern(text)
                case "systemPool": conventions.systemPool = GlobPattern(text)
                default: conventions.userPool = GlobPattern(text)
                }
            }
            return conventions
        }

        func ruleID(_ node: JSONNode) throws(Diagnostic) -> String {
            guard let text = node.string, let id = knownRules.first(where: { $0.equalsIgnoringASCIICase(text) }) else {
                throw error("unknown rule \(node.string.map(ValueDescription.quote) ?? "id") (run 'akslint rules' for the list)", at: node)
            }
            return id
        }

        func severity(_ node: JSONNode) throws(Diagnostic) -> Severity {
            guard let text = node.string, let severity = Severity(rawValue: text.lowercased()) else {
                throw error("a severity must be one of critical, high, medium, low, info", at: node)
            }
            return severity
        }

        func error(_ message: String, at node: JSONNode) -> Diagnostic {
            error(message, atOffset: node.span.start)
        }

        func error(_ message: String, atOffset offset: UInt32) -> Diagnostic {
            Diagnostic(path: path, position: document.position(of: Int(offset)), message: message)
        }
    }
}

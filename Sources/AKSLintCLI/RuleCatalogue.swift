import AKSLintCore

/// `akslint rules`: the catalogue as a table (text or Markdown) or as JSON.
enum RuleCatalogue {
    static func render(_ rules: [RuleMetadata], format: RulesFormat) -> String {
        switch format {
        case .text:
            let rows = rules.map { [$0.id, $0.severity.rawValue, $0.runsByDefault ? "default" : "opt-in", $0.name, $0.title] }
            let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
            return rows.map { row in
                (0..<4).map { row[$0].padding(to: widths[$0]) }.joined(separator: "  ") + "  " + row[4]
            }.joined(separator: "\n") + "\n"
        case .markdown:
            return RuleDocumentation.catalogue(rules)
        case .json:
            return JSONOutput.array(rules.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("name", .string(rule.name)),
                    ("severity", .string(rule.severity.rawValue)),
                    ("category", .string(rule.category.rawValue)),
                    ("runsByDefault", .bool(rule.runsByDefault)),
                    ("title", .string(rule.title)),
                    ("checks", .string(rule.checks)),
                    ("controls", .array(rule.controls.map { control in
                        .object([("framework", .string(control.framework.rawValue)), ("id", .string(control.id)), ("tag", .string(control.tag)), ("title", .string(control.title))])
                    })),
                    ("peers", .array(rule.peers.map { peer in
                        .object([("tool", .string(peer.tool.rawValue)), ("id", .string(peer.id)), ("aliases", .array(peer.aliases.map { .string($0) }))])
                    })),
                ])
            }).serialized()
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

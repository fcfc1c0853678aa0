import AKSLintCore

/// Turns `argv` into a ``Command``. Hand-written (akslint has no dependencies); accepts
/// `--option value`, `--option=value`, short flags `-f`/`-o`/`-q`, comma lists and `--` to end options.
package struct ArgumentParser: Sendable {
    /// The rules the CLI knows, to resolve and check `--rules`/`--skip-rule`.
    let catalogue: [RuleMetadata]

    package init(catalogue: [RuleMetadata]) {
        self.catalogue = catalogue
    }

    /// Parses the arguments after the program name. `--help` and `--version` are honoured
    /// anywhere before `--`.
    package func parse(_ arguments: [String]) throws(UsageError) -> Command {
        var remaining = arguments[...]
        let options = remaining.prefix { $0 != "--" }
        if options.contains(where: { $0 == "--help" || $0 == "-h" }) { return .help }
        if options.contains("--version") { return .version }
        switch remaining.first {
        case "help":
            return .help
        case "rules":
            remaining.removeFirst()
            return try parseRules(remaining)
        case "explain":
            remaining.removeFirst()
            guard let id = remaining.first, remaining.count == 1, !id.hasPrefix("-") else {
                throw UsageError("usage: akslint explain RULE (an id, a name, or another tool's id: akslint explain AKS103, akslint explain CKV_AZURE_141)")
            }
            return .explain(ruleID: id)
        case "completions":
            guard remaining.count == 2, let shell = remaining.last, ShellCompletions.Shell(rawValue: shell) != nil else {
                throw UsageError("usage: akslint completions bash|zsh|fish (prints the completion script for that shell)")
            }
            return .completions(shell: shell)
        case "man":
            guard remaining.count == 1 else { throw UsageError("usage: akslint man (prints the manual page; akslint man | man -l - reads it)") }
            return .manPage
        case "calendar":
            guard remaining.count == 1 else { throw UsageError("usage: akslint calendar (prints the built-in Kubernetes support calendar as JSON, the format --k8s-calendar reads)") }
            return .calendar
        case "check":
            remaining.removeFirst()
        case let word? where isMistypedCommand(word):
            throw UsageError("unknown command '\(TerminalSafety.sanitize(word))'\(Suggestion.phrase(for: word, among: OptionTable.commands.map(\.name)))")
        default:
            break
        }
        return .check(try parseCheck(remaining))
    }

    /// A first word that is no file and looks like a mistyped sub-command (`explian`, `rule`).
    private func isMistypedCommand(_ word: String) -> Bool {
        guard !word.hasPrefix("-"), !word.contains("/"), !word.contains("."), FileSystem.kind(of: word) == .missing else { return false }
        return Suggestion.closest(to: word, among: OptionTable.commands.map(\.name)) != nil
    }

    private func parseRules(_ arguments: ArraySlice<String>) throws(UsageError) -> Command {
        var format = RulesFormat.text
        var reader = OptionReader(arguments)
        while let argument = reader.next() {
            switch argument.name {
            case "-f", "--format":
                format = try choice(try reader.value(for: argument), of: RulesFormat.self, option: argument.name)
            default:
                throw UsageError("unknown argument '\(TerminalSafety.sanitize(argument.raw))' for 'akslint rules' (options: --format text|json|markdown)\(Suggestion.phrase(for: argument.name, among: ["--format"]))")
            }
        }
        return .listRules(format)
    }

    private func parseCheck(_ arguments: ArraySlice<String>) throws(UsageError) -> CheckOptions {
        var state = CheckArguments()
        var reader = OptionReader(arguments)
        while let argument = reader.next() {
            if argument.isPositional {
                state.options.paths.append(argument.raw)
                continue
            }
            guard let spec = OptionTable.spec(named: argument.name) else {
                throw UsageError("unknown option '\(TerminalSafety.sanitize(argument.raw))'\(Suggestion.phrase(for: argument.name, among: OptionTable.allNames)) (see akslint --help)")
            }
            let value: String
            switch spec.value {
            case .none:
                try reader.rejectValue(for: argument)
                value = ""
            case .text:
                value = try reader.value(for: argument)
            case .output:
                value = try reader.outputValue(for: argument)
            case .choice(let words):
                value = try reader.value(for: argument)
                guard words.contains(value.lowercased()) else {
                    throw UsageError("invalid value '\(TerminalSafety.sanitize(value))' for \(argument.name); expected one of: \(words.joined(separator: ", "))\(Suggestion.phrase(for: value.lowercased(), among: words))")
                }
            }
            try spec.apply(&state, value, self)
        }
        var options = state.options
        if options.configPath != nil && options.ignoresConfiguration {
            throw UsageError("--config and --no-config cannot be combined")
        }
        options.reports = try reportTargets(formats: state.formats, outputs: state.outputs)
        return options
    }

    /// Pairs `--format` and `--output` in order. One of each (or none) is the common case; several
    /// formats need as many outputs, and at most one of them may be standard output (`-`).
    private func reportTargets(formats: [ReportFormat], outputs: [String]) throws(UsageError) -> [ReportTarget] {
        let paths: [String?] = outputs.map { $0 == "-" ? nil : $0 }
        if formats.count <= 1 && paths.count <= 1 {
            return [ReportTarget(format: formats.first ?? .text, path: paths.first ?? nil)]
        }
        guard formats.count == paths.count else {
            throw UsageError("\(formats.count) --format and \(paths.count) --output given: to write several reports, give each --format its --output (use '-' for standard output)")
        }
        guard paths.count(where: { $0 == nil }) <= 1 else { throw UsageError("only one report can go to standard output ('-o -')") }
        var seen = Set<String>()
        for case let path? in paths where !seen.insert(FilePath.normalize(path)).inserted {
            throw UsageError("two reports would be written to \(TerminalSafety.sanitize(path))")
        }
        return zip(formats, paths).map { ReportTarget(format: $0, path: $1) }
    }

    private func choice<Choice: RawRepresentable & CaseIterable>(_ value: String, of type: Choice.Type, option: String) throws(UsageError) -> Choice where Choice.RawValue == String {
        guard let choice = Choice(rawValue: value.lowercased()) else {
            let valid = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("invalid value '\(TerminalSafety.sanitize(value))' for \(option); expected one of: \(valid)")
        }
        return choice
    }

    /// Rules named by a comma list of ids, names, peer ids, categories, `security` or `all`.
    func selectors(_ value: String, option: String) throws(UsageError) -> [RuleSelector] {
        let tokens = value.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { throw UsageError("\(option) needs at least one rule id, name or category") }
        return try tokens.map { (token) throws(UsageError) -> RuleSelector in
            guard let selector = RuleSelector.parse(token, catalogue: catalogue) else {
                throw UsageError("unknown rule or category '\(TerminalSafety.sanitize(token))' in \(option); give a rule id, name or another tool's id, a category (\(RuleCategory.allCases.map(\.rawValue).joined(separator: ", "))), security or all; run 'akslint rules' for the list")
            }
            return selector
        }
    }
}

/// Walks the arguments, splitting `--name=value` and remembering when `--` ended the options.
struct OptionReader {
    struct Argument {
        let raw: String
        let name: String
        let inlineValue: String?
        let isPositional: Bool
    }

    private var remaining: ArraySlice<String>
    private var optionsEnded = false

    init(_ arguments: ArraySlice<String>) {
        remaining = arguments
    }

    mutating func next() -> Argument? {
        guard let raw = remaining.popFirst() else { return nil }
        if !optionsEnded && raw == "--" {
            optionsEnded = true
            return next()
        }
        if optionsEnded || raw == "-" || !raw.hasPrefix("-") {
            return Argument(raw: raw, name: raw, inlineValue: nil, isPositional: true)
        }
        if raw.hasPrefix("--"), let equals = raw.firstIndex(of: "=") {
            return Argument(raw: raw, name: String(raw[..<equals]), inlineValue: String(raw[raw.index(after: equals)...]), isPositional: false)
        }
        return Argument(raw: raw, name: raw, inlineValue: nil, isPositional: false)
    }

    mutating func value(for argument: Argument) throws(UsageError) -> String {
        if let inline = argument.inlineValue { return inline }
        guard let value = remaining.first, !(value.hasPrefix("-") && value.count > 1) else {
            throw UsageError("\(argument.name) needs a value")
        }
        remaining.removeFirst()
        return value
    }

    /// An output path: like a value, but `-` (standard output) is allowed.
    mutating func outputValue(for argument: Argument) throws(UsageError) -> String {
        if argument.inlineValue == nil, remaining.first == "-" {
            remaining.removeFirst()
            return "-"
        }
        return try value(for: argument)
    }

    func rejectValue(for argument: Argument) throws(UsageError) {
        if argument.inlineValue != nil { throw UsageError("\(argument.name) takes no value") }
    }
}

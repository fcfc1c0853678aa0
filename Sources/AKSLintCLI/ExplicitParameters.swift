import AKSLintCore

/// One `-p TEMPLATE=FILE`: the parameters file for one template.
package struct ParametersPairing: Sendable, Equatable {
    package let template: String
    package let parameters: String

    /// Reads `TEMPLATE=FILE`; nil when `value` is a plain file name (no `=`, or an existing file
    /// whose name holds one).
    init?(_ value: String) {
        guard let equals = value.firstIndex(of: "="), FileSystem.kind(of: value) == .missing else { return nil }
        template = String(value[..<equals])
        parameters = String(value[value.index(after: equals)...])
    }
}

/// The parameters files given with `-p`, read once before any input is linted: one for every
/// template (`-p FILE`), and one for each template named (`-p TEMPLATE=FILE`), which wins over it.
struct ExplicitParameters: Sendable {
    /// `-p FILE`.
    var forEveryTemplate: TemplateParameters?
    /// `-p TEMPLATE=FILE`, by the template's normalized path.
    var byTemplate: [String: TemplateParameters] = [:]

    /// Whether no parameters file was given (each template's sibling file is looked for).
    var isEmpty: Bool { forEveryTemplate == nil && byTemplate.isEmpty }

    /// The parameters for the template at `path`, or nil for its sibling file.
    func parameters(for path: String) -> TemplateParameters? {
        // Most runs name no template: normalizing every input's path would be for nothing.
        guard !byTemplate.isEmpty else { return forEveryTemplate }
        return byTemplate[FilePath.normalize(path)] ?? forEveryTemplate
    }
}

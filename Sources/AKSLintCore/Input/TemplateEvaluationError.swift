/// Why a template could not be evaluated: Resource Manager would reject it, or it asks for more
/// work than akslint allows (see ``EvaluationBudget``).
public struct TemplateEvaluationError: Error, Sendable, Equatable {
    /// What went wrong, without the position.
    public let message: String
    /// Byte offset of the expression or value responsible.
    public let offset: Int
    /// The file of the input's source set that `offset` is in.
    public var file: SourceFileID = .primary
    /// The resource being evaluated when it happened, if any.
    public let resource: String?

    /// The message with the resource named, such as "in resource 'aks': evaluation budget exceeded…".
    public var description: String {
        guard let resource else { return message }
        return "in resource \(ValueDescription.quote(resource)): \(message)"
    }
}

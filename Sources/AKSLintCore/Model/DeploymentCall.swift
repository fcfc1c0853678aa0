/// A nested deployment a template resource is deployed through: an inline
/// `Microsoft.Resources/deployments` resource, or a Bicep `module` call lowered onto one.
public struct DeploymentCall: Sendable, Equatable {
    /// The deployment's name (evaluated when it could be).
    public let name: String
    /// Where the deployment (or module call) is declared.
    public let span: SourceSpan

    /// A call named `name`, declared at `span`.
    public init(name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

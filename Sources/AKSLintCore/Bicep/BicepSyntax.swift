/// A Bicep expression with the span of its text.
struct BicepExpression: Sendable {
    let kind: BicepExpressionKind
    let span: SourceSpan
}

/// The expressions of the Bicep grammar (`docs/grammar.md`), as far as evaluation needs them.
indirect enum BicepExpressionKind: Sendable {
    /// A string: `segments` around the interpolated `holes` (one more segment than holes).
    case string(segments: [String], holes: [BicepExpression])
    case integer(Int)
    case bool(Bool)
    case null
    /// A name: a parameter, variable, resource, module, loop or lambda variable, or function.
    case identifier(String)
    case array([BicepArrayItem])
    case object([BicepObjectItem])
    /// `name(arguments)`, or `namespace.name(arguments)` (`az.`, `sys.`).
    case call(namespace: String?, name: String, arguments: [BicepExpression])
    /// `base.name`, or `base.?name` when `isSafe`.
    case member(base: BicepExpression, name: String, isSafe: Bool)
    /// `base.name(arguments)`, a resource method such as `vault.getSecret('x')`.
    case method(base: BicepExpression, name: String, arguments: [BicepExpression])
    /// `base[index]`, `base[?index]`, `base[^index]`.
    case index(base: BicepExpression, index: BicepExpression, isSafe: Bool, fromEnd: Bool)
    /// `parent::child`.
    case child(base: BicepExpression, name: String)
    /// `base!`: a type assertion with no effect on the value.
    case nonNull(BicepExpression)
    case unary(String, BicepExpression)
    case binary(String, BicepExpression, BicepExpression)
    case ternary(BicepExpression, BicepExpression, BicepExpression)
    /// `x => body`, `(x, y) => body`.
    case lambda(parameters: [String], body: BicepExpression)
    /// `[for item in source: body]`, `[for (item, index) in ...]`, with a filter `: if (c) body`.
    case forLoop(BicepLoop)
}

/// A `for` loop: its variables, what it iterates, its optional filter and its body.
struct BicepLoop: Sendable {
    let item: String?
    let index: String?
    let source: BicepExpression
    let filter: BicepExpression?
    let body: BicepExpression
}

/// An element of an array literal.
enum BicepArrayItem: Sendable {
    case element(BicepExpression)
    case spread(BicepExpression)
}

/// A member of an object literal.
enum BicepObjectItem: Sendable {
    /// `key: value`; the key is an identifier or a string (interpolated keys are kept as expressions).
    case property(key: BicepExpression, keySpan: SourceSpan, value: BicepExpression)
    case spread(BicepExpression)
    /// A nested child resource declared inside its parent's body.
    case resource(BicepResource)
}

/// A decorator such as `@secure()` or `@allowed([...])`.
struct BicepDecorator: Sendable {
    let name: String
    let arguments: [BicepExpression]
    let span: SourceSpan
}

/// The value of a resource or module declaration: a body, possibly under `if (...)` or in a loop.
struct BicepDeclarationValue: Sendable {
    let condition: BicepExpression?
    let loop: BicepLoop?
    /// The object body (for a loop: the loop's body, without its filter).
    let body: BicepExpression
}

/// `resource symbol 'Type@version' existing = ...`.
struct BicepResource: Sendable {
    let symbol: String
    let typeReference: String
    let isExisting: Bool
    let value: BicepDeclarationValue
    /// The whole declaration, decorators included.
    let span: SourceSpan
}

/// `param name Type = default`.
struct BicepParameter: Sendable {
    let name: String
    /// The primitive type (`string`, `int`, `bool`, `object`, `array`), when the type names one.
    let primitiveType: String?
    let isNullable: Bool
    let defaultValue: BicepExpression?
    let decorators: [BicepDecorator]
    let span: SourceSpan
}

/// `module symbol 'path' = ...`.
struct BicepModule: Sendable {
    let symbol: String
    let path: String
    let pathSpan: SourceSpan
    let value: BicepDeclarationValue
    let span: SourceSpan
}

/// `func name(a T, b T) R => body`.
struct BicepFunction: Sendable {
    let name: String
    let parameters: [String]
    let body: BicepExpression
}

/// One top-level statement. Declarations that do not affect any value a rule reads (`type`,
/// `import`, `metadata`, `targetScope`, `extension`, `output`) are kept only as `.other`.
enum BicepStatement: Sendable {
    case parameter(BicepParameter)
    /// `var name = value`, or, in a `.bicepparam` file, `param name = value` (as `isParameterValue`).
    case variable(name: String, value: BicepExpression, isParameterValue: Bool)
    case resource(BicepResource)
    case module(BicepModule)
    case function(BicepFunction)
    /// `using 'main.bicep'` in a `.bicepparam` file.
    case using(path: String, span: SourceSpan)
    case other
}

/// A parsed Bicep file: its statements, the statements that could not be parsed, and its comments.
struct BicepFile: Sendable {
    let statements: [BicepStatement]
    /// One error per statement that could not be parsed (the parser resumed at the next one).
    let errors: [BicepSyntaxError]
    let comments: [BicepComment]
    let lines: LineIndex
}

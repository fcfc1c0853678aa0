/// The outcome of a rule on one cluster or node pool.
public enum ResultState: String, Sendable, Codable {
    /// The setting is secure.
    case pass
    /// The setting is insecure.
    case fail
    /// The setting cannot be judged offline (an unresolved expression, an unexpected value).
    case indeterminate
    /// The rule does not apply (a node-pool rule on a cluster without pools, say).
    case notApplicable = "not-applicable"
}

/// What a result is about.
public enum ResultSubject: Sendable, Hashable {
    /// The cluster as a whole.
    case cluster
    /// One node pool, by display name.
    case agentPool(String)
    /// Another resource of the template (a registry, a key vault), by type and name.
    case relatedResource(type: String, name: String)
}

/// A message made when it is asked for: most results are passes that no report shows, and a
/// fleet has hundreds of thousands of them.
public typealias DeferredMessage = @Sendable () -> MessageText

/// One judgement of a rule: its state, a message naming the actual value, and where that value is.
public struct RuleResult: Sendable {
    public let state: ResultState
    /// A sentence that starts with the verdict and names the value found (made when asked).
    public var message: String { makeMessage().text }
    /// Makes ``message``.
    public let makeMessage: DeferredMessage
    /// The value judged, or the `null`, or the nearest enclosing object when the setting is absent.
    public let location: ValueRef
    /// The canonical property path, such as `properties.disableLocalAccounts` (joined when asked).
    public let propertyPath: PropertyPath
    /// ``propertyPath`` written out.
    public var property: String { propertyPath.text }
    public let subject: ResultSubject
    /// The template expression that could not be evaluated, for indeterminate results.
    public let unresolvedExpression: String?
    /// True when the setting is missing and `location` is the object that would hold it, so a
    /// report points at that object's first character rather than its whole extent.
    public let pointsAtEnclosingObject: Bool

    /// Creates a result.
    public init(
        state: ResultState, message: @autoclosure @escaping DeferredMessage, location: ValueRef, property: String, subject: ResultSubject = .cluster,
        unresolvedExpression: String? = nil, pointsAtEnclosingObject: Bool = false
    ) {
        self.init(
            state: state, makeMessage: message, location: location, propertyPath: PropertyPath(property), subject: subject,
            unresolvedExpression: unresolvedExpression, pointsAtEnclosingObject: pointsAtEnclosingObject)
    }

    /// Creates a result whose property path is joined when asked, and whose message `makeMessage`
    /// makes. (A closure, not an autoclosure: the callers pass on one they were given, and an
    /// autoclosure around it would be one more allocation for every result, passes included.)
    @usableFromInline
    package init(
        state: ResultState, makeMessage: @escaping DeferredMessage, location: ValueRef, propertyPath: PropertyPath, subject: ResultSubject = .cluster,
        unresolvedExpression: String? = nil, pointsAtEnclosingObject: Bool = false
    ) {
        self.state = state
        self.makeMessage = makeMessage
        self.location = location
        self.propertyPath = propertyPath
        self.subject = subject
        self.unresolvedExpression = unresolvedExpression
        self.pointsAtEnclosingObject = pointsAtEnclosingObject
    }

    /// A result's whole sentence: what it found, then what it risks after a colon, as every
    /// report but JSON prints a failure of a rule with a ``RuleMetadata/risk``.
    public static func sentence(_ statement: String, risk: String?) -> String {
        guard let risk else { return statement }
        return .concatenating(statement, ": ", risk)
    }

    /// The state of ``conditioned(on:)``, found without making the result.
    public func state(conditionedOn condition: UnresolvedExpression?) -> ResultState {
        condition != nil && (state == .pass || state == .fail) ? .indeterminate : state
    }

    /// This result about a resource that is deployed only under `condition`: a pass or a failure
    /// becomes indeterminate when the condition cannot be evaluated offline (the setting is
    /// judged, but whether it will exist is unknown); other results, and any result without such
    /// a condition, are kept. A failure's message keeps `failureRisk` (the rule's
    /// ``RuleMetadata/risk``), which reports add only to results that stay failures.
    public func conditioned(on condition: UnresolvedExpression?, failureRisk: String?) -> RuleResult {
        guard let condition, state(conditionedOn: condition) != state else { return self }
        let makeMessage = makeMessage
        let risk = state == .fail ? failureRisk : nil
        return RuleResult(
            state: .indeterminate,
            makeMessage: { "\(Self.sentence(makeMessage().text, risk: risk)) Whether this applies is unknown: the resource is deployed only if \(ValueDescription.expression(condition.expression)), which cannot be evaluated offline (\(condition.reason))." },
            location: location, propertyPath: propertyPath, subject: subject,
            unresolvedExpression: condition.expression, pointsAtEnclosingObject: pointsAtEnclosingObject)
    }
}

extension Setting {
    /// A result for this setting. (Inlinable, as the next one: every rule makes its results with
    /// them, and only a copy specialised for the setting's type skips looking up the type's
    /// metadata on every call.)
    @inlinable
    public func result(_ state: ResultState, _ message: @autoclosure @escaping DeferredMessage, subject: ResultSubject = .cluster) -> RuleResult {
        var expression: String?
        if case .unresolved(let unresolved, _) = reading { expression = unresolved.expression }
        var missing = false
        if case .absent(_, explicitNull: false) = reading { missing = true }
        return RuleResult(
            state: state, makeMessage: message, location: reading.ref, propertyPath: propertyPath, subject: subject,
            unresolvedExpression: expression, pointsAtEnclosingObject: missing)
    }

    /// The indeterminate result for a reading that cannot be judged (unresolved, or of the wrong
    /// kind), or nil when the reading holds a value or is absent. `what` completes "Cannot tell
    /// whether …" (made only when the reading cannot be judged).
    @inlinable
    public func undecidableResult(_ what: @autoclosure () -> String, subject: ResultSubject = .cluster) -> RuleResult? {
        switch reading {
        case .value, .absent:
            return nil
        case .unresolved(let unresolved, _):
            let what = what()
            return result(.indeterminate, "Cannot tell whether \(what): \(displayName) is the expression \(ValueDescription.expression(unresolved.expression)), which cannot be evaluated offline (\(unresolved.reason)).", subject: subject)
        case .invalid(let ref, let expected):
            let what = what()
            let name = foundName.isEmpty ? displayName : foundName
            return result(.indeterminate, "Cannot tell whether \(what): \(name) is \(ValueDescription.describe(ref.node)), expected \(expected).", subject: subject)
        }
    }

    /// "`key` is false", "`key` is not set", "`key` is null", "`key` is \"none\"": for messages.
    /// A template value also says where it came from: "…, from parameter 'x', its default value at line 12".
    @inlinable
    public var describedValue: String {
        var text = TextBuilder()
        appendDescribedValue(to: &text)
        return text.text
    }

    /// Appends ``describedValue`` to `text`: a failure's message is made in one string.
    @inlinable
    public func appendDescribedValue(to text: inout TextBuilder) {
        switch reading {
        case .absent(let nearest, let explicitNull):
            guard explicitNull else {
                appendName(includingMissing: true, to: &text)
                text.append(" is not set")
                return
            }
            appendFoundName(to: &text)
            text.append(" is null")
            if let provenance = nearest.node.provenance { text.append(", "); text.append(provenance.phrase) }
        case .value(_, let ref):
            appendName(includingMissing: true, to: &text)
            text.append(" is ")
            text.append(ValueDescription.describe(ref.node))
            if let provenance = ref.node.provenance { text.append(", "); text.append(provenance.phrase) }
        case .invalid(let ref, _):
            appendFoundName(to: &text)
            text.append(" is ")
            text.append(ValueDescription.describe(ref.node))
        case .unresolved(let unresolved, _):
            appendName(includingMissing: true, to: &text)
            text.append(" is ")
            text.append(ValueDescription.expression(unresolved.expression))
        }
    }

    /// Appends ``foundName``, or ``displayName`` when the document has none of the name.
    @inlinable
    func appendFoundName(to text: inout TextBuilder) {
        let start = text.byteCount
        appendName(includingMissing: false, to: &text)
        if text.byteCount == start { appendName(includingMissing: true, to: &text) }
    }
}

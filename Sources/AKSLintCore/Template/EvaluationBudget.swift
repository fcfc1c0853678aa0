/// The work one template evaluation may do, and the first reason it had to stop.
///
/// A template comes from a pull request, so its expressions may try to build a value of
/// gigabytes, loop for minutes or recurse until the stack overflows. Every evaluation step, every
/// value built and every byte of string built is charged here *before* it happens, and every
/// level of recursion enters and leaves. The first charge over a limit, and the first construct
/// Resource Manager itself would reject (a copy count above 800), records a
/// ``TemplateEvaluationError``; from then on every charge fails, so the evaluation unwinds at once,
/// and the template is reported as an input error naming the resource and the expression.
///
/// The limits are far above what real templates need: the largest template of the shared corpus
/// (AKS Construction's nested template) uses under 1% of each of them (see `akslint-bench`).
final class EvaluationBudget {
    /// How much one template evaluation may do.
    typealias Limits = EvaluationCost

    /// The limits every template is evaluated with. Resource Manager rejects a template whose
    /// expanded form exceeds 4 MB; these allow several times that, counting intermediate values.
    static let standard = Limits(values: 200_000, stringBytes: 16 * 1024 * 1024, steps: 4_000_000, depth: 1_000)

    /// The deepest nesting of arrays and objects a built value may have (as deep as the parser
    /// accepts from a file).
    static let maximumNestingDepth = JSONParser.defaultMaxDepth

    let limits: Limits
    /// What stopped the evaluation, if anything did.
    private(set) var error: TemplateEvaluationError?
    /// The resource being evaluated, for the error message (set by the template walker).
    var currentResource: String?

    private(set) var values = 0
    private(set) var stringBytes = 0
    private(set) var steps = 0
    private(set) var depth = 0
    /// The deepest recursion reached, for measurements.
    private(set) var deepest = 0

    init(limits: Limits = standard) {
        self.limits = limits
    }

    /// What the evaluation used so far (`depth`: the deepest recursion reached).
    var cost: EvaluationCost { EvaluationCost(values: values, stringBytes: stringBytes, steps: steps, depth: deepest) }

    /// Whether evaluation may go on: false once anything was refused.
    var isExhausted: Bool { error != nil }

    /// Charges work before it is done; false (and the evaluation is stopped) when it would go over
    /// a limit. `site` is the expression or template node doing the work.
    @discardableResult
    func charge(values newValues: Int = 0, stringBytes newBytes: Int = 0, steps newSteps: Int = 0, at site: SourceSpan) -> Bool {
        guard error == nil else { return false }
        if newValues > limits.values - values {
            return exceed("more than \(limits.values) values", at: site)
        }
        if newBytes > limits.stringBytes - stringBytes {
            return exceed("more than \(limits.stringBytes / (1024 * 1024)) MiB of strings", at: site)
        }
        if newSteps > limits.steps - steps {
            return exceed("more than \(limits.steps) evaluation steps", at: site)
        }
        values += newValues
        stringBytes += newBytes
        steps += newSteps
        return true
    }

    /// Enters one level of recursion; false when that would go deeper than the limit. Every
    /// successful `enter` must be matched by a ``leave()``.
    func enter(at site: SourceSpan) -> Bool {
        guard error == nil else { return false }
        guard depth < limits.depth else {
            return exceed("expressions, objects and variables nested more than \(limits.depth) levels deep", at: site)
        }
        depth += 1
        deepest = max(deepest, depth)
        return true
    }

    /// Leaves a level entered with ``enter(at:)``.
    func leave() {
        depth -= 1
    }

    /// Refuses a value that nests deeper than ``maximumNestingDepth``; true when it is within it.
    func admitsNesting(of node: JSONNode, at site: SourceSpan) -> Bool {
        guard Int(node.nestingDepth) > Self.maximumNestingDepth else { return true }
        return exceed("a value nested more than \(Self.maximumNestingDepth) levels deep", at: site)
    }

    /// Stops the evaluation because Resource Manager would reject the template (`message` says why).
    func reject(_ message: String, at site: SourceSpan) {
        guard error == nil else { return }
        error = TemplateEvaluationError(message: message, offset: Int(site.start), file: site.file, resource: currentResource)
    }

    private func exceed(_ what: String, at site: SourceSpan) -> Bool {
        reject("evaluation budget exceeded: the template asks for \(what), far beyond any real template (Resource Manager limits an expanded template to 4 MB)", at: site)
        return false
    }
}

/// An amount of template evaluation work: what a template used, or what one may use.
package struct EvaluationCost: Sendable, Equatable {
    /// Values (nodes) built.
    package var values: Int
    /// Bytes of strings built.
    package var stringBytes: Int
    /// Evaluation steps: expressions and template nodes evaluated, elements compared.
    package var steps: Int
    /// Nested evaluations (expressions, objects, variables, parameters) in progress at once.
    package var depth: Int

    /// Creates a cost.
    package init(values: Int, stringBytes: Int, steps: Int, depth: Int) {
        self.values = values
        self.stringBytes = stringBytes
        self.steps = steps
        self.depth = depth
    }

    /// The limits every template is evaluated with.
    package static var limits: EvaluationCost { EvaluationBudget.standard }
}

/// The budget as one function call sees it: what the call charges is attributed to its expression.
struct Meter {
    let budget: EvaluationBudget
    /// The expression making the call.
    let site: SourceSpan

    /// Charges work before it is done; false when the budget does not allow it (see
    /// ``EvaluationBudget/charge(values:stringBytes:steps:at:)``).
    func charge(values: Int = 0, stringBytes: Int = 0, steps: Int = 0) -> Bool {
        budget.charge(values: values, stringBytes: stringBytes, steps: steps, at: site)
    }

    /// Charges a string about to be built, by its UTF-8 length, and one value for it.
    func chargeString(bytes: Int) -> Bool {
        charge(values: 1, stringBytes: bytes)
    }
}

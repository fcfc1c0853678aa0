import AKSLintCore

/// A truth value read from a setting, or unknown because the setting cannot be evaluated; either
/// way it remembers the setting, so a result can point at it.
enum Truth {
    case known(Bool, any SettingPointer)
    case unknown(any SettingPointer)

    var negated: Truth {
        switch self {
        case .known(let value, let setting): return .known(!value, setting)
        case .unknown: return self
        }
    }
}

/// A setting of any type, reduced to what a result about it needs. A truth holds its setting as
/// one existential, boxed once, rather than closures that each copy it: most constraints of most
/// clusters hold, and need neither.
protocol SettingPointer {
    /// A result at the setting; the message is made only if a report shows it.
    func resultAtSetting(_ state: ResultState, _ message: @escaping DeferredMessage) -> RuleResult
    /// The indeterminate result for an unresolved or malformed value (see ``Setting/undecidableResult(_:subject:)``).
    func undecidable(_ question: String) -> RuleResult?
}

extension Setting: SettingPointer {
    func resultAtSetting(_ state: ResultState, _ message: @escaping DeferredMessage) -> RuleResult { result(state, message()) }
    func undecidable(_ question: String) -> RuleResult? { undecidableResult(question) }
}

extension Setting where Value == Bool {
    /// True when the setting holds `true`; false when it is absent or false; unknown otherwise.
    var isTrue: Truth {
        switch reading {
        case .value(let flag, _): return .known(flag, self)
        case .absent: return .known(false, self)
        case .unresolved, .invalid: return .unknown(self)
        }
    }
}

extension Setting where Value == String {
    /// Whether the setting equals `text` (without case); false when absent; unknown otherwise.
    func equals(_ text: String) -> Truth {
        switch reading {
        case .value(let value, _): return .known(value.equalsIgnoringASCIICase(text), self)
        case .absent: return .known(false, self)
        case .unresolved, .invalid: return .unknown(self)
        }
    }
}

/// "When `trigger` holds, `requirement` must": fails when the trigger holds and the requirement
/// does not, indeterminate when either is unknown and the other does not settle it.
struct Constraint {
    let trigger: Truth
    let requirement: Truth

    /// No result when the constraint holds (or does not apply); a failure at the trigger when it is
    /// broken; an indeterminate result at the unknown setting otherwise.
    func check(_ question: @autoclosure () -> String, violation: @autoclosure @escaping DeferredMessage) -> [RuleResult] {
        switch (trigger, requirement) {
        case (.known(false, _), _), (_, .known(true, _)):
            return []
        case (.known(true, let setting), .known(false, _)):
            return [setting.resultAtSetting(.fail, violation)]
        case (.unknown(let setting), _), (_, .unknown(let setting)):
            let question = question()
            return [setting.undecidable("Azure accepts the cluster (\(question))") ?? setting.resultAtSetting(.indeterminate, { "Cannot tell whether Azure accepts the cluster (\(question))." })]
        }
    }
}

/// akslint's exit statuses (see the README and `akslint --help`).
package enum ExitCode: Int32, Sendable {
    /// No finding at or above `--fail-on` (indeterminate results count only with `--strict`).
    case success = 0
    /// At least one finding at or above `--fail-on`.
    case findings = 1
    /// A usage error, or an input that could not be read or parsed (the others are still reported).
    case inputOrUsageError = 2
    /// A bug in akslint.
    case internalError = 3
}

/// A command line akslint cannot act on. Its message is one line and says how to fix it.
package struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    package let message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}

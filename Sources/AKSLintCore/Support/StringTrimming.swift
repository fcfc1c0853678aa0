extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, line breaks and the other
    /// Unicode white space characters).
    package func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}

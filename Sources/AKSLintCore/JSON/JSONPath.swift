/// The location of a value inside a document, written as a JSONPath such as
/// `$.properties.agentPoolProfiles[0].enableNodePublicIP`.
///
/// A path is its last step, which points at the step before it, so extending a path (as every
/// lookup does, for every setting of every cluster) allocates one step and copies nothing; paths
/// that share a beginning share its steps.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the tree.
    public enum Component: Sendable, Hashable {
        /// An object member, by its key as written in the document.
        case key(String)
        /// An array element, by its 0-based index.
        case index(Int)
    }

    /// One step and the steps before it.
    private final class Step: Sendable {
        let parent: Step?
        let component: Component
        /// The steps from the root up to this one, this one included.
        let count: Int

        init(parent: Step?, component: Component) {
            self.parent = parent
            self.component = component
            self.count = (parent?.count ?? 0) + 1
        }
    }

    /// The last step; nil for the root.
    private let last: Step?

    /// The root, `$`.
    public static let root = JSONPath(last: nil)

    private init(last: Step?) {
        self.last = last
    }

    /// Creates a path from its steps.
    public init(components: [Component]) {
        var last: Step?
        for component in components { last = Step(parent: last, component: component) }
        self.last = last
    }

    /// How many steps the path has from the root.
    public var count: Int { last?.count ?? 0 }

    /// The last step, or nil for the root.
    public var lastComponent: Component? { last?.component }

    /// This path extended by an object key.
    public func appending(key: String) -> JSONPath {
        JSONPath(last: Step(parent: last, component: .key(key)))
    }

    /// This path extended by an array index.
    public func appending(index: Int) -> JSONPath {
        JSONPath(last: Step(parent: last, component: .index(index)))
    }

    public static func == (lhs: JSONPath, rhs: JSONPath) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var left = lhs.last, right = rhs.last
        while let l = left, let r = right {
            if l === r { return true }
            if l.component != r.component { return false }
            left = l.parent
            right = r.parent
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var step = last
        while let current = step {
            hasher.combine(current.component)
            step = current.parent
        }
    }

    /// Calls `body` with each step after the first `depth` ones, in order from the root, without
    /// making an array of them.
    public func forEachComponent(after depth: Int, _ body: (Component) -> Void) {
        let length = count - max(0, depth)
        guard length > 0 else { return }
        // The steps are gathered from the last one back, unretained (this path holds them).
        withUnsafeTemporaryAllocation(of: Unmanaged<Step>.self, capacity: length) { steps in
            var step = last
            var position = length
            while let current = step, position > 0 {
                position -= 1
                steps[position] = Unmanaged.passUnretained(current)
                step = current.parent
            }
            // Each component is read in place: a copy would count a reference to its key.
            for step in steps { step._withUnsafeGuaranteedRef { body($0.component) } }
        }
    }

    public var description: String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        appendText(to: &text) { key, text in text.append(contentsOf: key) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the path's text, as ``description`` spells it, from the root's step on (every
    /// shown finding's location has one, which reports write without making a `String` of it).
    /// All of it is plain ASCII that needs no escaping in JSON or a terminal, except the keys
    /// written as `['key']`, whose bytes (already escaped for JSONPath) go through `appendQuoted`.
    func appendText<Sink: ByteSink & ~Copyable>(to text: inout Sink, appendQuoted: (UnsafeBufferPointer<UInt8>, inout Sink) -> Void) {
        text.append(UInt8(ascii: "$"))
        forEachComponent(after: 0) { component in
            switch component {
            case .index(let index):
                text.append(UInt8(ascii: "["))
                JSONWriter.appendDecimal(index, to: &text)
                text.append(UInt8(ascii: "]"))
            case .key(let key):
                key.withUTF8Bytes { Self.append(key: $0, to: &text, appendQuoted: appendQuoted) }
            }
        }
    }

    /// `.key`, or `['key']` with `\` and `'` escaped when the key is no plain identifier.
    private static func append<Sink: ByteSink & ~Copyable>(key bytes: UnsafeBufferPointer<UInt8>, to text: inout Sink, appendQuoted: (UnsafeBufferPointer<UInt8>, inout Sink) -> Void) {
        if isPlainIdentifier(bytes) {
            text.append(UInt8(ascii: "."))
            text.append(contentsOf: bytes)
            return
        }
        var quoted: [UInt8] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "'") { quoted.append(UInt8(ascii: "\\")) }
            quoted.append(byte)
        }
        ("['" as StaticString).withUTF8Buffer { text.append(contentsOf: $0) }
        quoted.withUnsafeBufferPointer { appendQuoted($0, &text) }
        ("']" as StaticString).withUTF8Buffer { text.append(contentsOf: $0) }
    }

    /// Keys made of letters, digits, `_` and `$` (not starting with a digit) print in dot notation.
    private static func isPlainIdentifier(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = key.first, !(48...57).contains(first) else { return false }
        // One bit per ASCII byte: `$` and the digits below 64, the letters and `_` from 64 on.
        let below64: UInt64 = 1 << 36 | 0x3FF << 48
        let from64: UInt64 = 0x3FF_FFFF << 1 | 1 << 31 | 0x3FF_FFFF << 33
        for byte in key {
            let bits = byte < 64 ? below64 : byte < 128 ? from64 : 0
            if bits >> (byte & 63) & 1 == 0 { return false }
        }
        return true
    }
}

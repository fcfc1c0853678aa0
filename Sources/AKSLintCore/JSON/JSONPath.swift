/// The location of a value inside a document, written as a JSONPath such as
/// `$.properties.agentPoolProfiles[0].enableNodePublicIP`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the tree.
    public enum Component: Sendable, Hashable {
        /// An object member, by its key as written in the document.
        case key(String)
        /// An array element, by its 0-based index.
        case index(Int)
    }

    /// The steps from the document's root.
    public private(set) var components: [Component]

    /// The root, `$`.
    public static let root = JSONPath(components: [])

    /// Creates a path from its steps.
    public init(components: [Component]) {
        self.components = components
    }

    /// This path extended by an object key.
    public func appending(key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    /// This path extended by an array index.
    public func appending(index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlainIdentifier(key):
                text += "." + key
            case .key(let key):
                text += "['" + key.replacing("\\", with: "\\\\").replacing("'", with: "\\'") + "']"
            }
        }
        return text
    }

    /// Keys made of letters, digits, `_` and `$` (not starting with a digit) print in dot notation.
    private static func isPlainIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(48...57).contains(first) else { return false }
        return key.utf8.allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95 || byte == 36
        }
    }
}

/// One value of a document's value tree, with the span of its text.
///
/// The parser builds these from JSON(C); the canonical model reads them directly, so a cluster
/// exported by `az` is linted without copying its values. Keys are compared case-insensitively
/// by the lookups, as Azure compares property names.
///
/// A node knows how deeply it nests (``nestingDepth``), so code that walks a value recursively is
/// bounded by the limits the parser and the template evaluator enforce, and whether it is a secret
/// (``isSensitive``), so no message or report ever shows it.
public struct JSONNode: Sendable {
    // The stored properties are declared in the order that packs a node into 40 bytes: the value
    // takes 17, and the span's parts fill the gap after it (a fleet's tree has millions of nodes).

    /// The value.
    public let value: JSONValue
    /// Whether the value is a secret (a `securestring` or `secureObject` parameter, or computed from
    /// one): messages and reports describe it without showing it.
    public var isSensitive: Bool
    /// Whether this value or anything inside it is an unresolved template expression.
    public let containsUnresolved: Bool
    /// Levels of arrays and objects in the value: 0 for a scalar, 1 for `[1, 2]`, 2 for `[[1]]`
    /// (saturating at `UInt16.max`).
    public let nestingDepth: UInt16
    private var spanFile: SourceFileID
    private var spanStart: UInt32
    private var spanEnd: UInt32
    /// Where a template value came from, when not written literally at `span`.
    public var provenance: ValueProvenance?

    /// Where the value's text is in its document (for a value computed by a template expression:
    /// the expression's text).
    public var span: SourceSpan {
        get { SourceSpan(start: spanStart, end: spanEnd, file: spanFile) }
        set { (spanStart, spanEnd, spanFile) = (newValue.start, newValue.end, newValue.file) }
    }

    /// Creates a node.
    public init(_ value: JSONValue, span: SourceSpan = .synthetic, provenance: ValueProvenance? = nil, isSensitive: Bool = false) {
        self.value = value
        (self.spanStart, self.spanEnd, self.spanFile) = (span.start, span.end, span.file)
        self.provenance = provenance
        self.isSensitive = isSensitive
        (self.nestingDepth, self.containsUnresolved) = Self.summary(of: value)
    }

    /// This node's span, provenance and sensitivity around another value.
    public func replacingValue(_ value: JSONValue) -> JSONNode {
        JSONNode(value, span: span, provenance: provenance, isSensitive: isSensitive)
    }

    /// The nesting depth and whether anything is unresolved, from the children's (one pass over them).
    private static func summary(of value: JSONValue) -> (depth: UInt16, unresolved: Bool) {
        var deepest: UInt16 = 0
        var unresolved = false
        switch value {
        case .array(let elements):
            for element in elements {
                deepest = max(deepest, element.nestingDepth)
                unresolved = unresolved || element.containsUnresolved
            }
        case .object(let object):
            for member in object.members {
                deepest = max(deepest, member.value.nestingDepth)
                unresolved = unresolved || member.value.containsUnresolved
            }
        case .unresolved:
            return (0, true)
        default:
            return (0, false)
        }
        return (deepest == .max ? .max : deepest + 1, unresolved)
    }
}

/// Where a value of an evaluated template came from.
public indirect enum ValueProvenance: Sendable, Equatable {
    /// A template parameter, with where its value was given.
    case parameter(name: String, source: ParameterSource, isSecure: Bool)
    /// A template variable.
    case variable(name: String)
    /// Computed by an expression (its text).
    case expression(String)
    /// A Terraform attribute (`local_account_disabled`, `default_node_pool.zones`), and how its
    /// value was decided.
    case terraform(attribute: String, source: TerraformValueSource)

    /// A phrase for messages, such as "from parameter 'enableRBAC', its default value at line 12".
    public var phrase: String {
        switch self {
        case .parameter(let name, let source, _): return "from parameter '\(name)', \(source.phrase)"
        case .variable(let name): return "from variable '\(name)'"
        case .expression(let text): return "computed by \(text)"
        case .terraform(let attribute, let source): return source.phrase(attribute)
        }
    }
}

/// How a value of a Terraform resource was decided.
public enum TerraformValueSource: Sendable, Equatable {
    /// Written in the configuration, or read from a state.
    case configured
    /// Not in the configuration: the value the provider's schema gives it, which it sends.
    case schemaDefault(provider: String)
    /// Not set: the value the provider's code sends in its place.
    case sentWhenUnset(provider: String)
    /// Written by an `azapi_update_resource` that patches the cluster after it is created.
    case patched(by: String)

    func phrase(_ attribute: String) -> String {
        switch self {
        case .configured: return "from \(attribute)"
        case .schemaDefault(let provider): return "the \(provider) provider's default for \(attribute)"
        case .sentWhenUnset(let provider): return "what the \(provider) provider sends when \(attribute) is not set"
        case .patched(let address): return "set by \(address)"
        }
    }
}

/// Where a parameter's value came from.
public enum ParameterSource: Sendable, Equatable {
    /// The template's `defaultValue`, at this line of the input, or of `file` when the template
    /// came from another file (a Bicep module).
    case defaultValue(line: Int, file: String? = nil)
    /// A parameters file.
    case parametersFile(path: String)
    /// The parameters a parent deployment passes to a nested template.
    case parentDeployment(name: String)
    /// `null`, because the parameter is nullable and has no value.
    case nullable
    /// One of the parameter's `allowedValues`, tried because the parameter has no value.
    case allowedValue

    var phrase: String {
        switch self {
        case .defaultValue(let line, let file): return file.map { "its default value at \($0):\(line)" } ?? "its default value at line \(line)"
        case .parametersFile(let path): return "set in \(path)"
        case .parentDeployment(let name): return "passed by the deployment \(name)"
        case .nullable: return "which has no value (nullable)"
        case .allowedValue: return "one of its allowed values, as no value is given"
        }
    }
}

/// A JSON value, plus the one kind of value a template can hold that JSON cannot: an expression
/// that cannot be evaluated offline.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)
    /// A template expression (such as `[reference(...)]`) whose value is only known at deployment.
    /// (Boxed, so the other cases keep a node small.)
    indirect case unresolved(UnresolvedExpression)

    /// A short name of the value's kind, for messages ("a string", "an object").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .unresolved: return "an unresolved expression"
        }
    }
}

/// A template expression whose value akslint cannot know offline, and why.
public struct UnresolvedExpression: Sendable, Hashable {
    /// The expression as written, such as `[parameters('enablePrivateCluster')]`.
    public var expression: String
    /// Why it could not be evaluated, such as "parameter 'x' has no value".
    public var reason: String

    /// Creates an unresolved expression.
    public init(expression: String, reason: String) {
        self.expression = expression
        self.reason = reason
    }
}

/// One `"key": value` pair of an object, in source order.
public struct JSONMember: Sendable {
    /// The key as written.
    public let key: String
    /// Where the key's text (with its quotes) is.
    public var keySpan: SourceSpan
    /// The key's ``KeyDigest``, kept in what would be padding after the span (a member stays 72 bytes).
    let keyDigest: KeyDigest
    /// The value.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keySpan: SourceSpan = .synthetic, value: JSONNode) {
        self.init(key: key, keySpan: keySpan, keyDigest: KeyDigest(key), value: value)
    }

    /// Creates a member whose key's digest the caller made (the parser, from the key's bytes).
    init(key: String, keySpan: SourceSpan, keyDigest: KeyDigest, value: JSONNode) {
        self.key = key
        self.keySpan = keySpan
        self.keyDigest = keyDigest
        self.value = value
    }
}

/// Four bytes that keys equal without regard to ASCII case share: the length, and the first,
/// middle and last bytes with ASCII letters folded to lower case. An object lookup compares
/// digests before keys, so it passes over most members on one comparison of four bytes; making
/// one reads three bytes, whatever the key's length.
struct KeyDigest: Equatable {
    private let bits: UInt32

    init(_ key: String) {
        var key = key
        self = key.withUTF8 { KeyDigest($0) }
    }

    /// The digest of a key's UTF-8 bytes.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let last = bytes.last else {
            bits = 0
            return
        }
        let length = UInt32(truncatingIfNeeded: bytes.count)
        bits = length | UInt32(bytes[0].asciiLowercased) << 8 | UInt32(bytes[bytes.count / 2].asciiLowercased) << 16 | UInt32(last.asciiLowercased) << 24
    }
}

/// An object's members in source order, looked up case-insensitively with the last duplicate winning.
public struct JSONObject: Sendable {
    /// The members as written, duplicates included.
    public var members: [JSONMember]

    /// Creates an object.
    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    /// The last member whose key equals `key` ignoring ASCII case, as Azure resolves duplicates.
    public func member(named key: String) -> JSONMember? {
        memberIndex(named: key).map { members[$0] }
    }

    /// The position in ``members`` of ``member(named:)``, so a caller can read the parts it needs
    /// in place.
    public func memberIndex(named key: String) -> Int? {
        // Every setting a rule reads walks objects this way: the members are read in place and
        // most are passed over on their key's digest alone.
        let digest = KeyDigest(key)
        return members.withUnsafeBufferPointer { members -> Int? in
            var index = members.count - 1
            while index >= 0 {
                if members[index].keyDigest == digest, members[index].key.equalsIgnoringASCIICase(key) { return index }
                index -= 1
            }
            return nil
        }
    }

    /// The value of the member named `key` (case-insensitive), if any.
    public subscript(key: String) -> JSONNode? { member(named: key)?.value }
}

extension JSONNode {
    /// The object, if this node is one.
    public var object: JSONObject? {
        if case .object(let object) = value { return object }
        return nil
    }

    /// The string, if this node is one.
    public var string: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    /// The boolean, if this node is one.
    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    /// The elements, if this node is an array.
    public var array: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// True for a JSON `null`.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}

extension String {
    /// Whether two strings are equal when ASCII letters are compared without case.
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let compared = utf8.withContiguousStorageIfAvailable { left in
            other.utf8.withContiguousStorageIfAvailable { right in Self.equalIgnoringASCIICase(left, right) }
        }
        if let compared, let equal = compared { return equal }
        return Self.equalIgnoringASCIICase(Array(utf8), Array(other.utf8))
    }

    /// Whether `part` occurs in this string when ASCII letters are compared without case.
    public func containsIgnoringASCIICase(_ part: String) -> Bool {
        let (text, part) = (Array(utf8), Array(part.utf8))
        guard part.count <= text.count else { return false }
        return (0...(text.count - part.count)).contains { start in Self.equalIgnoringASCIICase(text[start..<(start + part.count)], part[...]) }
    }

    /// Whether two byte sequences of the same length are equal when ASCII letters are compared without case.
    private static func equalIgnoringASCIICase<Bytes: RandomAccessCollection<UInt8>>(_ left: Bytes, _ right: Bytes) -> Bool where Bytes.Index == Int {
        for offset in 0..<left.count {
            let a = left[left.startIndex + offset], b = right[right.startIndex + offset]
            if a == b { continue }
            let foldedA = a | 0x20
            guard foldedA == b | 0x20, foldedA >= UInt8(ascii: "a"), foldedA <= UInt8(ascii: "z") else { return false }
        }
        return true
    }
}

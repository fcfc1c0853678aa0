/// Where the resources of a Terraform configuration are written in its `.tf` files, so findings
/// about a plan point at `main.tf:42` rather than at the plan's JSON: each
/// `resource "TYPE" "NAME" {` block, the attributes and nested blocks inside it by path
/// (`network_profile.network_policy`, `dynamic` blocks' `content` included), and the
/// `# akslint-disable…` comments in or directly above it. A block scanner, not an HCL evaluator:
/// it reads where things are written, never what they evaluate to.
struct TerraformSourceMap: Sendable {
    /// One `resource` block.
    struct ResourceBlock: Sendable {
        let header: SourceSpan
        /// The span of each attribute (`name = value`) and nested block header, by path.
        var written: [String: SourceSpan] = [:]
        /// The paths of the blocks written as `dynamic "NAME"`, which a plan's configuration leaves out.
        var dynamicBlocks: Set<String> = []
        var suppressions: [(comment: SuppressionComment, span: SourceSpan)] = []
    }

    /// Resource blocks by key-less configuration address (`module.aks.azurerm_kubernetes_cluster.main`).
    private(set) var resources: [String: ResourceBlock] = [:]

    /// The paths of the `dynamic` blocks of the resource at `address`.
    func dynamicBlocks(of address: String) -> Set<String> {
        resources[TerraformAddress.withoutKeys(address)]?.dynamicBlocks ?? []
    }
    /// Line indexes of the files scanned, by file.
    private(set) var lines: [SourceFileID: LineIndex] = [:]

    init() {}

    /// Adds the blocks of one `.tf` file, whose resources are in the module at `modulePrefix`
    /// (`""` for the root module, `module.aks.` for a call).
    mutating func scan(_ text: [UInt8], file: SourceFileID, modulePrefix: String) {
        var scanner = HCLBlockScanner(text: text, file: file)
        scanner.run()
        lines[file] = scanner.lines
        for (address, block) in scanner.resources where resources[modulePrefix + address] == nil {
            resources[modulePrefix + address] = block
        }
    }

    /// `node` (a resource instance's values or its `after_unknown`) with each value pointing at
    /// where its attribute is written, or at the nearest enclosing block written in the `.tf`
    /// files (the resource header for an attribute nobody wrote). Unchanged when the resource is
    /// not in the files.
    func located(_ node: JSONNode, address: String) -> JSONNode {
        guard let block = resources[TerraformAddress.withoutKeys(address)] else { return node }
        return relocated(node, path: "", fallback: block.header, block: block, depth: 0)
    }

    private func relocated(_ node: JSONNode, path: String, fallback: SourceSpan, block: ResourceBlock, depth: Int) -> JSONNode {
        let span = path.isEmpty ? fallback : (block.written[path] ?? fallback)
        var copy: JSONNode
        switch node.value {
        case .object(let object) where depth < 64:
            let members = object.members.map { member in
                JSONMember(key: member.key, keySpan: span, value: relocated(member.value, path: path.isEmpty ? member.key : path + "." + member.key, fallback: span, block: block, depth: depth + 1))
            }
            copy = JSONNode(.object(JSONObject(members)), span: span, provenance: node.provenance, isSensitive: node.isSensitive)
        case .array(let elements) where depth < 64:
            // A list of nested blocks keeps the block's path for its elements; a list value
            // points at its attribute.
            copy = JSONNode(.array(elements.map { relocated($0, path: path, fallback: span, block: block, depth: depth + 1) }), span: span, provenance: node.provenance, isSensitive: node.isSensitive)
        default:
            copy = node
            copy.span = span
        }
        return copy
    }

    /// The suppressions written for the resource at `address`, as sites of cluster `clusterOrdinal`.
    func suppressions(of address: String, clusterOrdinal: Int) -> [SuppressionSite] {
        guard let block = resources[TerraformAddress.withoutKeys(address)] else { return [] }
        return block.suppressions.flatMap { entry in
            let position = lines[entry.span.file]?.position(of: Int(entry.span.start)) ?? SourcePosition(line: 1, column: 1)
            return (entry.comment.rules.isEmpty ? [nil] : entry.comment.rules.map(Optional.some)).map { rule in
                SuppressionSite(clusterOrdinal: clusterOrdinal, rule: rule, reason: entry.comment.reason, position: position, file: entry.span.file)
            }
        }
    }
}

/// One pass over a `.tf` file's bytes: tokens (identifiers, strings with their `${}` holes,
/// heredocs, brackets, `=`, new lines, comments), then statements, tracking the blocks that are
/// open. Malformed text never stops it: what cannot be placed is skipped.
private struct HCLBlockScanner {
    private enum Token {
        case identifier(String, start: Int, end: Int)
        case string(String, start: Int, end: Int)
        case open(UInt8, at: Int)
        case close(at: Int)
        case equals
        case newline
        case other
    }

    /// An open block: a resource (its address), a nested block (its path), a `dynamic` block
    /// (whose `content` is the block it names), or any other block.
    private enum Frame {
        case resource(address: String)
        case nested(address: String, path: String)
        case dynamic(address: String, path: String)
        case other
    }

    let text: [UInt8]
    let file: SourceFileID
    private(set) var lines = LineIndex()
    private(set) var resources: [String: TerraformSourceMap.ResourceBlock] = [:]
    private var comments: [(text: Substring, line: Int, span: SourceSpan)] = []
    private var commentLines = Set<Int>()
    private var tokens: [Token] = []
    private var resourceSpans: [(address: String, header: SourceSpan, end: Int)] = []

    init(text: [UInt8], file: SourceFileID) {
        self.text = text
        self.file = file
    }

    mutating func run() {
        lex()
        parse()
        attachSuppressions()
    }

    // MARK: Tokens

    /// The line the lexer is on.
    private var line = 1

    private mutating func newline(at offset: Int) {
        lines.addLineStart(offset + 1)
        line += 1
    }

    private mutating func lex() {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: byte) }
            switch byte {
            case UInt8(ascii: "\n"):
                newline(at: index)
                tokens.append(.newline)
                index += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                index = comment(from: index, bodyStart: index + 1, line: line)
            case UInt8(ascii: "/") where index + 1 < text.count && text[index + 1] == UInt8(ascii: "/"):
                index = comment(from: index, bodyStart: index + 2, line: line)
            case UInt8(ascii: "/") where index + 1 < text.count && text[index + 1] == UInt8(ascii: "*"):
                var end = index + 2
                while end + 1 < text.count, !(text[end] == UInt8(ascii: "*") && text[end + 1] == UInt8(ascii: "/")) {
                    if text[end] == UInt8(ascii: "\n") { newline(at: end) }
                    if text[end] >= 0xC0 { lines.addMultiByteCharacter(at: end, leadByte: text[end]) }
                    end += 1
                }
                index = min(text.count, end + 2)
            case UInt8(ascii: "\""):
                let start = index
                var value: [UInt8] = []
                index += 1
                var holes = 0
                while index < text.count {
                    let current = text[index]
                    if current == UInt8(ascii: "\n") { if holes == 0 { break }; newline(at: index) }
                    if current >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: current) }
                    if current == UInt8(ascii: "\\"), holes == 0, index + 1 < text.count {
                        value.append(text[index + 1])
                        index += 2
                        continue
                    }
                    if current == UInt8(ascii: "$") || current == UInt8(ascii: "%"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "{") {
                        holes += 1
                        index += 2
                        continue
                    }
                    if holes > 0, current == UInt8(ascii: "}") { holes -= 1 }
                    if holes == 0, current == UInt8(ascii: "\"") { index += 1; break }
                    if holes == 0 { value.append(current) }
                    index += 1
                }
                tokens.append(.string(String(decoding: value, as: UTF8.self), start: start, end: index))
            case UInt8(ascii: "<") where index + 1 < text.count && text[index + 1] == UInt8(ascii: "<"):
                index = heredoc(from: index)
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("):
                tokens.append(.open(byte, at: index))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"):
                tokens.append(.close(at: index))
                index += 1
            case UInt8(ascii: "="):
                let isComparison = index + 1 < text.count && text[index + 1] == UInt8(ascii: "=")
                tokens.append(isComparison ? .other : .equals)
                index += isComparison ? 2 : 1
            default:
                if Self.isIdentifierStart(byte) {
                    let start = index
                    while index < text.count, Self.isIdentifierPart(text[index]) { index += 1 }
                    tokens.append(.identifier(String(decoding: text[start..<index], as: UTF8.self), start: start, end: index))
                } else {
                    tokens.append(.other)
                    index += 1
                }
            }
        }
    }

    private mutating func comment(from start: Int, bodyStart: Int, line: Int) -> Int {
        var end = bodyStart
        while end < text.count, text[end] != UInt8(ascii: "\n") {
            if text[end] >= 0xC0 { lines.addMultiByteCharacter(at: end, leadByte: text[end]) }
            end += 1
        }
        let body = String(decoding: text[bodyStart..<end], as: UTF8.self)
        comments.append((Substring(body.trimmingWhitespace()), line, SourceSpan(start: start, end: end, file: file)))
        commentLines.insert(line)
        return end
    }

    /// `<<EOF` or `<<-EOF` up to the line that holds only the marker.
    private mutating func heredoc(from start: Int) -> Int {
        var index = start + 2
        if index < text.count, text[index] == UInt8(ascii: "-") { index += 1 }
        let markerStart = index
        while index < text.count, Self.isIdentifierPart(text[index]) { index += 1 }
        let marker = Array(text[markerStart..<index])
        guard !marker.isEmpty else {
            tokens.append(.other)
            return start + 2
        }
        while index < text.count {
            guard text[index] == UInt8(ascii: "\n") else {
                if text[index] >= 0xC0 { lines.addMultiByteCharacter(at: index, leadByte: text[index]) }
                index += 1
                continue
            }
            newline(at: index)
            index += 1
            var lineStart = index
            while lineStart < text.count, text[lineStart] == UInt8(ascii: " ") || text[lineStart] == UInt8(ascii: "\t") { lineStart += 1 }
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var trimmedEnd = lineEnd
            while trimmedEnd > lineStart, text[trimmedEnd - 1] == UInt8(ascii: "\r") || text[trimmedEnd - 1] == UInt8(ascii: " ") { trimmedEnd -= 1 }
            if Array(text[lineStart..<trimmedEnd]) == marker {
                tokens.append(.string("", start: start, end: trimmedEnd))
                return trimmedEnd
            }
        }
        tokens.append(.string("", start: start, end: index))
        return index
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "_")
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "-")
    }

    // MARK: Statements

    private mutating func parse() {
        var frames: [Frame] = []
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case .newline, .other, .equals, .string:
                index += 1
            case .close(let at):
                if case .resource(let address)? = frames.last, let open = resourceSpans.lastIndex(where: { $0.address == address && $0.end < 0 }) {
                    resourceSpans[open].end = at
                }
                if !frames.isEmpty { frames.removeLast() }
                index += 1
            case .open:
                // A bracket that opens no block (a stray one): balanced by its close.
                frames.append(.other)
                index += 1
            case .identifier(let name, let start, let end):
                // `NAME = expression`: an attribute of the innermost block.
                if index + 1 < tokens.count, case .equals = tokens[index + 1] {
                    let expressionEnd = skipExpression(from: index + 2)
                    if let (address, path) = location(in: frames, adding: name) {
                        record(SourceSpan(start: start, end: max(end, expressionEnd.offset), file: file), at: path, of: address)
                    }
                    index = expressionEnd.index
                    continue
                }
                // `NAME "label"... {`: a block.
                var labels: [String] = []
                var cursor = index + 1
                while cursor < tokens.count, case .string(let label, _, _) = tokens[cursor] {
                    labels.append(label)
                    cursor += 1
                }
                guard cursor < tokens.count, case .open(UInt8(ascii: "{"), let brace) = tokens[cursor] else {
                    index += 1
                    continue
                }
                let header = SourceSpan(start: start, end: brace + 1, file: file)
                frames.append(frame(for: name, labels: labels, in: frames, header: header))
                index = cursor + 1
            }
        }
    }

    /// The frame a block `name "labels" {` opens inside `frames`.
    private mutating func frame(for name: String, labels: [String], in frames: [Frame], header: SourceSpan) -> Frame {
        switch frames.last {
        case nil:
            guard name == "resource", labels.count == 2 else { return .other }
            let address = labels[0] + "." + labels[1]
            if resources[address] == nil {
                resources[address] = TerraformSourceMap.ResourceBlock(header: header)
                resourceSpans.append((address, header, -1))
            }
            return .resource(address: address)
        case .resource(let address)?:
            if name == "dynamic", let label = labels.first {
                resources[address]?.dynamicBlocks.insert(label)
                record(header, at: label, of: address)
                return .dynamic(address: address, path: label)
            }
            record(header, at: name, of: address)
            return .nested(address: address, path: name)
        case .nested(let address, let path)?:
            if name == "dynamic", let label = labels.first {
                resources[address]?.dynamicBlocks.insert(path + "." + label)
                record(header, at: path + "." + label, of: address)
                return .dynamic(address: address, path: path + "." + label)
            }
            let nested = path + "." + name
            record(header, at: nested, of: address)
            return .nested(address: address, path: nested)
        case .dynamic(let address, let path)?:
            guard name == "content" else { return .other }
            record(header, at: path, of: address)
            return .nested(address: address, path: path)
        case .other?:
            return .other
        }
    }

    /// Records where the first block at `path` of a resource is written (a block written twice,
    /// such as two `enabled_log` blocks, is found at its first).
    private mutating func record(_ header: SourceSpan, at path: String, of address: String) {
        guard var resource = resources[address], resource.written[path] == nil else { return }
        resource.written[path] = header
        resources[address] = resource
    }

    /// The resource and attribute path of attribute `name` in the innermost frame.
    private func location(in frames: [Frame], adding name: String) -> (String, String)? {
        switch frames.last {
        case .resource(let address)?: return (address, name)
        case .nested(let address, let path)?: return (address, path + "." + name)
        default: return nil
        }
    }

    /// The token after an expression that starts at `start` (it ends at a new line outside
    /// brackets, or at the close of the enclosing block), and the offset where its text ends.
    private func skipExpression(from start: Int) -> (index: Int, offset: Int) {
        var depth = 0
        var index = start
        var lastOffset = 0
        while index < tokens.count {
            switch tokens[index] {
            case .newline where depth == 0:
                return (index, lastOffset)
            case .open(_, let at):
                depth += 1
                lastOffset = at + 1
            case .close(let at):
                if depth == 0 { return (index, lastOffset) }
                depth -= 1
                lastOffset = at + 1
            case .identifier(_, _, let end), .string(_, _, let end):
                lastOffset = end
            default:
                break
            }
            index += 1
        }
        return (index, lastOffset)
    }

    /// Suppression comments inside a resource block, or in the comment lines directly above it.
    /// Resource blocks do not nest and are in file order, so each comment's block is found by
    /// binary search.
    private mutating func attachSuppressions() {
        let runs = CommentLines(commentLines, lastLine: comments.last?.line ?? 0)
        let headerLines = resourceSpans.map { lines.position(of: Int($0.header.start)).line }
        for comment in comments {
            guard let parsed = SuppressionComment(comment.text) else { continue }
            let offset = Int(comment.span.start)
            // The last block that starts before the comment, and the first that starts after it.
            var low = 0, high = resourceSpans.count
            while low < high {
                let middle = (low + high) / 2
                if Int(resourceSpans[middle].header.start) <= offset { low = middle + 1 } else { high = middle }
            }
            var owner: String?
            if low > 0, resourceSpans[low - 1].end < 0 || offset <= resourceSpans[low - 1].end {
                owner = resourceSpans[low - 1].address
            } else if low < resourceSpans.count, comment.line < headerLines[low], runs.firstLineOfCommentsAbove(headerLines[low]) <= comment.line {
                owner = resourceSpans[low].address
            }
            guard let owner else { continue }
            resources[owner]?.suppressions.append((parsed, comment.span))
        }
    }
}

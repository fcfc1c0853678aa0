import AKSLintCore

/// Minimal read access to a JSON report in tests, built on akslint's own parser.
struct JSON {
    let node: JSONNode?

    init(_ text: String) throws {
        node = try JSONParser.parse(Array(text.utf8)).root
    }

    private init(node: JSONNode?) {
        self.node = node
    }

    subscript(key: String) -> JSON { JSON(node: node?.object?.members.last { $0.key == key }?.value) }
    subscript(index: Int) -> JSON {
        guard let elements = node?.array, index >= 0, index < elements.count else { return JSON(node: nil) }
        return JSON(node: elements[index])
    }

    var array: [JSON] { node?.array?.map { JSON(node: $0) } ?? [] }
    var string: String { node?.string ?? "" }
    var int: Int {
        if case .number(let number)? = node?.value { return Int(number) }
        return -1
    }
    var bool: Bool? {
        if case .bool(let flag)? = node?.value { return flag }
        return nil
    }
    var isNull: Bool { node == nil || node?.isNull == true }
    /// Whether the member or element is not there at all (not even `null`).
    var isAbsent: Bool { node == nil }

    /// In a JSON report: the entry of `clusters` a finding refers to.
    func cluster(of finding: JSON) -> JSON { self["clusters"][finding["cluster"].int] }

    /// In a JSON report: the names of an input's clusters.
    func clusterNames(of input: JSON) -> [String] { input["clusters"].array.map { self["clusters"][$0.int]["name"].string } }

    /// In a JSON report: the entry of `rules` a finding refers to.
    func rule(of finding: JSON) -> JSON { JSON(node: self["rules"].node?.array?.first { JSON(node: $0)["id"].string == finding["ruleId"].string }) }
}

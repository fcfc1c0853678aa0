import AKSLintTestSupport
import Testing

/// The folders of AKSLintCore form layers: a folder may use the types of the folders below it,
/// never those above, so a new input format or report format slots in without a cycle.
@Suite("Folder layering of AKSLintCore")
struct LayeringTests {
    /// Lowest first. Support and Source hold text and position utilities; JSON the parsed value
    /// tree; Model the canonical cluster; Input the formats and errors; Template the ARM
    /// evaluator; Adapters the readers; Loading decode-parse-adapt; Engine the rules' results;
    /// Config `.akslint.json`; Suppression what accepts findings; Reporting the formats.
    static let layers = ["Support", "Source", "JSON", "Model", "Input", "Template", "Bicep", "Terraform", "Adapters", "Loading", "Engine", "Config", "Suppression", "Reporting"]

    @Test("no folder uses a type declared in a folder above it")
    func noUpwardDependency() throws {
        let root = Paths.repositoryRoot + "/Sources/AKSLintCore"
        var sources: [(layer: Int, name: String, text: String)] = []
        var owners: [String: Int] = [:]
        for (index, folder) in Self.layers.enumerated() {
            for path in try files(under: root + "/" + folder, endingWith: ".swift") {
                let text = String(decoding: try readBytes(path), as: UTF8.self)
                sources.append((index, String(path.dropFirst(root.count + 1)), text))
                for match in text.matches(of: /\n(?:public |package )?(?:final |indirect )?(?:struct|enum|class|protocol) ([A-Z]\w*)/) {
                    owners[String(match.1)] = index
                }
            }
        }
        let folders = Set(try directoryEntries(root).filter { !$0.contains(".") })
        #expect(folders == Set(Self.layers), "every folder of AKSLintCore has a place in the layers")
        for file in sources {
            let code = file.text.split(separator: "\n").filter { !$0.trimmingPrefix(while: { $0 == " " }).hasPrefix("//") }
            let words = Set(code.flatMap { line in line.split { !($0.isLetter || $0.isNumber || $0 == "_") } })
            for (type, layer) in owners where layer > file.layer && words.contains(Substring(type)) {
                Issue.record("\(file.name) (\(Self.layers[file.layer])) uses \(type) from \(Self.layers[layer])")
            }
        }
    }
}

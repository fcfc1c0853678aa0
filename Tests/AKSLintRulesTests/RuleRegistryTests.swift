@testable import AKSLintCore
import AKSLintTestSupport
import AKSLintRules
import Testing

/// Adding a rule is writing one file in `Rules/`: these tests fail until the file is registered in
/// `BuiltinRules.all` and its name, id, rule name and category agree.
@Suite("The rule registry")
struct RuleRegistryTests {
    /// One `Rules/AKSnnn-name.swift` file, as written.
    struct RuleFile: Sendable {
        let fileName: String
        let typeName: String
        let id: String
        let name: String
        let category: String
    }

    static let files: [RuleFile] = {
        let directory = Paths.repositoryRoot + "/Rules"
        return ((try? directoryEntries(directory)) ?? []).filter { $0.wholeMatch(of: /AKS\d{3}-[a-z0-9-]+\.swift/) != nil }.compactMap { fileName in
            guard let text = try? String(decoding: readBytes(directory + "/" + fileName), as: UTF8.self),
                  let type = text.firstMatch(of: /package struct (\w+): Rule/)?.1,
                  let id = text.firstMatch(of: /id: "(AKS\d{3})"/)?.1,
                  let name = text.firstMatch(of: /\n\s+name: "([a-z0-9-]+)"/)?.1,
                  let category = text.firstMatch(of: /category: \.(\w+)/)?.1 else { return RuleFile(fileName: fileName, typeName: "", id: "", name: "", category: "") }
            return RuleFile(fileName: fileName, typeName: String(type), id: String(id), name: String(name), category: String(category))
        }
    }()

    /// The category each hundreds digit stands for.
    static let families: [Character: RuleCategory] = [
        "1": .identity, "2": .network, "3": .dataProtection, "4": .threatProtection, "5": .monitoring, "6": .lifecycle, "7": .nodePools, "8": .relatedResources,
    ]

    @Test("every rule file is registered, once, in catalogue order")
    func registered() throws {
        #expect(Self.files.count >= 60, "rule files read: \(Self.files.count)")
        let registered = BuiltinRules.all.map { String(describing: type(of: $0)) }
        for file in Self.files {
            #expect(!file.typeName.isEmpty, "\(file.fileName): no `package struct X: Rule` with id, name and category")
            #expect(registered.filter { $0 == file.typeName }.count == 1, "\(file.fileName): \(file.typeName) is not in BuiltinRules.all exactly once")
        }
        #expect(Self.files.count == BuiltinRules.all.count, "every registered rule has its own file")
    }

    @Test("a fix command does what its label says: a new cluster is created, a new pool added, anything else updated in place")
    func commandsMatchTheirDisruption() {
        for rule in BuiltinRules.all {
            guard let command = rule.metadata.remediation.azCommand else { continue }
            switch rule.metadata.remediation.disruption {
            case .newCluster: #expect(command.hasPrefix("az aks create "), "\(rule.metadata.id): \(command)")
            case .newNodePool: #expect(command.hasPrefix("az aks nodepool add "), "\(rule.metadata.id): \(command)")
            case .inPlace: #expect(!command.hasPrefix("az aks create ") && !command.hasPrefix("az aks nodepool add "), "\(rule.metadata.id): \(command)")
            }
        }
    }

    @Test("a remediation text split into placeholders gives back the text, and other braces are text")
    func remediationTexts() {
        func written(_ text: RemediationText) -> String { text.filled { _ in nil } }
        for rule in BuiltinRules.all {
            let remediation = rule.metadata.remediation
            for text in [remediation.azCommand, remediation.bicep, remediation.terraform].compactMap({ $0 }) {
                #expect(written(RemediationText(text)) == text, "\(rule.metadata.id)")
            }
        }
        let odd = RemediationText("az x {name} --set '{ a = 1 }' ${HOME} {unknown} {} {pool}{resource}{")
        #expect(written(odd) == "az x {name} --set '{ a = 1 }' ${HOME} {unknown} {} {pool}{resource}{")
        #expect(odd.parts.count { if case .placeholder = $0 { true } else { false } } == 3)
        #expect(odd.contains(.pool) && !odd.contains(.resourceGroup))
        #expect(odd.filled { $0 == .pool ? "system" : nil } == "az x {name} --set '{ a = 1 }' ${HOME} {unknown} {} system{resource}{")
    }

    @Test("a rule's file name, id, name and category agree")
    func consistent() throws {
        let byType = Dictionary(uniqueKeysWithValues: BuiltinRules.all.map { (String(describing: type(of: $0)), $0.metadata) })
        for file in Self.files {
            let metadata = try #require(byType[file.typeName], "\(file.fileName)")
            #expect(file.fileName == "\(metadata.id)-\(metadata.name).swift", "\(file.fileName) holds \(metadata.id) \(metadata.name)")
            #expect(file.id == metadata.id && file.name == metadata.name)
            let digit = metadata.id.dropFirst(3).first ?? " "
            if let family = Self.families[digit] {
                #expect(metadata.category == family, "\(metadata.id) is in the \(family.rawValue) family but says \(metadata.category.rawValue)")
            } else {
                #expect(!metadata.category.isSecurityPosture, "\(metadata.id): the 9xx family is for reliability, cost and naming")
            }
        }
        let ids = BuiltinRules.all.map(\.metadata.id)
        #expect(Set(ids).count == ids.count, "rule ids are unique")
    }
}

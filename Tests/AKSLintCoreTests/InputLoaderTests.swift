@testable import AKSLintCore
import AKSLintTestSupport
import Testing

@Suite("Input detection and adapters")
struct InputLoaderTests {
    @Test("a flattened az aks show export is one cluster whose settings sit at the top level")
    func azShow() throws {
        let loaded = try InputLoader.load(readBytes(Paths.fixture("az/prod-insecure.json")))
        #expect(loaded.format == .azAksShow)
        let cluster = try #require(loaded.clusters.first)
        #expect(loaded.clusters.count == 1)
        #expect(cluster.name == "prod-aks")
        #expect(cluster.resourceGroup == "prod-rg")
        #expect(cluster.subscriptionId == "3f2a9c1e-0000-4000-8000-000000000001")
        #expect(cluster.agentPools.map(\.name) == ["system", "edge"])
        // az spelling, read through the REST name:
        #expect(cluster.bool("enableRBAC").reading.value == true)
        #expect(cluster.bool("enableRBAC").displayName == "enableRbac")
        #expect(cluster.array("apiServerAccessProfile", "authorizedIPRanges").reading.value?.count == 2)
        // null is absent, pointing at the null:
        guard case .absent(let nearest, explicitNull: true) = cluster.bool("aadProfile", "managed").reading else {
            Issue.record("aadProfile: null should read as absent")
            return
        }
        #expect(nearest.path.description == "$.aadProfile")
    }

    @Test("az aks list, Resource Graph and REST lists give one cluster per entry")
    func lists() throws {
        let list = try InputLoader.load(readBytes(Paths.fixture("az/aks-list.json")))
        #expect(list.format == .azAksList)
        #expect(list.clusters.map(\.name) == ["prod-aks", "platform-aks"])
        #expect(list.clusters[1].properties.path.description == "$[1]")

        let graph = try InputLoader.load(readBytes(Paths.fixture("resource-graph/clusters.json")))
        #expect(graph.format == .resourceGraph)
        #expect(graph.clusters.map(\.name) == ["prod-aks", "platform-aks"])
        #expect(graph.clusters[0].properties.path.description == "$.data[0].properties")

        let bareRows = try InputLoader.load(Array(#"[{"id": "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/a", "name": "a", "type": "microsoft.containerservice/managedclusters", "properties": {"enableRBAC": true}}]"#.utf8))
        #expect(bareRows.format == .resourceGraph)
        #expect(bareRows.clusters.first?.resourceGroup == "rg")

        let restList = try InputLoader.load(Array(#"{"value": [{"name": "a", "type": "Microsoft.ContainerService/ManagedClusters", "properties": {}}], "nextLink": null}"#.utf8))
        #expect(restList.format == .restList)
        #expect(restList.clusters.count == 1)
    }

    @Test("inputs that hold no AKS cluster give a warning and no cluster", arguments: [
        (#"{"name": "acr", "type": "Microsoft.ContainerRegistry/registries", "properties": {}}"#, "resource type is \"Microsoft.ContainerRegistry/registries\""),
        (#"{"name": "package", "version": "1.0.0"}"#, "no managed cluster found"),
        (#"[{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/a", "name": "a", "type": "Microsoft.ContainerService/managedClusters", "properties": null}]"#, "has no properties"),
        (#"{"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/a", "name": "a", "type": "Microsoft.ContainerService/managedClusters", "location": "westus"}"#, "carries no settings"),
        (#"[]"#, "the list is empty"),
        (#""just a string""#, "the document is a string"),
    ])
    func notAKS(input: String, warning: String) throws {
        let loaded = try InputLoader.load(Array(input.utf8))
        #expect(loaded.clusters.isEmpty)
        #expect(loaded.format == .unrecognized)
        #expect(loaded.warnings.contains { $0.message.contains(warning) }, "warnings: \(loaded.warnings.map(\.message))")
    }

    @Test("a parameters file is recognised and not linted", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func parametersFile() throws {
        let loaded = try InputLoader.load(readBytes(Paths.corpus + "/quickstart-templates/legacy-2021/101-aks/azuredeploy.parameters.json"))
        #expect(loaded.format == .armParameters)
        #expect(loaded.clusters.isEmpty)
    }

    @Test("a zero-pool cluster and a cluster with an unnamed pool load")
    func pools() throws {
        let loaded = try InputLoader.load(Array(#"{"type": "Microsoft.ContainerService/managedClusters", "properties": {"agentPoolProfiles": [{"count": 1}, 7]}}"#.utf8))
        let cluster = try #require(loaded.clusters.first)
        #expect(cluster.displayName == "cluster #1")
        #expect(cluster.agentPools.count == 1)
        #expect(cluster.agentPools.first?.displayName == "pool #1")
    }

    @Test("every encoding of the same export gives the same clusters and line numbers")
    func encodings() throws {
        let reference = try InputLoader.load(readBytes(Paths.fixture("az/prod-insecure.json")))
        for name in ["prod-insecure.utf8-bom.json", "prod-insecure.utf16le-bom.json", "prod-insecure.utf16be-bom.json"] {
            let loaded = try InputLoader.load(readBytes(Paths.fixture("encodings/" + name)))
            #expect(loaded.clusters.map(\.name) == reference.clusters.map(\.name))
            let span = try #require(loaded.clusters.first?.bool("disableLocalAccounts").reading.ref.node.span)
            let referenceSpan = try #require(reference.clusters.first?.bool("disableLocalAccounts").reading.ref.node.span)
            #expect(loaded.sources.position(of: Int(span.start), in: span.file) == reference.sources.position(of: Int(referenceSpan.start), in: referenceSpan.file), "\(name)")
        }
    }

    @Test("bad input is a typed error with a position, never a crash", arguments: [
        ("invalid/truncated.json", "unexpected end of input inside object started at line 4, column 17"),
        ("invalid/bad-literal.json", "invalid literal 'tru'"),
        ("invalid/utf16le-without-bom.json", "UTF-16 without a byte-order mark"),
    ])
    func badInput(fixture: String, message: String) throws {
        let bytes = try readBytes(Paths.fixture(fixture))
        #expect {
            try InputLoader.load(bytes)
        } throws: { error in
            (error as? InputError)?.description.contains(message) == true
        }
    }

    @Test("inputs above the size limit are refused before parsing")
    func sizeLimit() {
        #expect(throws: InputError.self) { try InputLoader.load([UInt8](repeating: 0x20, count: InputLimits.maximumBytes + 1)) }
    }
}

@Suite("The shared corpus")
struct CorpusLoadingTests {
    static let recordingFolders = ["azure-cli-recordings", "azure-cli-aks-preview-recordings"]

    @Test("every az CLI recording (a REST body) is read into exactly one cluster", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)), arguments: recordingFolders)
    func recordings(folder: String) throws {
        let names = try directoryEntries(Paths.corpus + "/" + folder).filter { $0.hasSuffix(".json") }
        #expect(names.count >= 20)
        for name in names {
            let loaded = try InputLoader.load(readBytes(Paths.corpus + "/\(folder)/\(name)"))
            #expect(loaded.clusters.count == 1, "\(name)")
            #expect(loaded.format == .rest, "\(name)")
            let cluster = try #require(loaded.clusters.first)
            #expect(cluster.name != nil && cluster.name == cluster.resourceId.flatMap(ResourceID.init)?.name, "\(name)")
            #expect(cluster.resourceGroup != nil, "\(name)")
            #expect(loaded.warnings.isEmpty, "\(name): \(loaded.warnings.map(\.message))")
        }
    }

    @Test("REST API examples, unwrapped from responses.200.body, are one cluster each", .enabled(if: Paths.corpusTestsRun, Comment(rawValue: Paths.corpusMissing)))
    func restExamples() throws {
        for version in try directoryEntries(Paths.corpus + "/rest-api-examples") {
            for name in try directoryEntries(Paths.corpus + "/rest-api-examples/\(version)") {
                let wrapper = try JSONParser.parse(readBytes(Paths.corpus + "/rest-api-examples/\(version)/\(name)"))
                let body = try #require(wrapper.root.object?["responses"]?.object?["200"]?.object?["body"])
                let text = Array(wrapper.text[Int(body.span.start)..<Int(body.span.end)])
                let loaded = try InputLoader.load(text)
                #expect(loaded.clusters.count == 1, "\(name)")
            }
        }
    }
}

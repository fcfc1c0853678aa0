/// Reads what a Terraform plan or state needs from beside it: the `.tf` files of the root module
/// and of its modules (local ones by their `source`, downloaded ones through
/// `.terraform/modules/modules.json`), so findings point at the configuration's lines and
/// `# akslint-disable` comments apply, and `.terraform.lock.hcl` for the azurerm version.
/// It reads inside the working directory (the checkout being linted), or inside the
/// configuration's folder when that is elsewhere: a pull request's module `source` cannot make
/// it read the machine's other files.
enum TerraformLoader {
    /// The most `.tf` files one input brings in, and the largest one read.
    static let maximumFiles = 256
    static let maximumFileBytes = 8 << 20

    /// The clusters of a Terraform `document` read from `path`, with the configuration in
    /// `configurationDirectory` (the plan's folder unless given); relative paths are in
    /// `workingDirectory`.
    static func load(
        _ document: JSONDocument, kind: TerraformDocument.Kind, path: String?, configurationDirectory: String?,
        workingDirectory: String, reader: (any SourceFileReader)?
    ) -> (adapted: DocumentAdapter.Adapted, sources: SourceSet) {
        var sources = SourceSet(primary: document.lineIndex)
        let root = ValueRef(node: document.root, path: .root)
        var context = TerraformAdapter.Context()
        var warnings: [InputWarning] = []
        if let reader, let directory = configurationDirectory ?? path.map(FilePath.directory(of:)) {
            let configuration = FilePath.absolute(directory, in: workingDirectory)
            let checkout = FilePath.normalize(workingDirectory)
            let allowed = configuration == checkout || FilePath.relative(configuration, to: checkout) != nil ? checkout : configuration
            func readable(_ candidate: String) -> Bool {
                let absolute = FilePath.absolute(candidate, in: workingDirectory)
                return absolute == allowed || FilePath.relative(absolute, to: allowed) != nil
            }
            if readable(directory) {
                context.lockedAzureRMVersion = lockedVersion(in: directory, reader: reader)
                var map = TerraformSourceMap()
                var scanned = 0
                for (prefix, folder) in moduleFolders(root, directory: directory, reader: reader) where readable(folder) {
                    for file in reader.files(in: folder, endingWith: ".tf").sorted() {
                        guard scanned < maximumFiles else { break }
                        let filePath = folder == "." ? file : folder + "/" + file
                        guard let bytes = try? reader.read(filePath, limit: maximumFileBytes),
                              let text = try? SourceDecoder.decode(bytes).text, let fileID = sources.add(path: filePath) else { continue }
                        map.scan(text, file: fileID, modulePrefix: prefix)
                        if let lines = map.lines[fileID] { sources.setLines(lines, of: fileID) }
                        scanned += 1
                    }
                }
                if scanned == maximumFiles { warnings.append(InputWarning("more than \(maximumFiles) .tf files: the others are not read for line numbers", position: nil)) }
                if scanned > 0 { context.sourceMap = map }
            }
        }
        var adapted = TerraformAdapter.adapt(root, kind: kind, context: context)
        adapted.warnings += warnings
        return (adapted, sources)
    }

    /// The folder of each module whose `.tf` files are read, with the address prefix of its
    /// resources: the root module, local `source` paths, and what `terraform init` recorded.
    private static func moduleFolders(_ root: ValueRef, directory: String, reader: any SourceFileReader) -> [(prefix: String, folder: String)] {
        var folders: [(prefix: String, folder: String)] = [("", directory)]
        var byModules: [[String]: String] = [[]: directory]
        let installed = installedModules(in: directory, reader: reader)
        for (modules, source) in TerraformConfiguration(root.child("configuration")).moduleSources {
            let prefix = modules.map { "module." + $0 + "." }.joined()
            let parent = byModules[Array(modules.dropLast())] ?? directory
            let folder: String
            if let recorded = installed[modules.joined(separator: ".")] {
                folder = FilePath.absolute(recorded, in: directory)
            } else if source.hasPrefix("./") || source.hasPrefix("../") {
                folder = FilePath.absolute(source, in: parent)
            } else {
                continue
            }
            byModules[modules] = folder
            folders.append((prefix, folder))
        }
        return folders
    }

    /// `.terraform/modules/modules.json`: module key (`aks`, `aks.pools`) → folder.
    private static func installedModules(in directory: String, reader: any SourceFileReader) -> [String: String] {
        let path = directory + "/.terraform/modules/modules.json"
        guard reader.isFile(path), let bytes = try? reader.read(path, limit: 4 << 20),
              let document = try? JSONParser.parse(bytes, maxDepth: 16) else { return [:] }
        var found: [String: String] = [:]
        for module in document.root.object?["Modules"]?.array ?? [] {
            guard let key = module.object?["Key"]?.string, let folder = module.object?["Dir"]?.string, !key.isEmpty else { continue }
            found[key] = folder
        }
        return found
    }

    /// The azurerm version `.terraform.lock.hcl` pins: the `version` of its
    /// `provider "registry.terraform.io/hashicorp/azurerm"` block.
    static func lockedVersion(in directory: String, reader: any SourceFileReader) -> String? {
        let path = directory + "/.terraform.lock.hcl"
        guard reader.isFile(path), let bytes = try? reader.read(path, limit: 1 << 20) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let block = text.firstRange(of: "\"registry.terraform.io/hashicorp/azurerm\"") else { return nil }
        let rest = text[block.upperBound...]
        guard let key = rest.firstRange(of: "version"), let open = rest[key.upperBound...].firstIndex(of: "\"") else { return nil }
        let value = rest[rest.index(after: open)...].prefix { $0 != "\"" && $0 != "\n" }
        return value.isEmpty ? nil : String(value)
    }
}

/// `--k8s-calendar FILE` and `akslint calendar`: the Kubernetes support calendar as JSON.
///
/// ```json
/// {"writtenOn": "2026-11-24", "source": "https://learn.microsoft.com/…",
///  "versions": [{"version": "1.31", "generallyAvailable": "2024-11-01", "endOfLife": "2025-11-01", "longTermSupportEnd": "2026-11-30"}]}
/// ```
/// `longTermSupportEnd` is null for a version AKS offers no long-term support for. Versions are
/// listed oldest first, one minor version after the other.
public enum KubernetesCalendarFile {
    /// The calendar as the JSON a file holds.
    public static func serialized(_ calendar: KubernetesCalendar) -> String {
        JSONOutput.object([
            ("writtenOn", .string(calendar.writtenOn.description)),
            ("source", .string(calendar.source)),
            ("versions", .array(calendar.entries.map { entry in
                .object([
                    ("version", .string("1.\(entry.minor)")),
                    ("generallyAvailable", .string(entry.generallyAvailable.description)),
                    ("endOfLife", .string(entry.endOfLife.description)),
                    ("longTermSupportEnd", .string(entry.longTermSupportEnd?.description)),
                ])
            })),
        ]).serialized()
    }

    /// Reads a calendar file; the error names the line and column of what is wrong.
    public static func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> KubernetesCalendar {
        let document: JSONDocument
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw Diagnostic(path: path, position: error.position, message: "the Kubernetes calendar is not valid JSON: \(error.message)")
        }
        func problem(_ message: String, at node: JSONNode) -> Diagnostic {
            Diagnostic(path: path, position: document.position(of: Int(node.span.start)), message: "the Kubernetes calendar: \(message)")
        }
        func day(_ key: String, of object: JSONObject, in node: JSONNode, optional: Bool = false) throws(Diagnostic) -> CalendarDay? {
            guard let value = object[key], !(optional && value.isNull) else {
                if optional { return nil }
                throw problem("\(key) is missing", at: node)
            }
            guard let text = value.string, let parsed = CalendarDay(text) else { throw problem("\(key) must be a date (YYYY-MM-DD)", at: value) }
            return parsed
        }
        guard let root = document.root.object else { throw problem("expected an object with writtenOn, source and versions", at: document.root) }
        guard let writtenOn = try day("writtenOn", of: root, in: document.root) else { throw problem("writtenOn is missing", at: document.root) }
        guard let versions = root["versions"], let list = versions.array, !list.isEmpty else { throw problem("versions must be a non-empty array", at: root["versions"] ?? document.root) }
        var entries: [KubernetesCalendar.Entry] = []
        for node in list {
            guard let object = node.object else { throw problem("each version must be an object", at: node) }
            guard let name = object["version"], let text = name.string, text.hasPrefix("1."), let minor = Int(text.dropFirst(2)), minor >= 0 else {
                throw problem("version must be a Kubernetes minor version such as \"1.31\"", at: object["version"] ?? node)
            }
            if let previous = entries.last, minor != previous.minor + 1 {
                throw problem("versions must be listed oldest first without gaps (1.\(previous.minor) is followed by \(text))", at: name)
            }
            guard let available = try day("generallyAvailable", of: object, in: node), let endOfLife = try day("endOfLife", of: object, in: node) else {
                throw problem("generallyAvailable and endOfLife are required", at: node)
            }
            let longTermSupportEnd = try day("longTermSupportEnd", of: object, in: node, optional: true)
            guard available <= endOfLife, longTermSupportEnd.map({ endOfLife <= $0 }) ?? true else {
                throw problem("\(text): generallyAvailable, endOfLife and longTermSupportEnd must be in that order", at: node)
            }
            entries.append(KubernetesCalendar.Entry(minor: minor, generallyAvailable: available, endOfLife: endOfLife, longTermSupportEnd: longTermSupportEnd))
        }
        return KubernetesCalendar(writtenOn: writtenOn, source: root["source"]?.string ?? path, entries: entries)
    }
}

/// The rule catalog: one entry per rule, as `rules/<id>.json` states it (format version 1).
///
/// The catalog is data so that documentation, SARIF rule metadata and `qbcheck explain` come
/// from one place; a test keeps it and the rule code in agreement.
public struct RuleCatalog: Sendable {
    public static let formatVersion = 1

    public struct Source: Sendable, Hashable {
        public var title: String
        public var url: String?
        /// The QBO error the rule prevents, e.g. `6240`.
        public var quickbooksError: String?
    }

    public struct Entry: Sendable {
        public var id: String
        public var title: String
        public var severity: Severity
        /// HubSpot and QBO objects the rule applies to (`invoice`, `contact`, `customer`, …).
        public var objects: [String]
        /// Sync directions it applies to: `hubspot-to-quickbooks`, `quickbooks-to-hubspot`.
        public var directions: [String]
        /// The documented constraint, in the documentation's words.
        public var constraint: String
        public var sources: [Source]
        public var explanation: String
        public var remedy: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.sorted { $0.id < $1.id }
    }

    public func entry(_ id: String) -> Entry? {
        entries.first { $0.id == id }
    }

    public var ids: [String] { entries.map(\.id) }

    /// Reads one catalog entry file.
    public static func entry(from file: SourceFile) throws(InputError) -> Entry {
        let node: Node
        switch JSONReader.readSingleNode(file) {
        case .failure(let error): throw InputError(error, in: file)
        case .success(let read): node = read
        }
        do throws(ShapeError) {
            return try entry(node)
        } catch {
            throw InputError(error, in: file)
        }
    }

    private static func entry(_ node: Node) throws(ShapeError) -> Entry {
        func text(_ key: String, in node: Node) throws(ShapeError) -> String {
            guard let value = try node.string(key)?.value, !value.isEmpty else {
                throw ShapeError(at: node.location, "a catalog entry needs \"\(key)\"")
            }
            return value
        }
        func list(_ key: String) throws(ShapeError) -> [String] {
            var values: [String] = []
            for element in try node.array(key) { values.append(try element.asString().value) }
            return values
        }
        guard try node.decimal("catalog")?.value == ExactDecimal(formatVersion) else {
            throw ShapeError(at: node.location, "a catalog entry needs \"catalog\": \(formatVersion), the format version")
        }
        let severityText = try text("severity", in: node)
        guard let severity = Severity(rawValue: severityText) else {
            throw ShapeError(at: node.location, "unknown severity \"\(severityText)\"")
        }
        var sources: [Source] = []
        for source in try node.array("sources") {
            sources.append(Source(title: try text("title", in: source), url: try source.string("url")?.value,
                                  quickbooksError: try source.string("quickbooksError")?.value))
        }
        return Entry(
            id: try text("id", in: node), title: try text("title", in: node), severity: severity,
            objects: try list("objects"), directions: try list("directions"),
            constraint: try text("constraint", in: node), sources: sources,
            explanation: try text("explanation", in: node), remedy: try text("remedy", in: node))
    }
}

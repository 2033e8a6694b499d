/// The findings a team has accepted as they adopt qbcheck (`qbcheck.baseline.json`, format
/// version 1), so that only new findings fail the build.
///
/// Each entry is keyed by rule, record identity (QBO `Id` / HubSpot `id`, or file and pointer
/// for a record without one) and the pointer inside the record, never by line numbers, so
/// reformatting or reordering a file does not break it.
public struct Baseline: Sendable {
    public static let formatVersion = 1

    public struct Entry: Sendable, Hashable {
        public var rule: String
        public var record: String
        public var pointer: String
    }

    /// Entries with how often each occurs (one record can carry a finding twice).
    public var entries: [Entry: Int]

    /// The key of a finding. `path` is the finding's file relative to the working folder.
    public static func entry(for finding: Finding, path: (String) -> String) -> Entry {
        let record = finding.record.id.map { "\(finding.record.kind) \($0)" }
            ?? "\(path(finding.record.file))#\(finding.record.pointer.text)"
        return Entry(rule: finding.rule, record: record, pointer: finding.pointerInRecord.text)
    }

    public init(findings: [Finding], path: (String) -> String) {
        var entries: [Entry: Int] = [:]
        for finding in findings { entries[Self.entry(for: finding, path: path), default: 0] += 1 }
        self.entries = entries
    }

    /// The baseline file's content, entries sorted so that it diffs well in review.
    public func encoded() -> String {
        var rows: [JSONWriter.Value] = []
        for (entry, count) in entries.sorted(by: { ($0.key.rule, $0.key.record, $0.key.pointer) < ($1.key.rule, $1.key.record, $1.key.pointer) }) {
            var members: [(String, JSONWriter.Value)] = [("rule", .string(entry.rule)), ("record", .string(entry.record)), ("pointer", .string(entry.pointer))]
            if count > 1 { members.append(("count", .integer(count))) }
            rows.append(.object(members))
        }
        return JSONWriter().write(.object([("qbcheckBaseline", .integer(Self.formatVersion)), ("findings", .array(rows))])) + "\n"
    }

    public init(_ file: SourceFile) throws(InputError) {
        let node: Node
        switch JSONReader.readSingleNode(file) {
        case .failure(let error): throw InputError(error, in: file)
        case .success(let read): node = read
        }
        do throws(ShapeError) {
            guard try node.decimal("qbcheckBaseline")?.value == ExactDecimal(Self.formatVersion) else {
                throw ShapeError(at: node.location, "not a qbcheck baseline: expected \"qbcheckBaseline\": \(Self.formatVersion) (make one with `qbcheck baseline FILE... > qbcheck.baseline.json`)")
            }
            var entries: [Entry: Int] = [:]
            for row in try node.array("findings") {
                guard let rule = try row.string("rule")?.value, let record = try row.string("record")?.value,
                      let pointer = try row.string("pointer")?.value else {
                    throw ShapeError(at: row.location, "a baseline entry needs \"rule\", \"record\" and \"pointer\"")
                }
                let count = try row.decimal("count").flatMap { Int($0.value.description) } ?? 1
                entries[Entry(rule: rule, record: record, pointer: pointer), default: 0] += max(1, count)
            }
            self.entries = entries
        } catch {
            throw InputError(error, in: file)
        }
    }

    /// The findings the baseline does not hold, how many it held, and how many of its entries
    /// no longer occur.
    public func filter(_ findings: [Finding], path: (String) -> String) -> (new: [Finding], baselined: Int, fixed: Int) {
        var remaining = entries
        var new: [Finding] = []
        var baselined = 0
        for finding in findings {
            let key = Self.entry(for: finding, path: path)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                baselined += 1
            } else {
                new.append(finding)
            }
        }
        return (new, baselined, remaining.values.reduce(0, +))
    }
}

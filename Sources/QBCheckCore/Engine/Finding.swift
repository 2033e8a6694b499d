/// One reason the sync would reject or mishandle a record: which rule, how severe, where
/// (file, JSON pointer, line:column), why, and what to do instead.
///
/// Findings are values; renderers at the edge decide how they are printed.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var severity: Severity
    public var file: String
    public var pointer: JSONPointer
    public var position: SourcePosition
    /// The record the finding is about.
    public var record: RecordIdentity
    public var message: String
    public var remedy: String

    public init(rule: String, severity: Severity, file: String, pointer: JSONPointer, position: SourcePosition,
                record: RecordIdentity, message: String, remedy: String) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.pointer = pointer
        self.position = position
        self.record = record
        self.message = message
        self.remedy = remedy
    }

    /// The finding's pointer below its record's root (`/Line/0/Amount`), which stays the same
    /// when the record moves within its file.
    public var pointerInRecord: JSONPointer {
        let tokens = pointer.tokens
        let root = record.pointer.tokens
        guard tokens.starts(with: root) else { return pointer }
        return JSONPointer(Array(tokens.dropFirst(root.count)))
    }
}

/// Which record a finding is about: its kind and id in its system, how messages name it, and
/// where it stands in its file.
extension Finding {
    /// The order of a report's findings within one file: by position, then rule, then pointer.
    public static func precedesInFile(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.pointer < rhs.pointer
    }
}

public struct RecordIdentity: Sendable, Hashable {
    /// `QBO Invoice`, `HubSpot contact`.
    public var kind: String
    /// QBO `Id` or HubSpot `id`; nil for a record not created yet.
    public var id: String?
    /// How messages name the record: `invoice 1037`.
    public var label: String
    public var file: String
    /// The record's root in its file (`/QueryResponse/Invoice/3`).
    public var pointer: JSONPointer
    public var position: SourcePosition

    public init(kind: String, id: String?, label: String, file: String, pointer: JSONPointer, position: SourcePosition) {
        self.kind = kind
        self.id = id
        self.label = label
        self.file = file
        self.pointer = pointer
        self.position = position
    }

    public init(_ document: Document) {
        self.init(kind: document.kindName, id: document.recordID, label: document.label, file: document.file.name,
                  pointer: document.pointer, position: document.file.position(of: document.location.offset))
    }
}

/// A rule that could not judge some records because the context it needs is missing, so a clean
/// result is never mistaken for a checked one.
public struct Skip: Sendable, Hashable {
    public var rule: String
    public var reason: String
    /// How many records the rule skipped for this reason (0 when it skipped the whole run).
    public var records: Int
}

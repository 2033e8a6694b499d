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
    /// The record the finding is about, as messages name it (`invoice 1037`).
    public var record: String
    public var message: String
    public var remedy: String

    public init(rule: String, severity: Severity, file: String, pointer: JSONPointer, position: SourcePosition,
                record: String, message: String, remedy: String) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.pointer = pointer
        self.position = position
        self.record = record
        self.message = message
        self.remedy = remedy
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

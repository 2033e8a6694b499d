/// What a rule with memory remembers of one record: the value the record claims (a document
/// number) and who claims it, in the rule's own short words.
///
/// A note is small and holds nothing of the record, so that workers can take it where they
/// read the record and drop the record there. Handed whole to the thread that reads for all,
/// a chunk's records were kept until it had seen them (its reads of them cache misses, its
/// reference counts on them shared with the worker), then freed on the worker all together:
/// two workers checking invoices took a fifth longer than with notes.
public struct RecordNote: Sendable {
    /// What the record claims, where it stands in the record.
    public var key: Located<String>
    /// Who claims it, as the rule writes it (read back only when another record claims it too).
    public var holder: String
    /// Why the rule cannot judge the record (its report counts it among the skipped), for a
    /// note that claims nothing: a contact whose company is nowhere to derive a name from.
    public var skip: String?

    public init(key: Located<String>, holder: String) {
        self.key = key
        self.holder = holder
    }

    /// A note that the rule skips the record at `location`, for `reason`.
    public init(skipping reason: String, at location: Location) {
        self.init(key: Located("", at: location), holder: "")
        skip = reason
    }
}

/// A rule that compares each record with the earlier ones by a note of it alone: "this
/// number, held by this invoice". The note is taken on any thread; the memory that compares
/// the notes sees them one at a time, in input order, and reads a record again only to report
/// on it.
public protocol NoteTakingRule: Rule {
    /// What the rule remembers of `document`; nil when it remembers nothing of it.
    func note(of document: Document, in context: RuleContext) -> RecordNote?
    /// The memory of one run, which the notes are handed to in input order.
    func makeMemory(in context: RuleContext) -> any RecordMemory
}

/// The memory of a `NoteTakingRule` over one run.
public protocol RecordMemory {
    /// Remembers `note`, and reports on its record (read by `record`) when an earlier one
    /// conflicts with it.
    mutating func check(_ note: RecordNote, of record: () -> Document, into output: inout RuleOutput)
    /// Remembers `document`, handed whole (one worker, preflight), and reports on it. By
    /// default through its note (`note`); a memory may judge the record itself, as its note
    /// would have it judged, without writing a note and reading it back.
    mutating func check(whole document: Document, note: () -> RecordNote?, into output: inout RuleOutput)
}

extension RecordMemory {
    public mutating func check(whole document: Document, note: () -> RecordNote?, into output: inout RuleOutput) {
        guard let note = note() else { return }
        if let skip = note.skip { return output.skip(skip) }
        check(note, of: { document }, into: &output)
    }
}

extension NoteTakingRule {
    public func makeChecker(in context: RuleContext) -> any RecordChecker {
        NotedChecker(taker: NoteTaker(rule: self, context: context), memory: makeMemory(in: context))
    }
}

/// Takes a rule's notes on any thread. An object (like `StatelessChecker`), so that workers
/// share it and calling it copies nothing of the context.
final class NoteTaker: Sendable {
    let rule: any NoteTakingRule
    let context: RuleContext

    init(rule: any NoteTakingRule, context: RuleContext) {
        self.rule = rule
        self.context = context
    }

    func note(of document: Document) -> RecordNote? {
        rule.note(of: document, in: context)
    }
}

/// The checker of a `NoteTakingRule`: a record handed whole is noted here, then remembered.
/// An object, so that the run hands it the notes workers took (`RuleRun.check(_:notes:reading:)`)
/// in place: its memory copied out of the run's array of checkers and back would have been
/// copied whole, every claim of it, for each record.
final class NotedChecker: RecordChecker {
    let taker: NoteTaker
    private var memory: any RecordMemory

    init(taker: NoteTaker, memory: any RecordMemory) {
        self.taker = taker
        self.memory = memory
    }

    func check(_ subject: Subject, into output: inout RuleOutput) {
        guard let document = subject.resulting else { return }
        memory.check(whole: document, note: { taker.note(of: document) }, into: &output)
    }

    func check(_ note: RecordNote, of record: () -> Document, into output: inout RuleOutput) {
        if let skip = note.skip { return output.skip(skip) }
        memory.check(note, of: record, into: &output)
    }
}

/// The notes workers took of the records of one part of the input.
public struct RecordNotes: Sendable {
    var taken: [(index: Int, note: RecordNote)] = []

    public init() {}
}

/// A record a worker judged and noted (`ParallelRules.note`), as the thread that reads for all
/// is handed it in place of the record.
public struct NotedRecord: Sendable {
    /// The kind of record it is.
    public let kind: RecordKinds
    /// Whether it counts as a record checked (the settings are not one).
    let isRecord: Bool
    /// Its notes' place in its part's `RecordNotes`.
    let notes: Range<Int>
}

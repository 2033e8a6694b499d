/// Runs every rule over a batch and gathers the findings.
///
/// Rules whose requirements the context does not meet, or that `qbcheck.json` turns off, are
/// listed as skipped. Records are fed one at a time (`RuleRun.check`), so a caller can stream
/// them; findings are ordered by input order of their files, then position, then rule id, so
/// the same input always prints the same report.
public struct RuleEngine: Sendable {
    public var rules: [any Rule]
    public var catalog: RuleCatalog

    public init(rules: [any Rule], catalog: RuleCatalog) {
        self.rules = rules
        self.catalog = catalog
    }

    /// Starts a run: one checker per active rule.
    public func start(in context: RuleContext, keepingRecords: Bool = false) -> RuleRun {
        var skipped: [Skip] = []
        var run = RuleRun()
        run.keepsRecords = keepingRecords
        for rule in rules {
            if !context.settings.rules.isEnabled(rule.id) {
                skipped.append(Skip(rule: rule.id, reason: "turned off in qbcheck.json", records: 0))
                continue
            }
            if let missing = rule.requirements.first(where: { !context.satisfies($0) }) {
                skipped.append(Skip(rule: rule.id, reason: missing.missingReason, records: 0))
                continue
            }
            let override = context.settings.rules.severity(of: rule.id)
            let severity = override ?? catalog.entry(rule.id)?.severity ?? .error
            let checker = rule.makeChecker(in: context)
            run.checkers.append(checker)
            run.kinds.append(rule.records.union(.edits))
            run.judgesAlone.append(checker is StatelessChecker)
            if !(checker is StatelessChecker) { run.withMemory.append(run.checkers.count - 1) }
            run.noted.append(checker as? NotedChecker)
            run.outputs.append(RuleOutput(rule: rule.id, severity: severity))
            run.overrides.append(override)
        }
        run.skipped = skipped
        return run
    }

    /// Runs every rule over all the subjects at once.
    public func run(_ subjects: [Subject], in context: RuleContext, fileOrder: [String] = []) -> Report {
        var run = start(in: context)
        for subject in subjects { run.check(subject) }
        return run.finish(fileOrder: fileOrder)
    }
}

/// One run of the engine: feed it records in input order, then finish it for the report.
public struct RuleRun {
    fileprivate var checkers: [any RecordChecker] = []
    /// The kinds of document each checker's rule judges.
    fileprivate var kinds: [RecordKinds] = []
    /// Whether each checker judges records alone (a `StatelessChecker`), worked out once.
    fileprivate var judgesAlone: [Bool] = []
    /// The places of the checkers with memory: with workers, the only ones fed here, for every
    /// record, on the thread that reads for all.
    fileprivate var withMemory: [Int] = []
    /// The checkers of rules that remember records by notes (`NoteTakingRule`), by place.
    fileprivate var noted: [NotedChecker?] = []
    fileprivate var outputs: [RuleOutput] = []
    /// The severity qbcheck.json gives each active rule, replacing every finding's.
    fileprivate var overrides: [Severity?] = []
    fileprivate var skipped: [Skip] = []
    fileprivate var keepsRecords = false
    private var records: [RecordIdentity] = []
    private var documents = 0

    fileprivate init() {}

    public mutating func check(_ subject: Subject) {
        check(subject, onlyRulesWithMemory: false)
    }

    /// Feeds a record to the rules; with `onlyRulesWithMemory`, to those that compare it with
    /// earlier records only (the others judged it on a worker: see `parallelPart`).
    public mutating func check(_ subject: Subject, onlyRulesWithMemory: Bool) {
        // The sync settings and account descriptions are checked too, but they are no records.
        switch subject {
        case .document(let document):
            if document.isRecord { count(document) }
        case .edit(let edit):
            if let before = edit.before, before.isRecord { count(before) }
            if let after = edit.after, after.isRecord { count(after) }
        }
        let kind = RecordKinds(of: subject)
        if onlyRulesWithMemory {
            for index in withMemory where !kinds[index].isDisjoint(with: kind) { checkers[index].check(subject, into: &outputs[index]) }
            return
        }
        for index in checkers.indices where !kinds[index].isDisjoint(with: kind) {
            checkers[index].check(subject, into: &outputs[index])
        }
    }

    /// Feeds a record to the rules and takes back what they found, in report order, leaving it
    /// out of `finish`'s report. `preflight` judges each record by its findings as it goes, so
    /// that it need not keep a million records until the end.
    public mutating func checkTakingFindings(_ subject: Subject, onlyRulesWithMemory: Bool = false) -> [Finding] {
        let before = outputs.map { $0.findings.count }
        check(subject, onlyRulesWithMemory: onlyRulesWithMemory)
        var taken: [Finding] = []
        for index in outputs.indices {
            outputs[index].takeFindings(from: before[index], overriding: overrides[index], into: &taken)
        }
        return taken.sorted(by: Finding.precedesInFile)
    }

    /// Feeds the rules with memory the notes a worker took of a record (`ParallelRules.note`),
    /// in input order; `record` reads the record again, for a finding.
    public mutating func check(_ record: NotedRecord, notes: RecordNotes, reading document: () -> Document) {
        if record.isRecord { documents += 1 }
        for (index, note) in notes.taken[record.notes] {
            noted[index]!.check(note, of: document, into: &outputs[index])
        }
    }

    private mutating func count(_ document: Document) {
        documents += 1
        if keepsRecords { records.append(RecordIdentity(document)) }
    }

    /// The rules that judge each record alone, to run on worker threads; what they find is
    /// handed back with `absorb`, in input order, so the report is the same as one thread's.
    public var parallelPart: ParallelRules {
        ParallelRules(rules: checkers.indices.compactMap { index in
            guard judgesAlone[index], let judge = checkers[index] as? StatelessChecker else { return nil }
            return (index, outputs[index], judge, overrides[index], kinds[index])
        }, memory: withMemory.map { (index: $0, kinds: kinds[$0], taker: noted[$0]?.taker) },
           // A report that lists every record needs each one's identity: records are handed whole.
           takesNotes: !keepsRecords)
    }

    /// Takes in the findings a worker's `ParallelRules` gathered.
    public mutating func absorb(_ part: ParallelRules.Outputs) {
        for (index, output) in part.outputs { outputs[index].absorb(output) }
    }

    /// The report, with the findings `checkTakingFindings` handed out and the caller hands
    /// back (`adding`), ordered and deduplicated with the others.
    public func finish(fileOrder: [String] = [], adding taken: [Finding] = []) -> Report {
        var findings: [Finding] = taken
        var skipped = self.skipped
        for (output, override) in zip(outputs, overrides) {
            var ruleFindings = output.findings
            if let override {
                for index in ruleFindings.indices { ruleFindings[index].severity = override }
            }
            findings += ruleFindings
            skipped += output.skips.sorted { $0.key < $1.key }.map { Skip(rule: output.rule, reason: $0.key, records: $0.value) }
        }
        skipped.sort { ($0.rule, $0.reason) < ($1.rule, $1.reason) }
        let order = Dictionary(fileOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        findings.sort { lhs, rhs in
            let (left, right) = (order[lhs.file] ?? Int.max, order[rhs.file] ?? Int.max)
            if left != right { return left < right }
            if lhs.file != rhs.file { return lhs.file < rhs.file }
            return Finding.precedesInFile(lhs, rhs)
        }
        var unique: [Finding] = []
        var seen = Set<Finding>()
        for finding in findings where seen.insert(finding).inserted { unique.append(finding) }
        return Report(findings: unique, skipped: skipped, documents: documents, records: records)
    }
}

/// The rules of a run that judge each record alone, as a value a worker thread can use.
public struct ParallelRules: Sendable {
    /// Each rule's place in the run and its output's rule and severity.
    private let rules: [(index: Int, output: RuleOutput)]
    /// The judges, kept alive here.
    private let judges: [StatelessChecker]
    /// The same judges lent, called for every record with no retain: both threads call the
    /// same judges, and retaining one for each call had the two cores pass its reference count's
    /// cache line back and forth for every rule and record (read out of an array of tuples,
    /// each call also copied the whole entry).
    private let lentJudges: [Unmanaged<StatelessChecker>]
    /// The severity qbcheck.json gives each rule, for the findings handed out one record at a
    /// time (`checkTakingFindings`).
    private let overrides: [Severity?]
    /// The kinds of document each judge's rule judges.
    private let kinds: [RecordKinds]
    /// The rules with memory, which run on the thread that reads for all: their place in the
    /// run, the kinds they judge, and what takes their notes when they remember records by
    /// notes, lent as the judges are (retained for each record, the takers' reference counts
    /// passed between the cores: 0.8 % of two workers' time in `swift_retain` alone).
    private let memory: [(index: Int, kinds: RecordKinds, taker: Unmanaged<NoteTaker>?)]
    /// The note takers, kept alive here.
    private let takers: [NoteTaker]
    /// Whether records may be handed over as notes (`note`).
    private let takesNotes: Bool

    fileprivate init(rules: [(index: Int, output: RuleOutput, judge: StatelessChecker, override: Severity?, kinds: RecordKinds)],
                     memory: [(index: Int, kinds: RecordKinds, taker: NoteTaker?)], takesNotes: Bool) {
        self.rules = rules.map { ($0.index, $0.output) }
        self.judges = rules.map(\.judge)
        self.lentJudges = judges.map { Unmanaged.passUnretained($0) }
        self.overrides = rules.map(\.override)
        self.kinds = rules.map(\.kinds)
        self.takers = memory.compactMap(\.taker)
        self.memory = memory.map { ($0.index, $0.kinds, $0.taker.map { Unmanaged.passUnretained($0) }) }
        self.takesNotes = takesNotes
    }

    /// Takes the notes the rules with memory keep of `subject`, when notes are all they need
    /// of it, and returns what the thread that reads for all is to be handed instead of the
    /// record (`RuleRun.check(_:notes:reading:)`); nil when the record must be handed whole.
    public func note(_ subject: Subject, into notes: inout RecordNotes) -> NotedRecord? {
        guard takesNotes, case .document(let document) = subject else { return nil }
        let kind = RecordKinds(of: document.content)
        let start = notes.taken.count
        let needsNoMore = memory.withUnsafeBufferPointer { memory in
            for rule in memory where !rule.kinds.isDisjoint(with: kind) {
                guard let taker = rule.taker else { return false }
                if let note = taker._withUnsafeGuaranteedRef({ $0.note(of: document) }) { notes.taken.append((rule.index, note)) }
            }
            return true
        }
        guard needsNoMore else {
            notes.taken.removeSubrange(start...)
            return nil
        }
        return NotedRecord(kind: kind, isRecord: document.isRecord, notes: start..<notes.taken.count)
    }

    /// What the rules found in one part of the input.
    public struct Outputs: Sendable {
        fileprivate var outputs: [(Int, RuleOutput)]
    }

    public func makeOutputs() -> Outputs {
        Outputs(outputs: rules.map { ($0.index, RuleOutput(rule: $0.output.rule, severity: $0.output.severity)) })
    }

    public func check(_ subject: Subject, into outputs: inout Outputs) {
        judge(subject, into: &outputs) { _, _, _ in }
    }

    /// Judges one record and takes back what was found, its severities as qbcheck.json sets
    /// them (as `RuleRun.checkTakingFindings`); what the rules skipped stays in `outputs`.
    public func checkTakingFindings(_ subject: Subject, into outputs: inout Outputs) -> [Finding] {
        var taken: [Finding] = []
        judge(subject, into: &outputs) { position, output, before in
            output.takeFindings(from: before, overriding: overrides[position], into: &taken)
        }
        return taken
    }

    /// Hands `subject` to every judge, then its output (and how many findings it held before)
    /// to `then`. Through the buffers: each output is judged in place (read out of the array of
    /// tuples, each would be copied, its arrays retained, for every record).
    private func judge(_ subject: Subject, into outputs: inout Outputs,
                       then: (_ position: Int, _ output: inout RuleOutput, _ findingsBefore: Int) -> Void) {
        let kind = RecordKinds(of: subject)
        outputs.outputs.withUnsafeMutableBufferPointer { outputs in
            lentJudges.withUnsafeBufferPointer { judges in
                for position in judges.indices where !kinds[position].isDisjoint(with: kind) {
                    let before = outputs[position].1.findings.count
                    judges[position]._withUnsafeGuaranteedRef { $0.judge(subject, into: &outputs[position].1) }
                    then(position, &outputs[position].1, before)
                }
            }
        }
    }
}

/// One documented constraint of the HubSpot ↔ QuickBooks Online sync, checked before syncing.
///
/// A rule reads like the sentence of the documentation it encodes. It judges single documents
/// and edits (BEFORE → AFTER); the defaults do nothing, so a rule implements only what it
/// judges. A rule that compares a record with the earlier records of the same batch (two
/// contacts claiming one display name) keeps that memory in its own `RecordChecker`; one that
/// needs only a short note of each record (an invoice's number) is a `NoteTakingRule`, whose
/// records workers need not hand over whole.
public protocol Rule: Sendable {
    /// The stable id, as in `rules/<id>.json`.
    var id: String { get }
    /// What the rule needs to know of the account; without it the rule is skipped and the
    /// report says why.
    var requirements: [Requirement] { get }
    /// The kinds of document the rule judges (every kind unless it says); it is handed no
    /// other, and every edit.
    var records: RecordKinds { get }

    func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput)
    func check(_ edit: Edit, in context: RuleContext, into output: inout RuleOutput)

    /// The checker one run feeds every record to, in input order.
    func makeChecker(in context: RuleContext) -> any RecordChecker
}

/// Judges the records of one run one at a time, in input order, remembering what it needs of
/// the earlier ones; the engine never holds the whole batch for it.
public protocol RecordChecker {
    mutating func check(_ subject: Subject, into output: inout RuleOutput)
}

extension Rule {
    public var requirements: [Requirement] { [] }
    public var records: RecordKinds { .all }

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {}
    public func check(_ edit: Edit, in context: RuleContext, into output: inout RuleOutput) {}

    public func makeChecker(in context: RuleContext) -> any RecordChecker {
        StatelessChecker(rule: self, context: context)
    }
}

/// The checker of a rule that judges each record on its own, remembering nothing: records may
/// be judged on any thread, in any order, and workers share it (`ParallelRules`).
///
/// Not generic over the rule: in a generic checker the context lies at an offset known only at
/// run time, and the whole context, most of a kilobyte, was copied out for every rule and
/// every record. An object, so that calling it from an array is not a copy of it either.
final class StatelessChecker: RecordChecker, Sendable {
    let rule: any Rule
    let context: RuleContext

    init(rule: any Rule, context: RuleContext) {
        self.rule = rule
        self.context = context
    }

    func judge(_ subject: Subject, into output: inout RuleOutput) {
        switch subject {
        case .document(let document): rule.check(document, in: context, into: &output)
        case .edit(let edit): rule.check(edit, in: context, into: &output)
        }
    }

    func check(_ subject: Subject, into output: inout RuleOutput) {
        judge(subject, into: &output)
    }
}

/// Account knowledge a rule depends on.
public enum Requirement: Sendable, Hashable {
    /// QBO `CompanyInfo` (the company's country).
    case companyInfo
    /// QBO `Preferences` (closing date, custom transaction numbers, custom field slots).
    case preferences
    /// The description of QBO's custom field definitions (`quickbooks/custom-fields.json`).
    case customFieldDefinitions
    /// The description of the HubSpot account (`hubspot/account.json`).
    case hubspotAccount
    /// The QBO products and services (a query response of Item).
    case quickbooksItems
    /// The QBO customers (a query response of Customer).
    case quickbooksCustomers

    /// Why the rule is skipped when the requirement is not met.
    public var missingReason: String {
        switch self {
        case .companyInfo:
            "no QBO CompanyInfo: pass --account DIR with the CompanyInfo response in DIR/quickbooks/"
        case .preferences:
            "no QBO Preferences: pass --account DIR with the Preferences response in DIR/quickbooks/"
        case .customFieldDefinitions:
            "no QBO custom field definitions: describe them in DIR/quickbooks/custom-fields.json (see README), or include the Preferences response"
        case .hubspotAccount:
            "no description of the HubSpot account: describe it in DIR/hubspot/account.json (see README)"
        case .quickbooksItems:
            "no QBO products and services: pass --account DIR with a query response of Item in DIR/quickbooks/"
        case .quickbooksCustomers:
            "no QBO customers: pass --account DIR with a query response of Customer in DIR/quickbooks/"
        }
    }
}

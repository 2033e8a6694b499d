import QBCheckCore
import QBCheckPreflight

/// One change the sync makes to one record, and the validator's verdict on it.
public struct PlannedChange: Sendable {
    public enum Action: String, Sendable {
        case create, update
        /// The two records already agree: the first sync only records their pairing.
        case link
    }

    public enum Verdict: Sendable {
        /// Passes every rule: it is committed.
        case accepted
        /// An error finding of the validator: nothing is written, the record is marked failed.
        case rejected([Finding])
        /// The sync cannot make it yet (e.g. the invoice's contact has no QuickBooks customer).
        case blocked(category: String, message: String, remedy: String)
        /// Left out by a filter, the pair's direction, or a rule of the sync (no email, no SKU).
        case excluded(String)
    }

    /// One field the change sets.
    public struct FieldChange: Sendable, Equatable {
        public var name: String
        public var from: String?
        public var to: String
    }

    public var object: SyncPair.Object
    /// The side written.
    public var target: SyncSide
    public var action: Action
    public var sourceID: String
    /// `HubSpot contact 512 (bcooper@biglytics.net)`.
    public var sourceLabel: String
    public var targetID: String?
    public var fields: [FieldChange]
    public var verdict: Verdict
    /// What the connector is asked to do, for accepted changes.
    public var operation: ConnectorOperation?
    /// The sync record's two sides as they stand now (before the write).
    public var hubspotID: String?
    public var quickbooksID: String?
    public var hubspotState: JSONTree?
    public var quickbooksState: JSONTree?
    /// Warnings and notes of the validator on the change (errors reject it).
    public var notes: [Finding] = []

    public var source: SyncSide { target.other }

    public var isExcluded: Bool {
        if case .excluded = verdict { return true }
        return false
    }

    /// `create QBO Customer from HubSpot contact 512`.
    public var summary: String {
        let targetNoun = object.noun(on: target)
        switch action {
        case .create: return "create \(targetNoun) from \(sourceLabel)"
        case .update: return "update \(targetNoun) \(targetID ?? "") from \(sourceLabel)"
        case .link: return "pair \(sourceLabel) with \(object.noun(on: target)) \(targetID ?? "")"
        }
    }

    /// The first error the validator found, or the reason the change is blocked.
    public var failure: (category: String, message: String, remedy: String)? {
        switch verdict {
        case .rejected(let findings):
            guard let first = findings.first(where: { $0.severity == .error }) else { return nil }
            return (first.rule, first.message, first.remedy)
        case .blocked(let category, let message, let remedy):
            return (category, message, remedy)
        case .accepted, .excluded:
            return nil
        }
    }
}

/// What `qbcheck.json` asks that the sync cannot do, found by the validator's settings rules:
/// a rejected custom mapping is left out, a rejected pair setting stops the pair.
public struct SettingsNote: Sendable {
    public enum Effect: Sendable, Equatable {
        /// `mapping` is where it stands in `qbcheck.json`, e.g. `customMappings/0`.
        case mappingLeftOut(object: SyncPair.Object, mapping: String)
        case filterNotApplied(object: SyncPair.Object)
        case pairStopped(object: SyncPair.Object)
        case syncStopped
    }

    public var finding: Finding
    public var effect: Effect

    /// `the custom mapping num_employees → Notes is left out`.
    public var effectText: String {
        switch effect {
        case .mappingLeftOut(let object, let mapping): "the mapping sync.\(object.rawValue).\(mapping.replacingSlashes) is left out"
        case .filterNotApplied(let object): "the \(object.rawValue) filter is not applied"
        case .pairStopped(let object): "\(object.title) does not sync until this is fixed"
        case .syncStopped: "nothing syncs until this is fixed"
        }
    }
}

extension String {
    /// `customMappings/0` → `customMappings[0]`.
    var replacingSlashes: String {
        let parts = split(separator: "/")
        guard parts.count == 2 else { return self }
        return "\(parts[0])[\(parts[1])]"
    }
}

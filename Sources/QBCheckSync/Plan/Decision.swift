import QBCheckCore

/// Which way one field flows between two paired records, as HubSpot's sync decides it: the side
/// that changed since the last sync wins; when both changed (or the pair never synced), the
/// conflict resolution's side wins; an empty value in the winner changes nothing.
struct FieldDecision {
    /// The value to write into QBO, or into HubSpot, or nothing.
    enum Outcome: Equatable {
        case none
        case toQuickBooks(String)
        case toHubSpot(String)
    }

    var hubspot: String?
    var quickbooks: String?
    var storedHubSpot: String??
    var storedQuickBooks: String??
    var mayWriteQuickBooks: Bool
    var mayWriteHubSpot: Bool
    var winner: Origin

    var outcome: Outcome {
        guard hubspot != quickbooks else { return .none }
        // A side with no state recorded counts as changed (the first sync).
        let hubspotChanged = storedHubSpot.map { $0 != hubspot } ?? true
        let quickbooksChanged = storedQuickBooks.map { $0 != quickbooks } ?? true
        let toQuickBooks: Outcome = mayWriteQuickBooks ? hubspot.map(Outcome.toQuickBooks) ?? .none : .none
        let toHubSpot: Outcome = mayWriteHubSpot ? quickbooks.map(Outcome.toHubSpot) ?? .none : .none
        switch (hubspotChanged, quickbooksChanged) {
        case (true, false): return toQuickBooks
        case (false, true): return toHubSpot
        case (false, false): return .none
        case (true, true):
            // The winner's side decides when it may be written from; a one-way pair lets only
            // its source speak.
            switch winner {
            case .hubspot: return mayWriteQuickBooks ? toQuickBooks : toHubSpot
            case .quickbooks: return mayWriteHubSpot ? toHubSpot : toQuickBooks
            }
        }
    }
}

/// How much a finding matters: an error fails the check (exit 1), warnings and infos inform.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// Which system created a record. The sync treats invoices differently by origin: HubSpot's
/// cannot carry tax and may not be reshaped in QBO; QBO's may be edited there freely.
public enum Origin: String, Sendable, Hashable, CaseIterable {
    case hubspot
    case quickbooks

    public var displayName: String {
        switch self {
        case .hubspot: "HubSpot"
        case .quickbooks: "QuickBooks"
        }
    }
}

import QBCheckPreflight

/// The two systems the sync joins.
public enum SyncSide: String, Sendable, CaseIterable {
    case quickbooks
    case hubspot

    public var name: String {
        switch self {
        case .quickbooks: "QuickBooks"
        case .hubspot: "HubSpot"
        }
    }

    public var other: SyncSide { self == .quickbooks ? .hubspot : .quickbooks }

    /// The direction in which this side is written.
    public var incoming: SyncPair.Direction {
        self == .quickbooks ? .hubspotToQuickBooks : .quickbooksToHubSpot
    }
}

extension SyncPair.Object {
    /// The QBO entity of the pair: `Customer`, `Item`, `Invoice`.
    public var quickbooksEntity: String {
        switch self {
        case .contacts: "Customer"
        case .products: "Item"
        case .invoices: "Invoice"
        }
    }

    /// How messages name one record of the pair on a side: `HubSpot contact`, `QBO Customer`.
    public func noun(on side: SyncSide) -> String {
        switch (self, side) {
        case (_, .quickbooks): "QBO \(quickbooksEntity)"
        case (.contacts, .hubspot): "HubSpot contact"
        case (.products, .hubspot): "HubSpot product"
        case (.invoices, .hubspot): "HubSpot invoice"
        }
    }

    /// The objects in the order the sync runs them: invoices refer to customers and products.
    public static let syncOrder: [SyncPair.Object] = [.contacts, .products, .invoices]
}

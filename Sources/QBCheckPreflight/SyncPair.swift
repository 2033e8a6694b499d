import QBCheckCore

/// One object pair of the sync, and one of its directions.
public struct SyncPair: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Object: String, Sendable, CaseIterable {
        case contacts, products, invoices

        /// `contacts ⇔ customers`, as HubSpot's setup screen pairs them.
        public var title: String {
            switch self {
            case .contacts: "Contacts ⇔ Customers"
            case .products: "Products ⇔ Products and services"
            case .invoices: "Invoices ⇔ Invoices"
            }
        }
    }

    public enum Direction: String, Sendable, CaseIterable {
        case quickbooksToHubSpot = "quickbooks-to-hubspot"
        case hubspotToQuickBooks = "hubspot-to-quickbooks"

        public var arrow: String {
            switch self {
            case .quickbooksToHubSpot: "QuickBooks → HubSpot"
            case .hubspotToQuickBooks: "HubSpot → QuickBooks"
            }
        }
    }

    public var object: Object
    public var direction: Direction

    public init(_ object: Object, _ direction: Direction) {
        self.object = object
        self.direction = direction
    }

    /// `customers → HubSpot contacts`: what the records are and where they go.
    public var description: String {
        switch (object, direction) {
        case (.contacts, .quickbooksToHubSpot): "QuickBooks customers → HubSpot contacts"
        case (.contacts, .hubspotToQuickBooks): "HubSpot contacts → QuickBooks customers"
        case (.products, .quickbooksToHubSpot): "QuickBooks products and services → HubSpot products"
        case (.products, .hubspotToQuickBooks): "HubSpot products → QuickBooks products and services"
        case (.invoices, .quickbooksToHubSpot): "QuickBooks invoices → HubSpot invoices"
        case (.invoices, .hubspotToQuickBooks): "HubSpot invoices → QuickBooks invoices"
        }
    }

    public static let all: [SyncPair] = Object.allCases.flatMap { object in Direction.allCases.map { SyncPair(object, $0) } }

    public static func < (lhs: SyncPair, rhs: SyncPair) -> Bool {
        (all.firstIndex(of: lhs) ?? 0) < (all.firstIndex(of: rhs) ?? 0)
    }

    /// The pair and direction a record of the snapshot is the source of, if any.
    public static func source(of document: Document) -> SyncPair? {
        switch document.content {
        case .quickbooks(.name(let entity)) where entity.entity == "Customer": SyncPair(.contacts, .quickbooksToHubSpot)
        case .quickbooks(.item(let item)) where !["Category", "Group"].contains(item.type?.value ?? ""): SyncPair(.products, .quickbooksToHubSpot)
        case .quickbooks(.transaction(let transaction)) where transaction.entity == "Invoice": SyncPair(.invoices, .quickbooksToHubSpot)
        case .hubspot(let object) where object.type == .contacts: SyncPair(.contacts, .hubspotToQuickBooks)
        case .hubspot(let object) where object.type == .products: SyncPair(.products, .hubspotToQuickBooks)
        case .hubspot(let object) where object.type == .invoices: SyncPair(.invoices, .hubspotToQuickBooks)
        default: nil
        }
    }
}

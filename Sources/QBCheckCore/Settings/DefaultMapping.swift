/// The field mappings the sync sets up by itself for each object pair, as HubSpot's setup screen
/// lists them. Each can be switched off in `qbcheck.json` (`"mappings": {"phone": false}`).
public struct DefaultMapping: Sendable {
    /// How values are read, compared and written on each side.
    public enum Kind: Sendable {
        case text
        /// Compared without regard to case (it is the contact's match key).
        case email
        /// An amount: a string in HubSpot, a number in QBO, compared as an exact decimal.
        case money
        /// A date: `2025-01-08T00:00:00Z` in HubSpot, `2025-01-08` in QBO.
        case date
    }

    /// Which way a mapping carries values.
    public enum Flow: Sendable {
        case both
        case toHubSpotOnly
        case toQuickBooksOnly
    }

    /// The name `qbcheck.json` switches it by.
    public var name: String
    public var hubspotProperty: String
    /// The QBO field's path, e.g. `["PrimaryEmailAddr", "Address"]`.
    public var quickbooksPath: [String]
    public var kind: Kind
    public var flow: Flow

    init(_ name: String, _ hubspotProperty: String, _ quickbooksPath: [String], _ kind: Kind = .text, _ flow: Flow = .both) {
        self.name = name
        self.hubspotProperty = hubspotProperty
        self.quickbooksPath = quickbooksPath
        self.kind = kind
        self.flow = flow
    }

    /// `email ⇔ PrimaryEmailAddr.Address`, as listings show it.
    public var title: String {
        let arrow = switch flow {
        case .both: "⇔"
        case .toHubSpotOnly: "←"
        case .toQuickBooksOnly: "→"
        }
        return "\(hubspotProperty) \(arrow) \(quickbooksPath.joined(separator: "."))"
    }

    /// The mapping *Display name ← Associated company name*: customers created in QBO from
    /// HubSpot take the contact's primary company's name (first and last name without one).
    public static let displayNameFromCompany = "displayNameFromCompany"

    public static let contacts: [DefaultMapping] = [
        DefaultMapping("email", "email", ["PrimaryEmailAddr", "Address"], .email),
        DefaultMapping("firstName", "firstname", ["GivenName"]),
        DefaultMapping("lastName", "lastname", ["FamilyName"]),
        DefaultMapping("phone", "phone", ["PrimaryPhone", "FreeFormNumber"]),
        DefaultMapping("companyName", "company", ["CompanyName"]),
        DefaultMapping("streetAddress", "address", ["BillAddr", "Line1"]),
        DefaultMapping("city", "city", ["BillAddr", "City"]),
        DefaultMapping("state", "state", ["BillAddr", "CountrySubDivisionCode"]),
        DefaultMapping("postalCode", "zip", ["BillAddr", "PostalCode"]),
        DefaultMapping("country", "country", ["BillAddr", "Country"]),
    ]

    public static let products: [DefaultMapping] = [
        DefaultMapping("name", "name", ["Name"]),
        DefaultMapping("sku", "hs_sku", ["Sku"]),
        DefaultMapping("price", "price", ["UnitPrice"], .money),
        DefaultMapping("description", "description", ["Description"]),
    ]

    public static let invoices: [DefaultMapping] = [
        DefaultMapping("number", "hs_number", ["DocNumber"]),
        DefaultMapping("invoiceDate", "hs_invoice_date", ["TxnDate"], .date),
        DefaultMapping("dueDate", "hs_due_date", ["DueDate"], .date),
        DefaultMapping("currency", "hs_currency", ["CurrencyRef", "value"]),
        DefaultMapping("amountBilled", "hs_amount_billed", ["TotalAmt"], .money, .toHubSpotOnly),
        DefaultMapping("balanceDue", "hs_balance_due", ["Balance"], .money, .toHubSpotOnly),
    ]

    /// The default mappings of an object pair (`contacts`, `products`, `invoices`).
    public static func of(_ object: String) -> [DefaultMapping] {
        switch object {
        case "contacts": contacts
        case "products": products
        case "invoices": invoices
        default: []
        }
    }

    /// The names `mappings` accepts for an object pair.
    public static func switchNames(of object: String) -> [String] {
        of(object).map(\.name) + (object == "contacts" ? [displayNameFromCompany] : [])
    }
}

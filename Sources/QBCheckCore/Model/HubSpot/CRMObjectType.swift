/// The HubSpot CRM object types the QuickBooks sync touches, named as the CRM v3 API names them.
public enum CRMObjectType: String, Sendable, Hashable, CaseIterable, Comparable {
    case contacts
    case companies
    case products
    case invoices
    case lineItems = "line_items"
    case commercePayments = "commerce_payments"
    case taxes

    /// Reads an object type or association key; accepts the spellings the API returns
    /// (`line items` and `line_items`, `payments`).
    public init?(apiName: String) {
        // Most names arrive as the API writes them (`line_items`), read as they are: lowercasing
        // and mapping each character cost more than the look (asked of every association key).
        let isWrittenAsTheAPIDoes = apiName.utf8.allSatisfy { $0 &- UInt8(ascii: "a") < 26 || $0 == UInt8(ascii: "_") }
        let name = isWrittenAsTheAPIDoes ? apiName : Self.apiSpelling(of: apiName)
        switch name {
        case "contact", "contacts": self = .contacts
        case "company", "companies": self = .companies
        case "product", "products": self = .products
        case "invoice", "invoices": self = .invoices
        case "line_item", "line_items", "lineitem", "lineitems": self = .lineItems
        case "commerce_payment", "commerce_payments", "payment", "payments": self = .commercePayments
        case "tax", "taxes": self = .taxes
        default: return nil
        }
    }

    /// The singular noun messages use: "contact", "line item".
    public var noun: String {
        switch self {
        case .contacts: "contact"
        case .companies: "company"
        case .products: "product"
        case .invoices: "invoice"
        case .lineItems: "line item"
        case .commercePayments: "payment"
        case .taxes: "tax"
        }
    }

    public static func < (lhs: CRMObjectType, rhs: CRMObjectType) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Properties that hold amounts or quantities, read as exact decimals when the object is
    /// read, so a non-numeric value is an input error rather than a silent skip.
    var decimalProperties: [String] {
        switch self {
        case .lineItems: ["price", "quantity", "amount", "discount", "hs_discount_percentage", "hs_total_discount", "hs_tax_amount", "tax"]
        case .invoices: ["hs_amount_billed", "hs_balance_due", "hs_amount_paid", "hs_tax", "hs_tax_amount"]
        case .commercePayments: ["hs_initial_amount", "hs_fees_amount", "hs_platform_fee", "hs_net_amount", "hs_refunds_amount"]
        case .products: ["price", "hs_cost_of_goods_sold"]
        default: []
        }
    }
}

extension CRMObjectType {
    /// `Line Items` → `line_items`: lowercased, spaces and hyphens as underscores. ASCII names
    /// (all the APIs write) are mapped byte by byte: mapped as characters, the key `line items`
    /// of every invoice's associations had cost a few thousand instructions.
    fileprivate static func apiSpelling(of name: String) -> String {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased().replacingSpaces }
        return String(decoding: name.utf8.map { byte in
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"): UInt8(ascii: "_")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            default: byte
            }
        }, as: UTF8.self)
    }
}

extension String {
    fileprivate var replacingSpaces: String {
        String(map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}

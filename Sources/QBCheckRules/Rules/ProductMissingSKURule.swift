import QBCheckCore

/// "Product sync uses the SKU property for matching. To avoid duplicating products, product sync
/// only syncs products with a SKU by default": a product without one stays out, and invoice
/// lines that use it map to the Custom line item product.
public struct ProductMissingSKURule: Rule {
    public let id = "product-missing-sku"
    public var records: RecordKinds { [.hubspotObjects, .quickbooksItems] }

    public init() {}

    public func check(_ document: Document, in context: RuleContext, into output: inout RuleOutput) {
        switch document.content {
        case .quickbooks(.item(let item)):
            guard item.active, item.sku?.value.trimmingCharacters.isEmpty ?? true,
                  !["Category", "Group"].contains(item.type?.value ?? "") else { return }
            output.report(item.name?.location ?? item.location, in: document,
                "QuickBooks product \"\(item.name?.value ?? "")\" has no SKU, so product sync leaves it out and HubSpot invoice lines for it will post to the Custom line item product",
                remedy: "Give the product a SKU in QuickBooks (the SKU is how the sync matches products), then sync products QuickBooks → HubSpot.")
        case .hubspot(let product) where product.type == .products:
            guard product["hs_sku"]?.value.trimmingCharacters.isEmpty ?? true else { return }
            output.report(product["name"]?.location ?? product.propertiesLocation, in: document,
                "HubSpot product \"\(product["name"]?.value ?? product.id?.value ?? "")\" has no SKU, so product sync leaves it out and invoice lines built from it post to the Custom line item product in QuickBooks",
                remedy: "Give the product the SKU of its QuickBooks counterpart, or build invoices from products synced from QuickBooks.")
        default:
            return
        }
    }
}

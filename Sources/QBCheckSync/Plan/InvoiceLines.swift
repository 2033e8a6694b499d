import QBCheckCore

/// One line of an invoice in the form both sides compare: what is sold (SKU, or name for
/// products without one), how many, at what unit price.
struct InvoiceLine: Sendable, Equatable {
    var sku: String?
    var name: String
    var description: String?
    var quantity: ExactDecimal
    var unitPrice: ExactDecimal

    /// The product the line sells, as both sides can tell it.
    var key: String { sku ?? name }

    func amount(places: Int) -> ExactDecimal {
        ((try? quantity * unitPrice) ?? unitPrice).rounded(toPlaces: places)
    }
}

/// Reading and writing invoice lines: QBO's `Line` array, HubSpot's associated line items.
enum InvoiceLines {
    /// The HubSpot invoice's line items travel with it under this key while the sync compares
    /// them (and in the recorded state); it is never written to HubSpot.
    static let embeddedKey = "qbcheckLineItems"

    /// The product every unmatched line posts to in QBO.
    static let customLineItemName = "Custom line item"

    /// The sales lines of a QBO invoice; `items` are QBO items by `Id` (for their SKU and name).
    static func quickbooks(_ invoice: JSONTree, items: [String: JSONTree]) -> [InvoiceLine] {
        (invoice["Line"]?.array ?? []).compactMap { line in
            guard line["DetailType"]?.string == "SalesItemLineDetail", let detail = line["SalesItemLineDetail"] else { return nil }
            let itemID = detail[path: ["ItemRef", "value"]]?.text
            let item = itemID.flatMap { items[$0] }
            let itemName = item?["Name"]?.text ?? detail[path: ["ItemRef", "name"]]?.text
            let description = line["Description"]?.text
            let sku = item?["Sku"]?.text
            // A Custom line item line is known by its description, as HubSpot's line item was.
            let name = itemName == customLineItemName ? (description ?? customLineItemName) : (itemName ?? description ?? "")
            let amount = line["Amount"]?.text.flatMap(ExactDecimal.init) ?? .zero
            let quantity = detail["Qty"]?.text.flatMap(ExactDecimal.init) ?? ExactDecimal(1)
            let unitPrice = detail["UnitPrice"]?.text.flatMap(ExactDecimal.init) ?? amount
            return InvoiceLine(sku: sku, name: name, description: description, quantity: quantity, unitPrice: unitPrice)
        }
    }

    /// The line items embedded in a HubSpot invoice's tree.
    static func hubspot(_ invoice: JSONTree) -> [InvoiceLine] {
        (invoice[embeddedKey]?.array ?? []).map { item in
            let properties = item["properties"] ?? .object([])
            return InvoiceLine(
                sku: properties["hs_sku"]?.text, name: properties["name"]?.text ?? "", description: properties["description"]?.text,
                quantity: properties["quantity"]?.text.flatMap(ExactDecimal.init) ?? ExactDecimal(1),
                unitPrice: properties["price"]?.text.flatMap(ExactDecimal.init) ?? .zero)
        }
    }

    /// `IMPL-01 × 1 @ 1000; fb-100 × 4 @ 250`: what is compared; nil for no lines.
    static func summary(_ lines: [InvoiceLine]) -> String? {
        guard !lines.isEmpty else { return nil }
        return lines.map { "\($0.key) × \($0.quantity.normalized) @ \($0.unitPrice.normalized)" }.joined(separator: "; ")
    }

    /// QBO `Line` entries for the lines: each posts to the item with its SKU, or to the Custom
    /// line item. Nil when a line needs the Custom line item and QBO has none yet.
    static func quickbooksLines(_ lines: [InvoiceLine], itemsBySKU: [String: (id: String, name: String)],
                                customLineItem: (id: String, name: String)?, places: Int) -> [JSONTree]? {
        var result: [JSONTree] = []
        for (index, line) in lines.enumerated() {
            let matched = line.sku.flatMap { itemsBySKU[$0] }
            guard let item = matched ?? customLineItem else { return nil }
            let description = matched == nil ? line.key : (line.description ?? line.name)
            result.append([
                "LineNum": .number(String(index + 1)),
                "DetailType": "SalesItemLineDetail",
                "Amount": .number(line.amount(places: places).description),
                "Description": .string(description),
                "SalesItemLineDetail": [
                    "ItemRef": ["value": .string(item.id), "name": .string(item.name)],
                    "Qty": .number(line.quantity.normalized.description),
                    "UnitPrice": .number(line.unitPrice.normalized.description),
                ],
            ])
        }
        return result
    }

    /// HubSpot line items for the lines (created and associated with the invoice).
    static func hubspotLineItems(_ lines: [InvoiceLine], currency: String?, places: Int) -> [JSONTree] {
        lines.map { line in
            var properties: JSONTree = [
                "name": .string(line.name),
                "quantity": .string(line.quantity.normalized.description),
                "price": .string(line.unitPrice.formatted(minimumPlaces: places)),
                "amount": .string(line.amount(places: places).formatted(minimumPlaces: places)),
            ]
            if let sku = line.sku { properties["hs_sku"] = .string(sku) }
            if let description = line.description { properties["description"] = .string(description) }
            if let currency { properties["hs_line_item_currency_code"] = .string(currency) }
            return ["properties": properties]
        }
    }

    /// The sum of the lines' amounts.
    static func total(_ lines: [InvoiceLine], places: Int) -> ExactDecimal {
        lines.reduce(ExactDecimal.zero) { sum, line in (try? sum + line.amount(places: places)) ?? sum }
    }
}

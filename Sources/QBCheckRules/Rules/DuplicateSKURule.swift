import QBCheckCore

/// Products are matched by SKU; two products with one SKU on the same side make the match
/// ambiguous (QBO does not enforce SKU uniqueness, so nothing stops it there).
public struct DuplicateSKURule: Rule {
    public let id = "duplicate-sku"

    public init() {}

    public func makeChecker(in context: RuleContext) -> any RecordChecker {
        var checker = Checker()
        for (index, document) in (context.account?.quickbooks ?? []).enumerated() {
            if case .quickbooks(.item(let item)) = document.content, item.active, let sku = item.sku?.value, !sku.isEmpty {
                checker.claim(.quickbooks, sku, by: Holder(description: "QuickBooks product \"\(item.name?.value ?? "")\" (Id \(item.id?.value ?? "?"))", id: item.id?.value ?? "#\(index)"))
            }
        }
        for document in context.account?.hubspot ?? [] {
            if let product = document.crmObject, product.type == .products, let sku = product["hs_sku"]?.value, !sku.isEmpty {
                checker.claim(.hubspot, sku, by: Holder(description: "HubSpot product \"\(product["name"]?.value ?? "")\" (id \(product.id?.value ?? "?"))", id: product.id?.value ?? ""))
            }
        }
        return checker
    }

    private struct Holder {
        var description: String
        var id: String
    }

    private struct Checker: RecordChecker {
        var taken: [Origin: [String: Holder]] = [:]

        mutating func claim(_ side: Origin, _ sku: String, by holder: Holder) {
            if taken[side]?[sku] == nil { taken[side, default: [:]][sku] = holder }
        }

        mutating func check(_ subject: Subject, into output: inout RuleOutput) {
            guard case .document(let document) = subject else { return }
            let side: Origin
            let sku: Located<String>
            let holder: Holder
            switch document.content {
            case .quickbooks(.item(let item)):
                guard item.active, let value = item.sku, !value.value.isEmpty else { return }
                side = .quickbooks
                sku = value
                holder = Holder(description: "QuickBooks product \"\(item.name?.value ?? "")\" (Id \(item.id?.value ?? "?"))", id: item.id?.value ?? "\(document.file.name)#\(document.location.pointer)")
            case .hubspot(let product) where product.type == .products:
                guard let value = product["hs_sku"], !value.value.isEmpty else { return }
                side = .hubspot
                sku = value
                holder = Holder(description: "HubSpot product \"\(product["name"]?.value ?? "")\" (id \(product.id?.value ?? "?"))", id: product.id?.value ?? "\(document.file.name)#\(document.location.pointer)")
            default:
                return
            }
            if let other = taken[side]?[sku.value], other.id != holder.id {
                output.report(sku.location, in: document,
                    "\(holder.description) has SKU \"\(sku.value)\", which \(other.description) also has; products are matched by SKU, so the sync cannot tell which one a line or a product update belongs to",
                    remedy: "Give each product a SKU of its own in \(side.displayName), or make the duplicate inactive.")
            }
            claim(side, sku.value, by: holder)
        }
    }
}

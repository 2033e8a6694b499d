import QBCheckCore

/// Products are matched by SKU; two products with one SKU on the same side make the match
/// ambiguous (QBO does not enforce SKU uniqueness, so nothing stops it there).
public struct DuplicateSKURule: Rule {
    public let id = "duplicate-sku"
    public var records: RecordKinds { [.hubspotObjects, .quickbooksItems] }

    public init() {}

    public func makeChecker(in context: RuleContext) -> any RecordChecker {
        var checker = Checker()
        for document in (context.account?.quickbooks ?? []) + (context.account?.hubspot ?? []) {
            if let claim = Self.claim(of: document) { checker.claim(claim.side, claim.sku.value, by: claim.holder) }
        }
        return checker
    }

    /// The SKU a product record holds, on which side, and how messages name the record.
    private static func claim(of document: Document) -> (side: Origin, sku: Located<String>, holder: Holder)? {
        // A record without an id yet is told apart by where it stands (worked out only then).
        func position() -> String { "\(document.file.name)#\(document.pointer)" }
        switch document.content {
        case .quickbooks(.item(let item)):
            guard item.active, let sku = item.sku, !sku.value.isEmpty else { return nil }
            return (.quickbooks, sku, Holder(description: "QuickBooks product \"\(item.name?.value ?? "")\" (Id \(item.id?.value ?? "?"))", id: item.id?.value ?? position()))
        case .hubspot(let product) where product.type == .products:
            guard let sku = product["hs_sku"], !sku.value.isEmpty else { return nil }
            return (.hubspot, sku, Holder(description: "HubSpot product \"\(product["name"]?.value ?? "")\" (id \(product.id?.value ?? "?"))", id: product.id?.value ?? position()))
        default:
            return nil
        }
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
            guard case .document(let document) = subject, let (side, sku, holder) = DuplicateSKURule.claim(of: document) else { return }
            if let other = taken[side]?[sku.value], other.id != holder.id {
                output.report(sku.location, in: document,
                    "\(holder.description) has SKU \"\(sku.value)\", which \(other.description) also has; products are matched by SKU, so the sync cannot tell which one a line or a product update belongs to",
                    remedy: "Give each product a SKU of its own in \(side.displayName), or make the duplicate inactive.")
            }
            claim(side, sku.value, by: holder)
        }
    }
}

import QBCheckCore
import QBCheckPreflight

/// A record of one side as the planner handles it: the validator's document and the JSON it
/// was read from (the JSON is what is compared, mapped and written).
struct SideRecord: Sendable {
    var side: SyncSide
    var id: String
    var document: Document
    var tree: JSONTree

    /// The value the pair is matched by: email, SKU, invoice number.
    func matchKey(_ object: SyncPair.Object) -> String? {
        let text: String? = switch (object, side) {
        case (.contacts, .quickbooks): tree[path: ["PrimaryEmailAddr", "Address"]]?.text?.lowercased()
        case (.contacts, .hubspot): tree[path: ["properties", "email"]]?.text?.lowercased()
        case (.products, .quickbooks): tree["Sku"]?.text
        case (.products, .hubspot): tree[path: ["properties", "hs_sku"]]?.text
        case (.invoices, .quickbooks): tree["DocNumber"]?.text
        case (.invoices, .hubspot): tree[path: ["properties", "hs_number"]]?.text
        }
        return text?.trimmingSpaces.isEmpty == false ? text?.trimmingSpaces : nil
    }

    /// `HubSpot contact 512 (bcooper@biglytics.net)`.
    func label(_ object: SyncPair.Object) -> String {
        let key = matchKey(object).map { " (\($0))" } ?? ""
        return "\(object.noun(on: side)) \(id)\(key)"
    }
}

/// The records of both sides of one object pair, as the snapshot's files hold them.
struct PairRecords: Sendable {
    var quickbooks: [SideRecord] = []
    var hubspot: [SideRecord] = []

    /// HubSpot records of other types the pair refers to, by type and id (line items, companies).
    var related: [CRMObjectType: [String: JSONTree]] = [:]

    init(object: SyncPair.Object, account: AccountSnapshot) {
        for document in account.quickbooks {
            guard SyncPair.source(of: document)?.object == object, let id = document.recordID,
                  let tree = document.tree else { continue }
            quickbooks.append(SideRecord(side: .quickbooks, id: id, document: document, tree: tree))
        }
        // A record's JSON is read only for the records the pair uses (not the contacts, say,
        // when invoices are planned).
        for document in account.hubspot {
            guard let crm = document.crmObject, let id = crm.id?.value else { continue }
            if SyncPair.source(of: document)?.object == object {
                if let tree = document.tree { hubspot.append(SideRecord(side: .hubspot, id: id, document: document, tree: tree)) }
            } else if [.lineItems, .companies].contains(crm.type) {
                if let tree = document.tree { related[crm.type, default: [:]][id] = tree }
            }
        }
    }
}

import QBCheckCore

/// QBO: a document number already used by another invoice or credit memo fails with error 6140
/// ("Duplicate Document Number Error : You must specify a different number. This number has
/// already been used.").
public struct DuplicateDocNumberRule: Rule {
    public let id = "duplicate-doc-number"

    public init() {}

    /// Invoices and credit memos share one document-number space.
    static let numberedEntities: Set<String> = ["Invoice", "CreditMemo"]

    private struct Holder {
        var description: String
        /// The QBO record id, or the HubSpot invoice id, or the file position.
        var identity: String
        /// A HubSpot invoice and a QBO invoice with one number are one invoice, synced: no duplicate.
        var isInvoice: Bool
        var isHubSpot: Bool { identity.hasPrefix("HubSpot ") }
    }

    public func makeChecker(in context: RuleContext) -> any RecordChecker {
        var checker = Checker(context: context)
        for document in context.account?.quickbooks ?? [] {
            guard let transaction = document.transaction, Self.numberedEntities.contains(transaction.entity),
                  let number = transaction.docNumber?.value, !number.isEmpty else { continue }
            checker.claim(number, Holder(description: "QuickBooks \(document.label) (Id \(transaction.id?.value ?? "?"))",
                                         identity: "QBO \(transaction.id?.value ?? document.pointer.text)", isInvoice: transaction.entity == "Invoice"))
        }
        return checker
    }

    private struct Checker: RecordChecker {
        let context: RuleContext
        var taken: [String: Holder] = [:]

        mutating func claim(_ number: String, _ holder: Holder) {
            if taken[number] == nil { taken[number] = holder }
        }

        mutating func check(_ subject: Subject, into output: inout RuleOutput) {
            guard let document = subject.resulting else { return }
            let number: Located<String>
            let holder: Holder
            switch document.content {
            case .quickbooks(.transaction(let transaction)):
                guard DuplicateDocNumberRule.numberedEntities.contains(transaction.entity), let value = transaction.docNumber, !value.value.isEmpty else { return }
                number = value
                holder = Holder(description: document.label, identity: "QBO \(transaction.id?.value ?? "\(document.file.name)#\(document.pointer)")",
                                isInvoice: transaction.entity == "Invoice")
            case .hubspot(let invoice) where invoice.type == .invoices:
                guard context.isInvoiceBoundForQuickBooks(document) == true, let value = invoice["hs_number"], !value.value.isEmpty else { return }
                number = value
                holder = Holder(description: "HubSpot \(document.label) (id \(invoice.id?.value ?? "new"))", identity: "HubSpot \(invoice.id?.value ?? document.pointer.text)", isInvoice: true)
            default:
                return
            }
            let twins = { (other: Holder) in other.isInvoice && holder.isInvoice && other.isHubSpot != holder.isHubSpot }
            if let other = taken[number.value], other.identity != holder.identity, !twins(other) {
                output.report(number.location, in: document,
                    "the document number \"\(number.value)\" of \(holder.description) is already used by \(other.description); QuickBooks rejects a second invoice or credit memo with the same number (error 6140, \"Duplicate Document Number Error\")",
                    remedy: "Give the invoice a number no other QuickBooks invoice or credit memo uses; if numbers collide because Custom transaction numbers is on in QuickBooks, turn it off.")
            }
            claim(number.value, holder)
        }
    }
}

import QBCheckCore

/// QBO: a document number already used by another invoice or credit memo fails with error 6140
/// ("Duplicate Document Number Error : You must specify a different number. This number has
/// already been used.").
public struct DuplicateDocNumberRule: NoteTakingRule {
    public let id = "duplicate-doc-number"

    public init() {}

    /// Invoices and credit memos share one document-number space. (Two comparisons, not a
    /// set: asked of every invoice, a set hashed its name each time.)
    static func isNumbered(_ entity: String) -> Bool {
        entity == "Invoice" || entity == "CreditMemo"
    }

    /// Who holds a number: kept small and described only when a second record claims it, since
    /// a year of invoices is a million holders.
    private struct Holder {
        enum Record {
            case quickbooks(entity: String)
            case hubspotInvoice
        }

        var record: Record
        /// The QBO Id or HubSpot id; for a record without one yet, its file and pointer.
        var identity: String
        var hasID: Bool
        var inSnapshot: Bool

        /// A HubSpot invoice and a QBO invoice with one number are one invoice, synced: no duplicate.
        var isInvoice: Bool {
            if case .quickbooks(let entity) = record { return entity == "Invoice" }
            return true
        }

        var isHubSpot: Bool {
            if case .hubspotInvoice = record { return true }
            return false
        }

        /// The holder as a short text for the claim table: the record's kind, its flags, its
        /// identity (`I3123`: a QBO Invoice of the snapshot with Id 123). Written on the stack
        /// and kept in the string itself when short (most are): joined as strings, it cost three
        /// strings made and freed per invoice.
        var encoded: String {
            let kind = switch record {
            case .quickbooks(let entity): UInt8(ascii: entity == "Invoice" ? "I" : "C")
            case .hubspotInvoice: UInt8(ascii: "H")
            }
            let flags = UInt8(ascii: "0") + (hasID ? 1 : 0) + (inSnapshot ? 2 : 0)
            var identity = identity
            return identity.withUTF8 { identity in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: identity.count + 2) { encoded in
                    encoded[0] = kind
                    encoded[1] = flags
                    _ = UnsafeMutableBufferPointer(rebasing: encoded[2...]).initialize(from: identity)
                    return String(decoding: encoded, as: UTF8.self)
                }
            }
        }

        init(record: Record, identity: String, hasID: Bool, inSnapshot: Bool) {
            self.record = record
            self.identity = identity
            self.hasID = hasID
            self.inSnapshot = inSnapshot
        }

        init?(encoded: String) {
            let utf8 = Array(encoded.utf8)
            guard utf8.count >= 2, let flags = Int(String(decoding: utf8[1...1], as: UTF8.self)) else { return nil }
            switch utf8[0] {
            case UInt8(ascii: "I"): record = .quickbooks(entity: "Invoice")
            case UInt8(ascii: "C"): record = .quickbooks(entity: "CreditMemo")
            default: record = .hubspotInvoice
            }
            hasID = flags & 1 != 0
            inSnapshot = flags & 2 != 0
            identity = String(decoding: utf8[2...], as: UTF8.self)
        }

        func sameRecord(as other: Holder) -> Bool {
            isHubSpot == other.isHubSpot && identity == other.identity
        }

        /// How the message names the holder, e.g. `QuickBooks Invoice 1001 (Id 17)`.
        func description(number: String) -> String {
            switch record {
            case .quickbooks(let entity):
                let label = "\(entity.sentenceCased) \(number)"
                return inSnapshot ? "QuickBooks \(label) (Id \(hasID ? identity : "?"))" : label
            case .hubspotInvoice:
                return "HubSpot invoice \(number) (id \(hasID ? identity : "new"))"
            }
        }
    }

    /// The number an invoice or credit memo claims, or a HubSpot invoice bound for QuickBooks.
    public func note(of document: Document, in context: RuleContext) -> RecordNote? {
        switch document.content {
        case .quickbooks(.transaction(let transaction)):
            guard Self.isNumbered(transaction.entity), let number = transaction.docNumber, !number.value.isEmpty else { return nil }
            // A record of a snapshot too large to keep is read again to be checked: it claims
            // its number here, in input order, as the account's records claim theirs first.
            let ofAccount = context.isRereadRecord(document)
            let holder = Holder(record: .quickbooks(entity: transaction.entity),
                                identity: transaction.id?.value ?? (ofAccount ? document.pointer.text : "\(document.file.name)#\(document.pointer)"),
                                hasID: transaction.id != nil, inSnapshot: ofAccount)
            return RecordNote(key: number, holder: holder.encoded)
        case .hubspot(let invoice) where invoice.type == .invoices:
            guard context.isInvoiceBoundForQuickBooks(document) == true, let number = invoice["hs_number"], !number.value.isEmpty else { return nil }
            let holder = Holder(record: .hubspotInvoice, identity: invoice.id?.value ?? document.pointer.text, hasID: invoice.id != nil, inSnapshot: false)
            return RecordNote(key: number, holder: holder.encoded)
        default:
            return nil
        }
    }

    /// The numbers the account's records hold, claimed before any record of the run.
    public func makeMemory(in context: RuleContext) -> any RecordMemory {
        var memory = Memory()
        for document in context.account?.quickbooks ?? [] {
            guard let transaction = document.transaction, Self.isNumbered(transaction.entity),
                  let number = transaction.docNumber?.value, !number.isEmpty else { continue }
            let holder = Holder(record: .quickbooks(entity: transaction.entity), identity: transaction.id?.value ?? document.pointer.text,
                                hasID: transaction.id != nil, inSnapshot: true)
            memory.taken.claim(number, holder: holder.encoded)
        }
        return memory
    }

    private struct Memory: RecordMemory {
        var taken = ClaimTable()

        mutating func check(_ note: RecordNote, of record: () -> Document, into output: inout RuleOutput) {
            // The number is claimed for this record unless an earlier one holds it already.
            guard let held = taken.claim(note.key.value, holder: note.holder), held != note.holder,
                  let other = Holder(encoded: held), let holder = Holder(encoded: note.holder) else { return }
            // A HubSpot invoice and a QBO invoice with one number are one invoice, synced.
            let twins = other.isInvoice && holder.isInvoice && other.isHubSpot != holder.isHubSpot
            guard !other.sameRecord(as: holder), !twins else { return }
            // The record at hand is named as the message's subject, whether or not it is one
            // of the account's.
            var named = holder
            named.inSnapshot = false
            let number = note.key.value
            output.report(note.key.location, in: record(),
                "the document number \"\(number)\" of \(named.description(number: number)) is already used by \(other.description(number: number)); QuickBooks rejects a second invoice or credit memo with the same number (error 6140, \"Duplicate Document Number Error\")",
                remedy: "Give the invoice a number no other QuickBooks invoice or credit memo uses; if numbers collide because Custom transaction numbers is on in QuickBooks, turn it off.")
        }
    }
}

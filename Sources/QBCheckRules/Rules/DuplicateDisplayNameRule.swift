import QBCheckCore

/// "Display names must be unique in QuickBooks Online. The first contact of a company will have
/// its Display Name set to the company name, but any contacts from that company that try to
/// sync after the first contact will fail to sync, because their Display Name is already in
/// use." QBO: "Another customer, vendor or employee is already using this name" (error 6240).
///
/// Derives each new customer's display name as the sync does (explicit; else the associated
/// company's name; else first + last name) and compares it with the account's customers,
/// vendors and employees and with the earlier records of the same batch. An exact clash is an
/// error; one that differs only in case or spacing is a warning (QBO's case rule is unconfirmed).
public struct DuplicateDisplayNameRule: Rule {
    public let id = "duplicate-display-name"
    public var records: RecordKinds { [.hubspotObjects, .quickbooksNames] }

    public init() {}

    /// A display name that is taken, and by what: kept small (an account has a million
    /// customers) and worded only when another record claims the name.
    private struct Holder {
        enum Record {
            /// A customer, vendor or employee of the account snapshot.
            case account(entity: String)
            /// A QBO name entity being created or renamed, in a file of the batch.
            case batch(entity: String, file: String)
            /// A HubSpot contact of the batch, by how messages name it, and its email.
            case contact(label: String, email: String)
        }

        var record: Record
        var name: String
        var id: String?

        var description: String {
            switch record {
            case .account(let entity): "\(entity.lowercased()) \"\(name)\"\(id.map { " (Id \($0))" } ?? "")"
            case .batch(let entity, let file): "\(entity.lowercased()) \"\(name)\" in \(file)"
            case .contact(let label, let email): "\(label) (\(email)) earlier in this batch"
            }
        }
    }

    /// Where a new customer's display name comes from.
    private enum Derivation {
        case explicit, associatedCompany, firstAndLastName
    }

    /// A record that would create or rename a QBO customer, with its derived display name.
    private struct Candidate {
        var document: Document
        var name: Located<String>
        var derivation: Derivation
        var holder: Holder
    }

    public func makeChecker(in context: RuleContext) -> any RecordChecker {
        Checker(rule: self, context: context)
    }

    /// The display names taken so far: the account's (its name ledger, `account.names`), then
    /// each new record's in input order.
    private struct Checker: RecordChecker {
        let rule: DuplicateDisplayNameRule
        let context: RuleContext
        /// The names the checked records claim beyond the account's, and their folded keys
        /// (most differ from the name: folding lowercases), each with its first holder written
        /// short (`encode`). A customer export is a million names: in dictionaries of holders,
        /// growing and hashing them had been 40 % of checking the customers.
        var exact = ClaimTable()
        var folded = ClaimTable()
        /// The files of the batch's holders: a holder names its file by its place here.
        var files: [String] = []

        mutating func check(_ subject: Subject, into output: inout RuleOutput) {
            guard let document = subject.resulting else { return }
            guard let candidate = rule.candidate(for: document, in: context, output: &output) else { return }
            let name = candidate.name.value
            // QuickBooks refuses display names over 500 characters anyway (name-too-long).
            guard name.utf8.count <= 2000 else { return }
            let key = DisplayName.folded(name)
            // Who held the name, and a name that folds the same, before this record; the record
            // claims both, unless it is a record of the account read again (the ledger holds
            // its name already).
            let claimant = context.isRereadRecord(document) ? nil : encode(candidate.holder)
            let holdsExactly = Self.holder(of: name, in: &exact, account: context.accountRecord(withDisplayName: name), claimant: claimant, files: files)
            let holdsFolded = Self.holder(of: key, in: &folded, account: context.accountRecord(withFoldedName: key), claimant: claimant, files: files)
            if let holder = holdsExactly, holder.id == nil || holder.id != candidate.holder.id {
                rule.report(candidate, takenBy: holder, exactly: true, into: &output)
            } else if let holder = holdsFolded, holder.name != name, holder.id == nil || holder.id != candidate.holder.id {
                rule.report(candidate, takenBy: holder, exactly: false, into: &output)
            }
        }

        /// Who holds `key`: the account's record, or the first record of the run to claim it in
        /// `table`; with a `claimant`, the key is claimed for it unless it is held.
        private static func holder(of key: String, in table: inout ClaimTable, account: NameRecord?, claimant: [UInt8]?,
                                   files: [String]) -> Holder? {
            if let account {
                return Holder(record: .account(entity: account.entity), name: account.displayName ?? "", id: account.id)
            }
            let held = claimant.map { claimant in claimant.withUnsafeBufferPointer { table.claim(key, holder: $0) } } ?? table.holder(of: key)
            return held.flatMap { decode($0, files: files) }
        }

        /// A holder of the run as the claim tables keep it: its kind (`B`, a QBO record of the
        /// batch; `C`, a HubSpot contact), whether it has an id (`0`, `1`), then its fields, each
        /// its length in decimal digits, a colon and its bytes. All of it text: the tables hand a
        /// holder back as a string, and a length written as a byte of 0x80 or more (a name of
        /// 128 bytes) was not UTF-8, came back mended, and the name's second holder went
        /// unreported.
        private mutating func encode(_ holder: Holder) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(64)
            func field(_ text: String) {
                var text = text
                text.withUTF8 { utf8 in
                    bytes.append(contentsOf: String(utf8.count).utf8)
                    bytes.append(UInt8(ascii: ":"))
                    bytes.append(contentsOf: utf8)
                }
            }
            switch holder.record {
            case .batch(let entity, let file):
                bytes.append(UInt8(ascii: "B"))
                bytes.append(UInt8(ascii: holder.id == nil ? "0" : "1"))
                field(entity)
                field(String(place(of: file)))
            case .contact(let label, let email):
                bytes.append(UInt8(ascii: "C"))
                bytes.append(UInt8(ascii: holder.id == nil ? "0" : "1"))
                field(label)
                field(email)
            case .account:
                preconditionFailure("the account's records hold their names in its ledger")
            }
            field(holder.name)
            field(holder.id ?? "")
            return bytes
        }

        /// The place of `file` in `files`, added if it is new (the records of a file come together).
        private mutating func place(of file: String) -> Int {
            if let last = files.last, last == file { return files.count - 1 }
            if let place = files.firstIndex(of: file) { return place }
            files.append(file)
            return files.count - 1
        }

        /// The holder `encode` wrote.
        private static func decode(_ text: String, files: [String]) -> Holder? {
            let bytes = Array(text.utf8)
            guard bytes.count >= 2 else { return nil }
            var fields: [String] = []
            var position = 2
            while position < bytes.count {
                guard let colon = bytes[position...].firstIndex(of: UInt8(ascii: ":")),
                      let length = Int(String(decoding: bytes[position..<colon], as: UTF8.self)),
                      length <= bytes.count - colon - 1 else { return nil }
                fields.append(String(decoding: bytes[colon + 1..<colon + 1 + length], as: UTF8.self))
                position = colon + 1 + length
            }
            guard fields.count == 4 else { return nil }
            let id = bytes[1] == UInt8(ascii: "1") ? fields[3] : nil
            switch bytes[0] {
            case UInt8(ascii: "B"):
                guard let place = Int(fields[1]), files.indices.contains(place) else { return nil }
                return Holder(record: .batch(entity: fields[0], file: files[place]), name: fields[2], id: id)
            case UInt8(ascii: "C"):
                return Holder(record: .contact(label: fields[0], email: fields[1]), name: fields[2], id: id)
            default:
                return nil
            }
        }
    }

    private func candidate(for document: Document, in context: RuleContext, output: inout RuleOutput) -> Candidate? {
        switch document.content {
        case .quickbooks(.name(let entity)):
            // A stored record of the account itself is no new name; a create or update is.
            guard document.operation != .delete, let name = entity.effectiveDisplayName else { return nil }
            let holder = Holder(record: .batch(entity: entity.entity, file: document.file.name), name: name.value, id: entity.id?.value)
            return Candidate(document: document, name: name, derivation: .explicit, holder: holder)
        case .hubspot(let contact) where contact.type == .contacts:
            guard context.syncsContactsToQuickBooks else { return nil }
            // Contacts without an email are excluded from contact sync; those whose email
            // matches a QBO customer update that customer instead of creating one.
            guard let email = contact["email"]?.value.trimmingCharacters.lowercased(), !email.isEmpty,
                  context.customer(email: email) == nil else { return nil }
            guard let (name, derivation) = derivedName(of: contact, in: context, output: &output) else { return nil }
            let holder = Holder(record: .contact(label: document.label, email: email), name: name.value, id: nil)
            return Candidate(document: document, name: name, derivation: derivation, holder: holder)
        default:
            return nil
        }
    }

    /// The display name the sync gives a new customer made from this contact.
    private func derivedName(of contact: CRMObject, in context: RuleContext, output: inout RuleOutput) -> (Located<String>, Derivation)? {
        let fromCompany = context.settings.displayNameFromCompany?.value ?? true
        let companies = contact.associated(.companies)
        if fromCompany, !companies.isEmpty {
            let primary = companies.first { $0.type.map(Self.isPrimary) ?? false } ?? companies[0]
            guard let company = context.hubspot(.companies, id: primary.id.value)?.crmObject,
                  let name = company["name"]?.value.trimmingCharacters, !name.isEmpty else {
                output.skip("the contact's associated company is not in the batch or in the account snapshot (hubspot/companies.json), so its display name cannot be derived")
                return nil
            }
            return (Located(name, at: primary.id.location), .associatedCompany)
        }
        let parts = [contact["firstname"], contact["lastname"]].compactMap { $0 }.filter { !$0.value.trimmingCharacters.isEmpty }
        guard let first = parts.first else { return nil }
        return (Located(parts.map { $0.value.trimmingCharacters }.joined(separator: " "), at: first.location), .firstAndLastName)
    }

    private static func isPrimary(_ type: String) -> Bool {
        let type = type.lowercased()
        return type == "contact_to_company" || type.containsBytes(of: "primary")
    }

    private func report(_ candidate: Candidate, takenBy holder: Holder, exactly: Bool, into output: inout RuleOutput) {
        let name = candidate.name.value
        let subject: String
        let remedy: String
        switch candidate.derivation {
        case .explicit:
            subject = "\(candidate.document.label) has the display name \"\(name)\""
            remedy = "Give the record a display name that no QuickBooks customer, vendor or employee uses, e.g. by adding a distinguishing suffix."
        case .associatedCompany:
            subject = "\(candidate.document.label) would be created in QuickBooks as customer \"\(name)\" (the name of its associated company)"
            remedy = "Use one contact per company as the billing contact and keep this one out of the sync (a contact filter), or switch off the mapping Display name ← Associated company name so first and last names are used."
        case .firstAndLastName:
            subject = "\(candidate.document.label) would be created in QuickBooks as customer \"\(name)\" (its first and last name)"
            remedy = "Associate the contact with its company (its name becomes the display name), or rename the existing record in QuickBooks so the names differ."
        }
        if exactly {
            output.report(candidate.name.location, in: candidate.document,
                "\(subject), but that name is already used by \(holder.description); QuickBooks requires display names to be unique across customers, vendors and employees, so the sync fails (\"The display name is a duplicate\", error 6240)",
                remedy: remedy)
        } else {
            output.report(candidate.name.location, in: candidate.document,
                "\(subject), which differs only in case or spacing from \(holder.description); QuickBooks may treat them as the same name and reject it (error 6240)",
                remedy: remedy, severity: .warning)
        }
    }
}

extension String {
    var trimmingCharacters: String { trimmingSpaces }
}

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
///
/// A `NoteTakingRule`: the name is derived, folded and noted on any thread, with who would hold
/// it; the names are compared in input order from the notes alone, and a record read again only
/// to report on it. Handed whole to the thread that reads for all, customers had kept two
/// workers at 1.43 × one (1.71 × noted). A record handed whole (one worker, preflight) is
/// judged without a note (`Memory.check(whole:note:into:)`).
public struct DuplicateDisplayNameRule: NoteTakingRule {
    public let id = "duplicate-display-name"
    public var records: RecordKinds { [.hubspotObjects, .quickbooksNames] }

    public init() {}

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

    /// What a record would claim: its display name, where it stands, and a note of the rest
    /// (`NoteText`); nothing for a record that creates or renames no customer.
    public func note(of document: Document, in context: RuleContext) -> RecordNote? {
        switch candidate(for: document, in: context) {
        case nil:
            return nil
        case .skipped(let reason)?:
            return RecordNote(skipping: reason, at: document.location)
        case .derived(let candidate)?:
            guard let folded = Self.foldedName(of: candidate) else { return nil }
            let text = NoteText(isAccountRecord: context.isRereadRecord(document), folded: folded, holder: candidate.holder)
            return RecordNote(key: candidate.name, holder: text.written)
        }
    }

    /// The candidate's name folded (`DisplayName.folded`), the key of its clashes but for case
    /// and spacing; nil for a name too long to compare (QuickBooks refuses display names over
    /// 500 characters anyway: name-too-long).
    private static func foldedName(of candidate: Candidate) -> String? {
        candidate.name.value.utf8.count <= 2000 ? DisplayName.folded(candidate.name.value) : nil
    }

    public func makeMemory(in context: RuleContext) -> any RecordMemory {
        Memory(rule: self, context: context)
    }

    /// The display names taken so far: the account's (its name ledger, `account.names`), then
    /// each new record's in input order.
    private struct Memory: RecordMemory {
        let rule: DuplicateDisplayNameRule
        let context: RuleContext
        /// The names the checked records claim beyond the account's, and their folded keys
        /// (most differ from the name: folding lowercases), each with its first holder written
        /// short (`Holder.write`). A customer export is a million names: in dictionaries of
        /// holders, growing and hashing them had been 40 % of checking the customers.
        var exact = ClaimTable()
        var folded = ClaimTable()
        /// The files of the batch's holders: a claim names its holder's file by its place here.
        var files: [String] = []
        /// The name of the last of `files`, as bytes.
        var lastFile: [UInt8] = []

        init(rule: DuplicateDisplayNameRule, context: RuleContext) {
            self.rule = rule
            self.context = context
        }

        mutating func check(_ note: RecordNote, of record: () -> Document, into output: inout RuleOutput) {
            let name = note.key.value
            // The note's folded name and holder, read from its text; the holder claims with the
            // text as noted, but a batch record's file by its place in `files` (written on the
            // stack), and a record of the account read again claims nothing.
            var text = note.holder
            var notedID: String?
            guard let (holdsExactly, holdsFolded) = text.withUTF8({ bytes -> (Holder?, Holder?)? in
                var position = 1
                guard let first = bytes.first, let folded = HolderText.field(in: bytes, at: &position), position < bytes.count else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[folded]), as: UTF8.self)
                let hasID = bytes[position] == UInt8(ascii: "1")
                position += 1
                guard let id = HolderText.field(in: bytes, at: &position) else { return nil }
                if hasID { notedID = String(decoding: UnsafeBufferPointer(rebasing: bytes[id]), as: UTF8.self) }
                guard first == UInt8(ascii: "N") else { return claims(name, folded: key, claimant: nil) }
                let holder = UnsafeBufferPointer(rebasing: bytes[position...])
                guard holder.count >= 2, holder[0] == UInt8(ascii: "B") else { return claims(name, folded: key, claimant: holder) }
                var at = 2
                guard HolderText.field(in: holder, at: &at) != nil else { return nil }
                let fileStart = at
                guard let file = HolderText.field(in: holder, at: &at) else { return nil }
                let place = place(of: UnsafeBufferPointer(rebasing: holder[file]))
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: holder.count + 2 * HolderText.lengthRoom) { buffer in
                    var count = 0
                    HolderText.write(bytes: UnsafeBufferPointer(rebasing: holder[..<fileStart]), into: buffer, at: &count)
                    HolderText.write(number: place, into: buffer, at: &count)
                    HolderText.write(bytes: UnsafeBufferPointer(rebasing: holder[at...]), into: buffer, at: &count)
                    return claims(name, folded: key, claimant: UnsafeBufferPointer(rebasing: buffer[..<count]))
                }
            }) else { return }
            settle(name, holdsExactly: holdsExactly, holdsFolded: holdsFolded, heldBy: notedID, into: &output) {
                // The record, read again, is worded as when it was noted.
                guard case .derived(let candidate)? = rule.candidate(for: record(), in: context) else { return nil }
                return candidate
            }
        }

        /// A record handed whole is judged as its note would have it judged, with no note
        /// written and read back: one worker, and a preflight's million customers.
        mutating func check(whole document: Document, note: () -> RecordNote?, into output: inout RuleOutput) {
            // A record of the account read again is in the ledger: when it is the first to hold
            // its names, the ledger's holders of them are itself, and there is no clash to look for.
            if case .quickbooks(.name(let entity)) = document.content, let id = entity.id?.value,
               context.accountRecordsHoldTheirNamesFirst(id: id), context.isRereadRecord(document) { return }
            switch rule.candidate(for: document, in: context) {
            case nil:
                return
            case .skipped(let reason)?:
                output.skip(reason)
            case .derived(let candidate)?:
                guard let key = DuplicateDisplayNameRule.foldedName(of: candidate) else { return }
                let name = candidate.name.value
                let holds: (Holder?, Holder?)
                if context.isRereadRecord(document) {
                    holds = claims(name, folded: key, claimant: nil)
                } else {
                    let place: Int? = if case .batch(_, let file) = candidate.holder.record { place(of: file) } else { nil }
                    holds = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: candidate.holder.writtenCapacity) { buffer in
                        var count = 0
                        candidate.holder.write(into: buffer, at: &count, filePlace: place)
                        return claims(name, folded: key, claimant: UnsafeBufferPointer(rebasing: buffer[..<count]))
                    }
                }
                settle(name, holdsExactly: holds.0, holdsFolded: holds.1, heldBy: candidate.holder.id, into: &output) { candidate }
            }
        }

        /// Reports the record that holds `name` (its id `id`) when another holds the name, or
        /// the name folded but written otherwise; the same record (by id) is no clash.
        private func settle(_ name: String, holdsExactly: Holder?, holdsFolded: Holder?, heldBy id: String?, into output: inout RuleOutput,
                            candidate: () -> Candidate?) {
            let exactly: Bool
            let taker: Holder
            if let holder = holdsExactly, holder.id == nil || holder.id != id {
                (taker, exactly) = (holder, true)
            } else if let holder = holdsFolded, holder.name != name, holder.id == nil || holder.id != id {
                (taker, exactly) = (holder, false)
            } else {
                return
            }
            guard let candidate = candidate() else { return }
            rule.report(candidate, takenBy: taker, exactly: exactly, into: &output)
        }

        /// Who held the name and its folded key before: `claimant`, when given, claims both.
        private mutating func claims(_ name: String, folded key: String, claimant: UnsafeBufferPointer<UInt8>?) -> (Holder?, Holder?) {
            (Self.holder(of: name, in: &exact, account: context.accountRecord(withDisplayName: name), claimant: claimant, files: files),
             Self.holder(of: key, in: &folded, account: context.accountRecord(withFoldedName: key), claimant: claimant, files: files))
        }

        /// Who holds `key`: the account's record, or the first record of the run to claim it in
        /// `table`; with a `claimant`, the key is claimed for it unless it is held. Static: as a
        /// method, it would read `self` while `table`, a part of it, is written, and Swift then
        /// copies the table (every claim so far) for each record.
        private static func holder(of key: String, in table: inout ClaimTable, account: NameRecord?, claimant: UnsafeBufferPointer<UInt8>?,
                                   files: [String]) -> Holder? {
            if let account {
                return Holder(record: .account(entity: account.entity), name: account.displayName ?? "", id: account.id)
            }
            let held = claimant.map { table.claim(key, holder: $0) } ?? table.holder(of: key)
            return held.flatMap { held in
                Holder(claimed: held, files: files)
            }
        }

        /// The place of `file` in `files`, added if it is new.
        private mutating func place(of file: String) -> Int {
            var file = file
            return file.withUTF8 { place(of: $0) }
        }

        /// The place of the file named `name` in `files`, added if it is new (the records of a
        /// file come together: the last one's name is compared as bytes, with no string made).
        private mutating func place(of name: UnsafeBufferPointer<UInt8>) -> Int {
            if name.elementsEqual(lastFile) { return files.count - 1 }
            let file = String(decoding: name, as: UTF8.self)
            if let place = files.firstIndex(of: file) { return place }
            files.append(file)
            lastFile = Array(name)
            return files.count - 1
        }
    }

    /// What a record gives the rule: a new customer's name to compare, or a reason it cannot be
    /// derived (counted in the report's skips).
    private enum Derived {
        case derived(Candidate)
        case skipped(String)
    }

    private func candidate(for document: Document, in context: RuleContext) -> Derived? {
        switch document.content {
        case .quickbooks(.name(let entity)):
            // A stored record of the account itself is no new name; a create or update is.
            guard document.operation != .delete, let name = entity.effectiveDisplayName else { return nil }
            let holder = Holder(record: .batch(entity: entity.entity, file: document.file.name), name: name.value, id: entity.id?.value)
            return .derived(Candidate(document: document, name: name, derivation: .explicit, holder: holder))
        case .hubspot(let contact) where contact.type == .contacts:
            guard context.syncsContactsToQuickBooks else { return nil }
            // Contacts without an email are excluded from contact sync; those whose email
            // matches a QBO customer update that customer instead of creating one.
            guard let email = contact["email"]?.value.trimmingCharacters.lowercased(), !email.isEmpty,
                  context.customer(email: email) == nil else { return nil }
            switch derivedName(of: contact, in: context) {
            case nil:
                return nil
            case .failure(let skip)?:
                return .skipped(skip.reason)
            case .success(let (name, derivation))?:
                let holder = Holder(record: .contact(label: document.label, email: email), name: name.value, id: nil)
                return .derived(Candidate(document: document, name: name, derivation: derivation, holder: holder))
            }
        default:
            return nil
        }
    }

    /// The display name the sync gives a new customer made from this contact.
    /// Why a contact's name cannot be derived.
    private struct Skip: Error {
        var reason: String
    }

    private func derivedName(of contact: CRMObject, in context: RuleContext) -> Result<(Located<String>, Derivation), Skip>? {
        let fromCompany = context.settings.displayNameFromCompany?.value ?? true
        let companies = contact.associated(.companies)
        if fromCompany, !companies.isEmpty {
            let primary = companies.first { $0.type.map(Self.isPrimary) ?? false } ?? companies[0]
            guard let company = context.hubspot(.companies, id: primary.id.value)?.crmObject,
                  let name = company["name"]?.value.trimmingCharacters, !name.isEmpty else {
                return .failure(Skip(reason: "the contact's associated company is not in the batch or in the account snapshot (hubspot/companies.json), so its display name cannot be derived"))
            }
            return .success((Located(name, at: primary.id.location), .associatedCompany))
        }
        let parts = [contact["firstname"], contact["lastname"]].compactMap { $0 }.filter { !$0.value.trimmingCharacters.isEmpty }
        guard let first = parts.first else { return nil }
        return .success((Located(parts.map { $0.value.trimmingCharacters }.joined(separator: " "), at: first.location), .firstAndLastName))
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

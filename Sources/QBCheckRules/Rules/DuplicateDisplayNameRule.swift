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

        /// The holder written as text: its kind (`B`, a QBO record of the batch; `C`, a HubSpot
        /// contact), whether it has an id (`0`, `1`), then its four fields, each its length in
        /// digits, a colon and its bytes; a batch record's file by its name (in a claim, by its
        /// place among the run's files: `Memory.check`). All of it text: the claim tables
        /// hand a holder back as a string, and lengths written as raw bytes (0x80 and up for a
        /// name of 128 bytes) were not UTF-8, came back mended, and the name's second holder
        /// went unreported.
        func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int, filePlace: Int? = nil) {
            func field(_ text: String) { HolderText.write(text, into: buffer, at: &count) }
            switch record {
            case .batch(let entity, let file):
                HolderText.write(byte: UInt8(ascii: "B"), into: buffer, at: &count)
                HolderText.write(byte: UInt8(ascii: id == nil ? "0" : "1"), into: buffer, at: &count)
                field(entity)
                if let filePlace { HolderText.write(number: filePlace, into: buffer, at: &count) } else { field(file) }
            case .contact(let label, let email):
                HolderText.write(byte: UInt8(ascii: "C"), into: buffer, at: &count)
                HolderText.write(byte: UInt8(ascii: id == nil ? "0" : "1"), into: buffer, at: &count)
                field(label)
                field(email)
            case .account:
                preconditionFailure("the account's records hold their names in its ledger")
            }
            field(self.name)
            field(id ?? "")
        }

        /// Room enough for `write`.
        var writtenCapacity: Int {
            let fields = switch record {
            case .batch(let entity, let file): entity.utf8.count + file.utf8.count
            case .contact(let label, let email): label.utf8.count + email.utf8.count
            case .account: 0
            }
            return 2 + fields + name.utf8.count + (id?.utf8.count ?? 0) + 4 * HolderText.lengthRoom
        }

        /// The holder a claim table holds (`write` wrote it, its batch file by its place in `files`).
        init?(claimed text: String, files: [String]) {
            var text = text
            guard let (kind, hasID, fields) = text.withUTF8({ bytes -> (UInt8, Bool, [String])? in
                guard bytes.count >= 2, let fields = Self.fields(UnsafeBufferPointer(rebasing: bytes[2...])), fields.count == 4 else { return nil }
                return (bytes[0], bytes[1] == UInt8(ascii: "1"), fields)
            }) else { return nil }
            switch kind {
            case UInt8(ascii: "B"):
                guard let place = Int(fields[1]), files.indices.contains(place) else { return nil }
                record = .batch(entity: fields[0], file: files[place])
            case UInt8(ascii: "C"):
                record = .contact(label: fields[0], email: fields[1])
            default:
                return nil
            }
            name = fields[2]
            id = hasID ? fields[3] : nil
        }

        init(record: Record, name: String, id: String?) {
            self.record = record
            self.name = name
            self.id = id
        }

        /// The fields written as `write` writes them, one after another.
        private static func fields(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
            var fields: [String] = []
            var position = 0
            while position < bytes.count {
                guard let field = HolderText.field(in: bytes, at: &position) else { return nil }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[field]), as: UTF8.self))
            }
            return fields
        }

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

    /// A note's text: whether the record is one of the account's read again (`A`) or new (`N`),
    /// its folded name as a field, whether its holder has an id (`0`, `1`) and the id as a
    /// field, then, for a new record, its holder as `Holder.write` writes it, with its file's
    /// name, to claim the name with (`Memory.check` reads it). A record of the account claims
    /// nothing (the ledger holds its name already): a preflight reads a million of them, and
    /// their holders written and read whole had cost it 7 % more instructions.
    private struct NoteText {
        var isAccountRecord: Bool
        var folded: String
        var holder: Holder

        var written: String {
            let capacity = 2 + folded.utf8.count + (holder.id?.utf8.count ?? 0) + 2 * HolderText.lengthRoom
                + (isAccountRecord ? 0 : holder.writtenCapacity)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var count = 0
                HolderText.write(byte: UInt8(ascii: isAccountRecord ? "A" : "N"), into: buffer, at: &count)
                HolderText.write(folded, into: buffer, at: &count)
                HolderText.write(byte: UInt8(ascii: holder.id == nil ? "0" : "1"), into: buffer, at: &count)
                HolderText.write(holder.id ?? "", into: buffer, at: &count)
                if !isAccountRecord { holder.write(into: buffer, at: &count) }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
            }
        }
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

/// The fields of the texts the rule writes (`Holder.write`, `NoteText`): each its length in
/// decimal digits, a colon, and its bytes; written into a buffer sized ahead (on the stack:
/// appended to arrays, the notes of a customer export had cost a tenth more than checking it).
private enum HolderText {
    /// Room for a field's length and colon, whatever the length.
    static let lengthRoom = 21

    static func write(byte: UInt8, into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        buffer[count] = byte
        count += 1
    }

    static func write(bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        (buffer.baseAddress! + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// `value`'s decimal digits.
    static func write(digitsOf value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        var divisor = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            write(byte: UInt8(ascii: "0") + UInt8(value / divisor % 10), into: buffer, at: &count)
            divisor /= 10
        }
    }

    /// A field of `text`'s bytes.
    static func write(_ text: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        write(digitsOf: text.utf8.count, into: buffer, at: &count)
        write(byte: UInt8(ascii: ":"), into: buffer, at: &count)
        if text.utf8.withContiguousStorageIfAvailable({ write(bytes: $0, into: buffer, at: &count) }) == nil {
            for byte in text.utf8 { write(byte: byte, into: buffer, at: &count) }
        }
    }

    /// A field of `value`'s decimal digits (a file's place).
    static func write(number value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        write(digitsOf: digits, into: buffer, at: &count)
        write(byte: UInt8(ascii: ":"), into: buffer, at: &count)
        write(digitsOf: value, into: buffer, at: &count)
    }

    /// The bytes of the field at `position`, which it moves past the field; nil when none is
    /// written there.
    static func field(in bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) -> Range<Int>? {
        var length = 0
        var at = position
        while at < bytes.count, bytes[at] != UInt8(ascii: ":") {
            let digit = Int(bytes[at]) - Int(UInt8(ascii: "0"))
            guard digit >= 0, digit <= 9, length < Int.max / 10 - 9 else { return nil }
            length = length * 10 + digit
            at += 1
        }
        guard at < bytes.count, at > position, length <= bytes.count - at - 1 else { return nil }
        position = at + 1 + length
        return at + 1..<position
    }
}

extension String {
    var trimmingCharacters: String { trimmingSpaces }
}

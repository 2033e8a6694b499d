import QBCheckCore

/// What `duplicate-display-name` writes into its notes and claim tables: a name's holder and a
/// note's text, written short into buffers sized ahead and read back field by field.
extension DuplicateDisplayNameRule {
    /// A display name that is taken, and by what: kept small (an account has a million
    /// customers) and worded only when another record claims the name.
    struct Holder {
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

    /// A note's text: whether the record is one of the account's read again (`A`) or new (`N`),
    /// its folded name as a field, whether its holder has an id (`0`, `1`) and the id as a
    /// field, then, for a new record, its holder as `Holder.write` writes it, with its file's
    /// name, to claim the name with (`Memory.check` reads it). A record of the account claims
    /// nothing (the ledger holds its name already): a preflight reads a million of them, and
    /// their holders written and read whole had cost it 7 % more instructions.
    struct NoteText {
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
}

/// The fields of the texts the rule writes (`Holder.write`, `NoteText`): each its length in
/// decimal digits, a colon, and its bytes; written into a buffer sized ahead (on the stack:
/// appended to arrays, the notes of a customer export had cost a tenth more than checking it).
enum HolderText {
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

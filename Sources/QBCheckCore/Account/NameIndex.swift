/// The positions of a ledger's records by one of their texts (display name, folded name, `Id`,
/// email), in 8 bytes a slot.
///
/// A million customers are indexed four ways. As `[String: Int32]` dictionaries, each insertion
/// hashed its key with SipHash and touched arrays far apart in memory, and indexing a million
/// names took 15 times as long as a hundred thousand: cache misses grew with the tables. Here
/// a slot holds 32 bits of the key's hash beside the record's position (`HashSlots`), so a
/// search reads one array and reads a record's key only when the hashes match.
struct NameIndex: Sendable {
    private var slots = HashSlots()

    init() {}

    /// Makes room for `keys` keys in all, so that indexing them never grows the table.
    mutating func reserve(_ keys: Int) {
        slots.reserve(keys)
    }

    /// The position of the record whose key is `text`; `key` gives a record's key by position.
    func position(of text: String, key: (Int32) -> String?) -> Int32? {
        slots.entry(hash: TextHash.of(text)) { key(Int32(bitPattern: $0)) == text }.map { Int32(bitPattern: $0) }
    }

    /// Indexes the record at `position` under `text`. A record already indexed under the same
    /// text keeps it, unless `replacing`. Returns whether another record was indexed under it.
    @discardableResult
    mutating func insert(_ text: String, at position: Int32, replacing: Bool, key: (Int32) -> String?) -> Bool {
        insert(text, hash: TextHash.of(text), at: position, replacing: replacing, key: key)
    }

    /// The same, with the text's hash worked out (`TextHash.of`) when its slot was prefetched.
    @discardableResult
    mutating func insert(_ text: String, hash: UInt32, at position: Int32, replacing: Bool, key: (Int32) -> String?) -> Bool {
        reserve(slots.count + 1)
        let slot = slots.find(hash: hash) { key(Int32(bitPattern: $0)) == text }
        let held = slots.entry(at: slot) != nil
        if held, !replacing { return true }
        slots.put(UInt32(bitPattern: position), hash: hash, at: slot)
        return held
    }

    /// Brings in the slot where a key with this hash is searched from, ahead of inserting it.
    func prefetch(_ hash: UInt32) {
        slots.prefetch(hash)
    }
}

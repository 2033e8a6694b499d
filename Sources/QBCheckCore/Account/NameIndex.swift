import CByteSearch

/// The positions of a ledger's records by one of their texts (display name, folded name, `Id`,
/// email), in 8 bytes a slot.
///
/// A million customers are indexed four ways. As `[String: Int32]` dictionaries, each insertion
/// hashed its key with SipHash and touched arrays far apart in memory, and indexing a million
/// names took 15 times as long as a hundred thousand: cache misses grew with the tables. Here
/// a slot holds 32 bits of the key's hash beside the record's position, so a search reads one
/// array and reads a record's key only when the hashes match.
struct NameIndex: Sendable {
    /// Each slot: 32 bits of the key's hash in the high half, 1 + the record's position in the
    /// low half; 0 when empty. No slots until the first key.
    private var slots: [UInt64] = []
    private(set) var count = 0

    init() {}

    /// Makes room for `keys` keys in all, so that indexing them never grows the table.
    mutating func reserve(_ keys: Int) {
        if slots.isEmpty { slots = Array(repeating: 0, count: 64) }
        while slots.count * 7 < keys * 10 { grow() }
    }

    /// The position of the record whose key is `text`; `key` gives a record's key by position.
    func position(of text: String, key: (Int32) -> String?) -> Int32? {
        guard count > 0 else { return nil }
        let slot = find(text, hash: TextHash.of(text), key: key)
        return slots[slot] == 0 ? nil : Self.position(in: slots[slot])
    }

    /// Indexes the record at `position` under `text`. A record already indexed under the same
    /// text keeps it, unless `replacing`.
    mutating func insert(_ text: String, at position: Int32, replacing: Bool, key: (Int32) -> String?) {
        insert(text, hash: TextHash.of(text), at: position, replacing: replacing, key: key)
    }

    /// The same, with the text's hash worked out (`TextHash.of`) when its slot was prefetched.
    mutating func insert(_ text: String, hash: UInt32, at position: Int32, replacing: Bool, key: (Int32) -> String?) {
        reserve(count + 1)
        let slot = find(text, hash: hash, key: key)
        if slots[slot] != 0, !replacing { return }
        if slots[slot] == 0 { count += 1 }
        slots[slot] = UInt64(hash) << 32 | UInt64(UInt32(position) + 1)
    }

    /// Brings in the slot where a key with this hash is searched from, ahead of inserting it.
    func prefetch(_ hash: UInt32) {
        slots.withUnsafeBufferPointer { slots in
            qbcheck_prefetch_for_writing(slots.baseAddress! + (Int(hash) & (slots.count - 1)))
        }
    }

    private static func position(in slot: UInt64) -> Int32 {
        Int32(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
    }

    /// The slot holding `text`, or the empty slot where it would go (linear probing).
    private func find(_ text: String, hash: UInt32, key: (Int32) -> String?) -> Int {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            if UInt32(truncatingIfNeeded: slots[slot] >> 32) == hash, key(Self.position(in: slots[slot])) == text { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Places every slot again in a table twice the size, by its hash: no key is read.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

import CByteSearch

/// An open-addressing table of 8-byte slots, each 32 bits of a key's hash beside where the key
/// is kept (`entry`: a record's position, a place in pages of bytes): the index behind the name
/// ledger (`NameIndex`) and the claim table of document numbers.
///
/// The keys stay where their owner keeps them; a search compares a key (a read far away in
/// memory, most often a cache miss) only when the hashes match, and growing places each slot by
/// its hash without reading a key.
package struct HashSlots: Sendable {
    /// 32 bits of the hash in the high half, 1 + the entry in the low half; 0 when empty. No
    /// slots until the first key.
    private var slots: [UInt64] = []
    package private(set) var count = 0

    package init() {}

    /// Makes room for `keys` keys in all, so that adding them never grows the table (kept at
    /// most 70 % full).
    package mutating func reserve(_ keys: Int) {
        if slots.isEmpty { slots = Array(repeating: 0, count: 64) }
        while slots.count * 7 < keys * 10 { grow() }
    }

    /// The slot whose key has this hash and is the one searched for (`isKey` of its entry), or
    /// the empty slot where that key would go (linear probing). Only for a table with slots.
    package func find(hash: UInt32, isKey: (UInt32) -> Bool) -> Int {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            if UInt32(truncatingIfNeeded: slots[slot] >> 32) == hash, isKey(Self.entry(in: slots[slot])) { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// The entry of the key that `isKey` confirms among those with this hash, if it is there.
    package func entry(hash: UInt32, isKey: (UInt32) -> Bool) -> UInt32? {
        guard count > 0 else { return nil }
        let slot = find(hash: hash, isKey: isKey)
        return slots[slot] == 0 ? nil : Self.entry(in: slots[slot])
    }

    /// The entry in `slot` (found by `find`), or nil when it is empty.
    package func entry(at slot: Int) -> UInt32? {
        slots[slot] == 0 ? nil : Self.entry(in: slots[slot])
    }

    /// Puts `entry` in `slot` (found by `find`, since when nothing was added), taking it or
    /// replacing the one there. Growing may move every slot: find again before the next put.
    package mutating func put(_ entry: UInt32, hash: UInt32, at slot: Int) {
        precondition(entry < UInt32.max, "an entry fits 32 bits with one to spare")
        if slots[slot] == 0 { count += 1 }
        slots[slot] = UInt64(hash) << 32 | UInt64(entry + 1)
        if count * 10 > slots.count * 7 { grow() }
    }

    /// Brings in the line of the slot a search for this hash starts at, ahead of a write to it:
    /// a table larger than the cache, asked for a batch of slots at once, has their misses
    /// overlap instead of coming one after another.
    package func prefetch(_ hash: UInt32) {
        slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            qbcheck_prefetch_for_writing(base + (Int(hash) & (slots.count - 1)))
        }
    }

    private static func entry(in slot: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: slot) &- 1
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            var place = Int(truncatingIfNeeded: slot >> 32) & mask
            while slots[place] != 0 { place = (place + 1) & mask }
            slots[place] = slot
        }
    }
}

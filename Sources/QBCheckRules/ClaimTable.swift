import QBCheckCore

/// Keys claimed so far (document numbers), each with a short text about its first holder, in
/// about 20 bytes apiece.
///
/// `check` streams a year of invoices in bounded memory, but a duplicate number can only be
/// seen by remembering every number met: a `[String: Holder]` dictionary cost about 190 bytes
/// per invoice at its peak (a million invoices, 190 MB). Here keys and holders are packed into
/// pages of bytes, and an open-addressing table of 8-byte slots finds them.
package struct ClaimTable {
    package init() {}

    /// Bytes per page; an entry never spans two.
    private static let pageSize = 1 << 20
    /// Keys and holders longer than this together are not claimed (no QBO number or name
    /// comes near it; other rules report such values).
    package static let longestEntry = 64 << 10

    /// Each entry's place (page × pageSize + offset) by 32 bits of its key's hash: a search
    /// compares the key of a slot only when the hashes match (each key compared is a read far
    /// into the pages, most often a cache miss), and growing places the slots by their hashes
    /// without reading a key (with a tag of seven bits kept apart, each growth read every key
    /// again: 1 % of a check).
    private var slots = HashSlots()
    /// Entries: the key, then the holder, each a length byte pair and its bytes.
    private var pages: [[UInt8]] = []

    /// Records `holder` as the holder of `key` unless it is claimed already, and returns the
    /// holder it had (nil when the claim is new): asking and claiming are one search, for every
    /// invoice of a check.
    @discardableResult
    package mutating func claim(_ key: String, holder: String) -> String? {
        var holder = holder
        return holder.withUTF8 { holder in claim(key, holder: holder) }
    }

    /// The same, with the holder's text as bytes (a holder written on the stack).
    @discardableResult
    package mutating func claim(_ key: String, holder: UnsafeBufferPointer<UInt8>) -> String? {
        var key = key
        return key.withUTF8 { key -> String? in
            let hash = TextHash.of(key)
            slots.reserve(count + 1)
            let slot = slots.find(hash: hash) { place in
                let (page, offset) = Self.pageAndOffset(of: place)
                let stored = Self.field(at: offset, in: pages[page])
                return stored.count == key.count && pages[page][stored].elementsEqual(key)
            }
            if let place = slots.entry(at: slot) {
                let (page, offset) = Self.pageAndOffset(of: place)
                return String(decoding: pages[page][Self.field(after: offset, in: pages[page])], as: UTF8.self)
            }
            guard key.count + holder.count + 4 <= Self.longestEntry else { return nil }
            if pages.isEmpty || pages[pages.count - 1].count + key.count + holder.count + 4 > Self.pageSize {
                // The place must fit a slot: past 4 GiB of claims (4,000 pages) they stop.
                guard pages.count < Int(UInt32.max) / Self.pageSize - 1 else { return nil }
                pages.append([])
                pages[pages.count - 1].reserveCapacity(Self.pageSize)
            }
            let page = pages.count - 1
            let offset = pages[page].count
            Self.append(key, to: &pages[page])
            Self.append(holder, to: &pages[page])
            slots.put(UInt32(page * Self.pageSize + offset), hash: hash, at: slot)
            return nil
        }
    }

    /// The holder of `key`, if it is claimed; claims nothing.
    package func holder(of key: String) -> String? {
        var key = key
        return key.withUTF8 { key -> String? in
            let found = slots.entry(hash: TextHash.of(key)) { place in
                let (page, offset) = Self.pageAndOffset(of: place)
                let stored = Self.field(at: offset, in: pages[page])
                return stored.count == key.count && pages[page][stored].elementsEqual(key)
            }
            guard let place = found else { return nil }
            let (page, offset) = Self.pageAndOffset(of: place)
            return String(decoding: pages[page][Self.field(after: offset, in: pages[page])], as: UTF8.self)
        }
    }

    package var count: Int { slots.count }

    private static func pageAndOffset(of place: UInt32) -> (page: Int, offset: Int) {
        (Int(place) / pageSize, Int(place) % pageSize)
    }

    /// Appends a field: its length in two bytes, then its bytes.
    private static func append(_ field: UnsafeBufferPointer<UInt8>, to page: inout [UInt8]) {
        page.append(UInt8(field.count & 0xFF))
        page.append(UInt8(field.count >> 8))
        page.append(contentsOf: field)
    }

    /// The bytes of the field starting at `offset`.
    private static func field(at offset: Int, in page: [UInt8]) -> Range<Int> {
        let length = Int(page[offset]) | Int(page[offset + 1]) << 8
        return offset + 2..<offset + 2 + length
    }

    /// The bytes of the field after the one starting at `offset`.
    private static func field(after offset: Int, in page: [UInt8]) -> Range<Int> {
        field(at: field(at: offset, in: page).upperBound, in: page)
    }
}

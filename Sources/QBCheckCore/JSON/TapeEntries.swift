/// The entries a parser writes for one value, straight into the block its tape will own.
///
/// A record's entries had gone into an array and then been copied onto the tape's block: four
/// kilobytes copied per invoice, and a uniqueness check of the array for every value appended.
/// The block comes from the thread's `TapeScratch` and goes back to it when the tape goes, or
/// here when no tape takes it (the value was not well-formed).
struct TapeEntries {
    private(set) var block: UnsafeMutableBufferPointer<JSONTape.Entry>
    /// How many entries are written; the plain reading writes into `block` itself and sets it.
    var count = 0

    /// Entries with room for `capacity` before the block grows.
    init(capacity: Int) {
        block = TapeScratch.takeBlock(capacity: capacity)
    }

    /// No entries and no block: what a parser holds between values.
    init() {
        block = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    mutating func append(_ entry: JSONTape.Entry) {
        if count == block.count { grow() }
        (block.baseAddress! + count).initialize(to: entry)
        count += 1
    }

    subscript(index: Int) -> JSONTape.Entry {
        get { block[index] }
        set { block[index] = newValue }
    }

    /// Hands the block to a tape: these entries are left empty.
    mutating func take() -> (block: UnsafeMutableBufferPointer<JSONTape.Entry>, count: Int) {
        defer { self = TapeEntries() }
        return (block, count)
    }

    /// Gives the block back to the thread when no tape took it.
    mutating func release() {
        if block.baseAddress != nil { TapeScratch.giveBack(block: block) }
        self = TapeEntries()
    }

    /// Doubles the block, keeping the entries written.
    mutating func grow() {
        let larger = TapeScratch.takeBlock(capacity: max(64, block.count * 2))
        if count > 0 { larger.baseAddress!.moveInitialize(from: block.baseAddress!, count: count) }
        let filled = count
        release()
        block = larger
        count = filled
    }
}

/// What a thread keeps from one record to the next for reading records onto tapes: the blocks
/// finished tapes kept their entries in.
///
/// Each line of an NDJSON export is its own value, read onto a tape of a few kilobytes that
/// lives only while its model is built. Without the blocks kept here, every record allocated a
/// block for its tape: blocks that size are beyond the C library's per-thread caches, so each
/// went through the malloc arena, and with two workers each such allocation also swept the
/// arena's small free chunks together (`malloc_consolidate`). Each thread keeps its own
/// (workers never share one); a block past a megabyte is not kept, nor more than a few.
final class TapeScratch {
    private var blocks: [UnsafeMutableBufferPointer<JSONTape.Entry>] = []

    /// The largest block kept between values, in entries (a megabyte).
    private static let keptCapacity = 1 << 16
    /// At most this many blocks are kept.
    private static let keptBlocks = 8

    /// A block for a tape's entries, of at least `capacity`: a kept one, or a new one rounded
    /// up to a power of two (so that it fits the tapes that follow).
    static func takeBlock(capacity: Int) -> UnsafeMutableBufferPointer<JSONTape.Entry> {
        let scratch = current
        if let found = scratch.blocks.lastIndex(where: { $0.count >= capacity }) {
            return scratch.blocks.remove(at: found)
        }
        let rounded = capacity <= keptCapacity ? max(64, 1 << (Int.bitWidth - (capacity - 1).leadingZeroBitCount)) : capacity
        return .allocate(capacity: rounded)
    }

    /// Takes a finished tape's block back for the thread's next tapes, or frees it.
    static func giveBack(block: UnsafeMutableBufferPointer<JSONTape.Entry>) {
        let scratch = current
        guard block.count <= keptCapacity, scratch.blocks.count < keptBlocks else {
            block.deallocate()
            return
        }
        scratch.blocks.append(block)
    }

    deinit {
        for block in blocks { block.deallocate() }
    }

    private static let perThread = PerThread { TapeScratch() }

    private static var current: TapeScratch { perThread.current }
}

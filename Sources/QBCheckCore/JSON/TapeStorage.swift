import Foundation

/// The blocks tapes keep their entries in, handed back when a tape goes and reused by the
/// thread's next tapes.
///
/// Every record read makes a tape of a few kilobytes that lives only while its model is built.
/// Blocks that size are beyond the C library's per-thread caches: each one allocated and freed
/// went through its arena, and with two threads each such allocation also swept the arena's
/// small free chunks together (`malloc_consolidate`). A thread keeps a few freed blocks instead
/// and gives them to its next tapes (`TapeScratch` does the same for the parser's array).
final class TapeStorage {
    private var blocks: [UnsafeMutableBufferPointer<JSONTape.Entry>] = []

    /// At most this many blocks are kept per thread, none larger than a megabyte.
    private static let keptBlocks = 8
    private static let keptCapacity = 1 << 16

    /// A block of at least `capacity` entries: a kept one, or a new one rounded up to a power
    /// of two (so that it fits the tapes that follow).
    static func take(capacity: Int) -> UnsafeMutableBufferPointer<JSONTape.Entry> {
        let storage = current
        if let found = storage.blocks.lastIndex(where: { $0.count >= capacity }) {
            return storage.blocks.remove(at: found)
        }
        let rounded = capacity <= keptCapacity ? max(64, 1 << (Int.bitWidth - (capacity - 1).leadingZeroBitCount)) : capacity
        return .allocate(capacity: rounded)
    }

    /// Takes a block back for the thread's next tapes, or frees it.
    static func giveBack(_ block: UnsafeMutableBufferPointer<JSONTape.Entry>) {
        let storage = current
        guard block.count <= keptCapacity, storage.blocks.count < keptBlocks else {
            block.deallocate()
            return
        }
        storage.blocks.append(block)
    }

    deinit {
        for block in blocks { block.deallocate() }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { storage in
            guard let storage else { return }
            Unmanaged<TapeStorage>.fromOpaque(storage).release()
        }
        return key
    }()

    private static var current: TapeStorage {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<TapeStorage>.fromOpaque(existing).takeUnretainedValue()
        }
        let storage = TapeStorage()
        pthread_setspecific(key, Unmanaged.passRetained(storage).toOpaque())
        return storage
    }
}

/// Arrays a thread fills again and again with what one record holds (an NDJSON line's bytes,
/// an invoice's lines), each written over in place once the record holding it is gone.
///
/// With one worker, a record is gone before the next is read, and one array serves them all.
/// With workers, a chunk's records handed over whole are kept until the reading thread has seen
/// them (and freed by the thread that read them), so the arrays are gone round in a ring: an array a record
/// still holds is found shared when it is emptied (emptying it made a new one, for the record
/// at hand), and the ring grows by one; an array no record holds any more is written over. A
/// new array per record had been a heap block of a few kilobytes made and freed each time (and
/// an invoice's lines a second one when a group line's lines did not fit): with workers, which
/// free a chunk's records together, glibc's malloc served them slowly.
final class ArrayRing<Element> {
    private var ring: [[Element]] = [[]]
    private var next = 0
    /// Whether the array `take` handed out was still held by a record.
    private var tookHeld = false
    /// The ring grows to at most this many arrays: more than the records of the chunks in flight.
    private static var largestRing: Int { 1024 }

    /// The next array of the ring, emptied, with its room kept unless that is far more than
    /// `count` elements (with `slack`): a long record's room is not kept for the short ones
    /// that follow. Fill it, then hand it to `keep`.
    func take(expecting count: Int, slack: Int) -> [Element] {
        var array: [Element] = []
        swap(&array, &ring[next])
        tookHeld = false
        if array.capacity > 2 * count + slack { return [] }
        let before = array.withUnsafeBufferPointer { $0.baseAddress }
        array.removeAll(keepingCapacity: true)
        tookHeld = array.capacity > 0 && array.withUnsafeBufferPointer { $0.baseAddress } != before
        return array
    }

    /// Keeps the array `take` handed out, filled, for the records to come, and returns it for
    /// the record at hand. (A record read with an error never hands its array back: its slot
    /// is empty until the ring comes round.)
    func keep(_ array: [Element]) -> [Element] {
        ring[next] = array
        if tookHeld, ring.count < Self.largestRing { ring.insert([], at: next + 1) }
        next = (next + 1) % ring.count
        return array
    }
}

/// The rings of one thread: each thread reads its own records, and frees them.
final class ThreadArrays {
    /// NDJSON lines, each copied out of its block to be read as a file of its own.
    let lineBytes = ArrayRing<UInt8>()
    /// Sales transactions' lines.
    let transactionLines = ArrayRing<QBOLine>()

    private static let perThread = PerThread { ThreadArrays() }

    /// The calling thread's rings.
    static var current: ThreadArrays { perThread.current }
}

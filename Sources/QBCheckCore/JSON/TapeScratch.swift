import Foundation

/// The array a thread's parser fills with a value's entries, kept from one value to the next.
///
/// Each line of an NDJSON export is its own value: without a kept array, every line allocated
/// and freed a few kilobytes only to copy them onto its tape, and with two workers those large
/// blocks kept each thread's malloc arena consolidating. One array per thread is reused instead
/// (a thread's, so workers never share one); an array grown past a megabyte is not kept.
final class TapeScratch {
    private var entries: [JSONTape.Entry] = []

    /// The largest array kept between values, in entries (a megabyte).
    private static let keptCapacity = 1 << 16

    /// The calling thread's array, emptied, with at least `capacity` room.
    static func take(reserving capacity: Int) -> [JSONTape.Entry] {
        let scratch = current
        var entries = scratch.entries
        scratch.entries = []
        entries.removeAll(keepingCapacity: true)
        entries.reserveCapacity(capacity)
        return entries
    }

    /// Gives the array back for the thread's next value.
    static func giveBack(_ entries: consuming [JSONTape.Entry]) {
        guard entries.capacity <= keptCapacity else { return }
        current.entries = entries
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { scratch in
            guard let scratch else { return }
            Unmanaged<TapeScratch>.fromOpaque(scratch).release()
        }
        return key
    }()

    private static var current: TapeScratch {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<TapeScratch>.fromOpaque(existing).takeUnretainedValue()
        }
        let scratch = TapeScratch()
        pthread_setspecific(key, Unmanaged.passRetained(scratch).toOpaque())
        return scratch
    }
}

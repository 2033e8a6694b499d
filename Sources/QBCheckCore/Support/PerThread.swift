import Foundation

/// One object for each thread that asks, made the first time it asks and released when the
/// thread ends: what a reading thread keeps from one record to the next (`TapeScratch`,
/// `ThreadArrays`) without a lock, since no other thread ever sees it.
///
/// `@unchecked Sendable`: the key and the maker are set once, in `init`; each thread reaches
/// only its own object through them.
final class PerThread<Object: AnyObject>: @unchecked Sendable {
    private let key: pthread_key_t
    private let make: @Sendable () -> Object

    init(_ make: @escaping @Sendable () -> Object) {
        var key = pthread_key_t()
        pthread_key_create(&key) { object in
            guard let object else { return }
            Unmanaged<AnyObject>.fromOpaque(object).release()
        }
        self.key = key
        self.make = make
    }

    /// The calling thread's object.
    var current: Object {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<Object>.fromOpaque(existing).takeUnretainedValue()
        }
        let object = make()
        pthread_setspecific(key, Unmanaged.passRetained(object).toOpaque())
        return object
    }
}

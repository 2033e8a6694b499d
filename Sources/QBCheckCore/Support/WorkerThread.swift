import Foundation

/// A thread of its own that runs the jobs handed to it, in order.
///
/// NDJSON workers are threads, not a dispatch queue, because glibc's malloc gives each thread
/// its own arena: records a worker builds are freed by that same worker (see `OrderedWork`), so
/// no two threads fight over one arena's lock. Freed on the reading thread instead, they made
/// it wait on that lock thousands of times per file.
///
/// The jobs wait behind an `NSLock` (a pthread mutex), not a `Mutex`: ThreadSanitizer sees
/// through the one and not the other's futex, and reported every hand-over as a race.
package final class WorkerThread: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var jobs: [@Sendable () -> Void] = []
    private let pending = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    package init(name: String) {
        let thread = Thread { [self] in
            // Named from the thread itself, which names it for `perf` and `top -H` too.
            Thread.current.name = name
            while true {
                pending.wait()
                guard let job = lock.withLock({ jobs.isEmpty ? nil : jobs.removeFirst() }) else { break }
                job()
            }
            stopped.signal()
        }
        thread.name = name
        thread.start()
    }

    package func run(_ job: @escaping @Sendable () -> Void) {
        lock.withLock { jobs.append(job) }
        pending.signal()
    }

    /// Runs the jobs handed over so far, then ends the thread; returns when it has ended.
    package func stop() {
        pending.signal()
        stopped.wait()
    }
}

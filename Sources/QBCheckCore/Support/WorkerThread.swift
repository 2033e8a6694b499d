import Foundation
import Synchronization

/// A thread of its own that runs the jobs handed to it, in order.
///
/// NDJSON workers are threads, not a dispatch queue, because glibc's malloc gives each thread
/// its own arena: records a worker builds are freed by that same worker (see `OrderedWork`), so
/// no two threads fight over one arena's lock. Freed on the reading thread instead, they made
/// it wait on that lock thousands of times per file.
package final class WorkerThread: Sendable {
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let pending = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    package init(name: String) {
        let thread = Thread { [self] in
            // Named from the thread itself, which names it for `perf` and `top -H` too.
            Thread.current.name = name
            while true {
                pending.wait()
                guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { break }
                job()
            }
            stopped.signal()
        }
        thread.name = name
        thread.start()
    }

    package func run(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        pending.signal()
    }

    /// Runs the jobs handed over so far, then ends the thread; returns when it has ended.
    package func stop() {
        pending.signal()
        stopped.wait()
    }
}

import Foundation
import Synchronization

/// Runs jobs on worker threads and hands their results back on the caller's thread, in the
/// order the jobs were given: what lets records be parsed and judged on both cores while the
/// rules with memory, and the report, see them in input order.
///
/// `workers` counts the caller's thread: while it waits for the oldest result it runs the next
/// job nobody has begun, so N workers never mean more busy threads than N cores. A few jobs are
/// in flight at a time, so memory stays bounded whatever the input's size. A result is freed by
/// the worker that made it, in that thread's malloc arena (see `WorkerThread`).
package final class OrderedWork<Result: Sendable> {
    private let threads: [WorkerThread]
    private var nextThread = 0
    private var inFlight: [Slot] = []
    private let limit: Int
    private let deliver: (Result) -> Void

    /// A job and, once someone ran it, its result.
    private final class Slot: @unchecked Sendable {
        let job: @Sendable () -> Result
        /// Set by whoever ran the job before `finish`, read by the caller after it, and let go
        /// by the worker that ran it.
        var result: Result?
        /// The worker that ran the job (nil: the caller's thread), which frees the result.
        var runner: WorkerThread?
        let done = DispatchSemaphore(value: 0)
        private let taken = Atomic<Bool>(false)
        private let finished = Atomic<Bool>(false)

        init(job: @escaping @Sendable () -> Result) {
            self.job = job
        }

        /// Whoever takes the slot first (a worker, or the caller) runs the job.
        func take() -> Bool {
            taken.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        }

        var isTaken: Bool { taken.load(ordering: .acquiring) }
        var isFinished: Bool { finished.load(ordering: .acquiring) }

        func run() {
            result = job()
            finished.store(true, ordering: .releasing)
            done.signal()
        }
    }

    /// `deliver` gets each result on the caller's thread, during `submit` and `finish`. The
    /// threads are named `qbcheck.NAME.N` (Linux keeps 15 bytes: NAME of five at most).
    package init(workers: Int, name: String, deliver: @escaping (Result) -> Void) {
        threads = (1..<max(1, workers)).map { WorkerThread(name: "qbcheck.\(name).\($0)") }
        // Three jobs beyond one per worker: with one, the caller often waited on the oldest
        // job with none left to run itself (two workers ran 4 % slower); seven held more
        // memory and ran no faster.
        limit = max(1, workers) + 3
        self.deliver = deliver
    }

    deinit {
        for thread in threads { thread.stop() }
    }

    /// Runs `job` on a worker (on the caller's thread when there is none) and delivers the
    /// results that are due.
    package func submit(_ job: @escaping @Sendable () -> Result) {
        let slot = Slot(job: job)
        guard !threads.isEmpty else {
            deliver(job())
            return
        }
        let thread = threads[nextThread]
        thread.run {
            guard slot.take() else { return }
            slot.runner = thread
            slot.run()
        }
        nextThread = (nextThread + 1) % threads.count
        inFlight.append(slot)
        drain(keeping: limit)
    }

    /// Delivers every result still due.
    package func finish() {
        drain(keeping: 0)
    }

    private func drain(keeping: Int) {
        while inFlight.count > keeping {
            let slot = inFlight.removeFirst()
            if slot.take() {
                slot.run()
            } else {
                // While a worker runs the oldest job, run the next one nobody has begun.
                while !slot.isFinished, let next = inFlight.first(where: { !$0.isTaken }), next.take() {
                    next.run()
                }
                slot.done.wait()
                // The acquiring load pairs with the worker's releasing store: what it wrote
                // is seen (and ThreadSanitizer, which does not see through the semaphore, knows).
                _ = slot.isFinished
            }
            guard slot.result != nil else { continue }
            deliver(slot.result!)
            // The worker that built the result frees it, in its own malloc arena. The slot
            // holds the only reference: a copy kept here until the end of the loop would, had
            // the worker dropped its own first, have been the last, and freed it on this thread.
            if let runner = slot.runner {
                runner.run { slot.result = nil }
            } else {
                slot.result = nil
            }
        }
    }
}

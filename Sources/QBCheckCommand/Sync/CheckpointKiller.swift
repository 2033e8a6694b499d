import Foundation
import Synchronization

/// Stops the process with SIGKILL at the sync's N-th durable step: how the crash tests cut a
/// run short anywhere, with no chance to clean up.
public final class CheckpointKiller: Sendable {
    private let remaining: Mutex<Int>

    public init(at step: Int) {
        remaining = Mutex(step)
    }

    public func reached(_ step: String) {
        let left = remaining.withLock { count in
            count -= 1
            return count
        }
        if left == 0 { kill(getpid(), SIGKILL) }
    }
}

import Foundation

/// One sync at a time per account: `DIR/.qbcheck/lock`, held with `flock` for the run. The
/// system drops the lock when the process ends, however it ends, so a killed run never leaves
/// the account locked.
public final class AccountLock: Sendable {
    private let descriptor: Int32
    public let path: String

    public struct Busy: Error, Sendable {
        public var message: String
    }

    /// Takes the lock; with `wait`, waits for the run holding it, otherwise refuses at once.
    public init(path: String, wait: Bool) throws(Busy) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Busy(message: "\(path): cannot open the sync lock (\(String(cString: strerror(errno))))")
        }
        if flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            let who = holder.isEmpty ? "" : " (\(holder))"
            throw Busy(message: "another qbcheck sync is running on this account\(who): wait for it to finish, or run again with --wait")
        }
        ftruncate(descriptor, 0)
        let note = "process \(getpid()), since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = note.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

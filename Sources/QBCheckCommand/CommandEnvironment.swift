import Foundation
import QBCheckCore

/// Everything a command touches outside itself, as a value: tests run commands in memory.
public struct CommandEnvironment: Sendable {
    public var fileSystem: FileSystem
    public var readStandardInput: @Sendable () -> [UInt8]
    public var currentDirectory: String
    /// Receives progress of long runs; nil when standard error is not a terminal, so CI logs
    /// stay clean.
    public var progress: (@Sendable (RunProgress) -> Void)?
    /// The current time as an ISO 8601 instant (the sync's timestamps); fixed in tests.
    public var clock: @Sendable () -> String = { CommandEnvironment.isoNow() }
    /// Called at each durable step of a sync run (the crash tests stop the process there).
    public var checkpoint: @Sendable (String) -> Void = { _ in }
    /// Writes output as it comes (`sync watch`); nil collects it into the result.
    public var emit: (@Sendable (String) -> Void)?
    /// Waits between `sync watch` cycles.
    public var sleep: @Sendable (Double) -> Void = { seconds in Thread.sleep(forTimeInterval: seconds) }
    /// Asks the person at the terminal to confirm; nil when there is none (scripts need --yes).
    public var confirm: (@Sendable (String) -> Bool)?
    /// The cores the process may use: how many threads read when `--jobs` is not given.
    public var cores = 1
    /// Takes what a command held when it is done and the process is about to exit, so it is
    /// not freed piece by piece (`ProcessExit.leave`); nil frees it as usual.
    public var leaveForExit: (@Sendable (any Sendable) -> Void)?

    public init(fileSystem: FileSystem, readStandardInput: @escaping @Sendable () -> [UInt8], currentDirectory: String,
                progress: (@Sendable (RunProgress) -> Void)? = nil) {
        self.fileSystem = fileSystem
        self.readStandardInput = readStandardInput
        self.currentDirectory = currentDirectory
        self.progress = progress
    }

    /// A path as reports show it: relative to the working folder when it lies inside it.
    func displayPath(_ path: String) -> String {
        let folder = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        if path.hasPrefix(folder) { return String(path.dropFirst(folder.count)) }
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}

extension CommandEnvironment {
    /// `2025-01-12T10:15:00Z`, the time in UTC to the second.
    ///
    /// Written from the C library's calendar: a sync asks the time at every batch, and an
    /// `ISO8601DateFormatter` made for each answer cost a few milliseconds (5 % of a first
    /// sync of 5,000 customers and invoices).
    public static func isoNow(_ seconds: Int = time(nil)) -> String {
        var clock = time_t(seconds)
        var parts = tm()
        gmtime_r(&clock, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2)
            + "T" + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2) + ":" + padded(parts.tm_sec, 2) + "Z"
    }
}

/// How far a run has come: documents and bytes read, and for how long.
public struct RunProgress: Sendable, Equatable {
    public var documents: Int
    public var bytes: Int
    public var seconds: Double

    public init(documents: Int, bytes: Int, seconds: Double) {
        self.documents = documents
        self.bytes = bytes
        self.seconds = seconds
    }

    /// `12,345 documents, 48.2 MB, 31.0 MB/s`.
    public var line: String {
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        return "\(documents) documents, \(Self.format(megabytes)) MB, \(Self.format(rate)) MB/s"
    }

    private static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// What a command printed and how it ended.
public struct CommandResult: Sendable, Equatable {
    public var exitCode: Int32
    public var standardOutput: String
    public var standardError: String
}

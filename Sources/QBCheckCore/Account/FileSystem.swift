import Foundation
import Synchronization

/// The file access qbcheck needs, as a value: `live` reads and writes the disk, `inMemory`
/// serves tests (and keeps what they write).
public struct FileSystem: Sendable {
    /// The names directly inside a folder, or nil when it is not a folder.
    public var listFolder: @Sendable (String) -> [String]?
    public var isFolder: @Sendable (String) -> Bool
    public var read: @Sendable (String) throws -> [UInt8]
    /// Replaces a file's content atomically.
    public var write: @Sendable (String, [UInt8]) throws -> Void
    /// Hands a file to `body` in blocks of whole lines (each block but the last ends with a line
    /// break), reading it in chunks, so a file of any size is read in bounded memory. A block
    /// is a buffer of its own, never changed once handed on: it may be kept as it is.
    public var readLineBlocks: @Sendable (String, (ArraySlice<UInt8>) -> Void) throws -> Void
    /// The first bytes of a file, at most this many.
    public var readPrefix: @Sendable (String, Int) throws -> [UInt8]
    /// A regular file's size in bytes, without reading it; nil for anything else (no such file,
    /// a folder, a pipe), which is read as it comes.
    public var size: @Sendable (String) -> Int?

    public init(listFolder: @escaping @Sendable (String) -> [String]?, isFolder: @escaping @Sendable (String) -> Bool,
                read: @escaping @Sendable (String) throws -> [UInt8], write: @escaping @Sendable (String, [UInt8]) throws -> Void,
                readLineBlocks: (@Sendable (String, (ArraySlice<UInt8>) -> Void) throws -> Void)? = nil,
                readPrefix: (@Sendable (String, Int) throws -> [UInt8])? = nil,
                size: (@Sendable (String) -> Int?)? = nil) {
        self.listFolder = listFolder
        self.isFolder = isFolder
        self.read = read
        self.write = write
        self.readLineBlocks = readLineBlocks ?? { path, body in
            let bytes = try read(path)
            if !bytes.isEmpty { body(bytes[...]) }
        }
        self.readPrefix = readPrefix ?? { path, count in Array(try read(path).prefix(count)) }
        self.size = size ?? { path in try? read(path).count }
    }

    /// A buffer of `count` bytes for `read(2)` to fill after `start`, which it begins with: the
    /// rest is not zeroed first (twice a block per block read), as only the bytes read are
    /// ever looked at.
    static func readBuffer(_ count: Int, startingWith start: ArraySlice<UInt8> = []) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: start)
            initialized = count
        }
    }

    /// Hands each line of `block` to `body` (with its line break, if any), found with
    /// `memchr`; returns how many there were.
    @discardableResult
    public static func forEachLine(in block: ArraySlice<UInt8>, _ body: (ArraySlice<UInt8>) -> Void) -> Int {
        var lines = 0
        var start = block.startIndex
        block.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var position = 0
            while position < buffer.count,
                  let found = memchr(base + position, Int32(UInt8(ascii: "\n")), buffer.count - position) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                body(block[start + position...start + end])
                lines += 1
                position = end + 1
            }
            start += position
        }
        if start < block.endIndex {
            body(block[start...])
            lines += 1
        }
        return lines
    }

    public static let live = FileSystem(
        listFolder: { path in
            try? FileManager.default.contentsOfDirectory(atPath: path)
        },
        isFolder: { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        },
        read: { path in
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw FileSystemError(message: FileManager.default.fileExists(atPath: path) ? "cannot read the file (permission denied)" : "no such file")
            }
            defer { try? handle.close() }
            return try FileSystem.readWhole(handle)
        },
        write: { path, bytes in
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw FileSystemError(message: "cannot write the file (\(error.localizedDescription))")
            }
        },
        readLineBlocks: { path, body in
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw FileSystemError(message: FileManager.default.fileExists(atPath: path) ? "cannot read the file (permission denied)" : "no such file")
            }
            defer { try? handle.close() }
            // A quarter megabyte read at a time, straight behind the unfinished line of the last
            // read, and the lines it completes handed on from the buffer itself: memory stays a
            // few megabytes whatever the file's size, and no byte is copied but a line's tail.
            // (Blocks of a megabyte cost 2 ms more in every run: the first touch of each page of
            // the buffers, about 800 page faults more, before malloc reuses them.)
            // Each block is a buffer of its own, never written again once handed on: a reader
            // may keep its block (the parallel check hands slices of it to worker threads)
            // without copying it, where a reused buffer had to be copied out first, on the one
            // thread that reads for all.
            let descriptor = handle.fileDescriptor
            let blockSize = 1 << 18
            var buffer = FileSystem.readBuffer(2 * blockSize)
            var filled = 0
            while true {
                // A line longer than the buffer's room doubles it.
                if buffer.count - filled < blockSize { buffer = FileSystem.readBuffer(2 * buffer.count, startingWith: buffer[..<filled]) }
                let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, blockSize) }
                if count < 0, errno == EINTR { continue }
                if count < 0 { throw FileSystemError(message: "cannot read the file (\(String(cString: strerror(errno))))") }
                if count == 0 { break }
                let newBytes = filled..<filled + count
                filled += count
                // Only the new bytes can hold a break: a line of a gigabyte is not searched again.
                guard let lastBreak = buffer[newBytes].lastIndex(of: UInt8(ascii: "\n")) else { continue }
                let tail = filled - (lastBreak + 1)
                let next = FileSystem.readBuffer(max(2 * blockSize, tail + blockSize), startingWith: buffer[(lastBreak + 1)..<filled])
                body(buffer[...lastBreak])
                buffer = next
                filled = tail
            }
            if filled > 0 { body(buffer[..<filled]) }
        },
        readPrefix: { path, count in
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw FileSystemError(message: FileManager.default.fileExists(atPath: path) ? "cannot read the file (permission denied)" : "no such file")
            }
            defer { try? handle.close() }
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let read = bytes.withUnsafeMutableBytes { Foundation.read(handle.fileDescriptor, $0.baseAddress! + filled, count - filled) }
                if read < 0, errno == EINTR { continue }
                if read < 0 { throw FileSystemError(message: "cannot read the file (\(String(cString: strerror(errno))))") }
                if read == 0 { break }
                filled += read
            }
            return Array(bytes[..<filled])
        },
        size: { path in
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        })

    /// Reads a file straight into one array of its size: a 1 GB file costs 1 GB, not a
    /// `Data` and a copy of it.
    static func readWhole(_ handle: FileHandle) throws -> [UInt8] {
        var info = stat()
        let descriptor = handle.fileDescriptor
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            // Not a regular file (a pipe, a device): read it in chunks.
            do {
                return Array(try handle.readToEnd() ?? Data())
            } catch {
                throw FileSystemError(message: "cannot read the file (\(error.localizedDescription))")
            }
        }
        // Not zeroed first: `read(2)` writes every byte kept (a snapshot's gigabytes were
        // written twice, zeros then the file).
        var bytes = readBuffer(Int(info.st_size))
        var filled = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { break }
                filled += count
            }
        }
        guard failure == 0 else { throw FileSystemError(message: "cannot read the file (\(String(cString: strerror(failure))))") }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        // A file that grew while it was read is read to its end.
        while let more = try? handle.read(upToCount: 1 << 20), !more.isEmpty { bytes.append(contentsOf: more) }
        return bytes
    }

    /// The same files with relative paths taken from `folder`, as a process whose working
    /// folder it is would see them; `writes` receives what is written, when given.
    public func rooted(at folder: String, writes: InMemoryFiles? = nil) -> FileSystem {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let resolve: @Sendable (String) -> String = { $0.hasPrefix("/") ? $0 : base + $0 }
        let (list, isFolder, read, write, readLineBlocks, readPrefix, size) = (listFolder, self.isFolder, self.read, self.write, self.readLineBlocks, self.readPrefix, self.size)
        return FileSystem(
            listFolder: { list(resolve($0)) },
            isFolder: { isFolder(resolve($0)) },
            read: { try read(resolve($0)) },
            write: { path, bytes in
                if let writes { writes.write(path, bytes) } else { try write(resolve(path), bytes) }
            },
            readLineBlocks: { path, body in try readLineBlocks(resolve(path), body) },
            readPrefix: { path, count in try readPrefix(resolve(path), count) },
            size: { size(resolve($0)) })
    }

    /// Files held in memory by path; folders are the paths' parents. What is written can be
    /// read back, and `files` shows it.
    public static func inMemory(_ initial: [String: String]) -> FileSystem {
        inMemory(InMemoryFiles(initial))
    }

    public static func inMemory(_ store: InMemoryFiles) -> FileSystem {
        FileSystem(
            listFolder: { path in
                let prefix = path.hasSuffix("/") ? path : path + "/"
                let names = Set(store.files.keys.filter { $0.hasPrefix(prefix) }.compactMap {
                    $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
                })
                return names.isEmpty ? nil : names.sorted()
            },
            isFolder: { path in
                let prefix = path.hasSuffix("/") ? path : path + "/"
                return store.files.keys.contains { $0.hasPrefix(prefix) }
            },
            read: { path in
                guard let bytes = store.files[path] else { throw FileSystemError(message: "no such file") }
                return bytes
            },
            write: { path, bytes in
                store.write(path, bytes)
            })
    }
}

/// The files of an in-memory file system, shared by the tests that look at what was written.
public final class InMemoryFiles: Sendable {
    private let storage: Mutex<[String: [UInt8]]>

    public init(_ files: [String: String] = [:]) {
        storage = Mutex(files.mapValues { Array($0.utf8) })
    }

    public var files: [String: [UInt8]] { storage.withLock { $0 } }

    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    public func write(_ path: String, _ bytes: [UInt8]) {
        storage.withLock { $0[path] = bytes }
    }
}

public struct FileSystemError: Error, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }
}

import Foundation

/// The file access qbcheck needs, as a value: `live` reads the disk, `inMemory` serves tests.
public struct FileSystem: Sendable {
    /// The files directly inside a folder (names only), or nil when it is not a folder.
    public var listFolder: @Sendable (String) -> [String]?
    public var isFolder: @Sendable (String) -> Bool
    public var read: @Sendable (String) throws -> [UInt8]

    public init(listFolder: @escaping @Sendable (String) -> [String]?, isFolder: @escaping @Sendable (String) -> Bool,
                read: @escaping @Sendable (String) throws -> [UInt8]) {
        self.listFolder = listFolder
        self.isFolder = isFolder
        self.read = read
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
            do {
                return Array(try handle.readToEnd() ?? Data())
            } catch {
                throw FileSystemError(message: "cannot read the file (\(error.localizedDescription))")
            }
        })

    /// Files held in memory by path; folders are the paths' parents.
    public static func inMemory(_ files: [String: String]) -> FileSystem {
        FileSystem(
            listFolder: { path in
                let prefix = path.hasSuffix("/") ? path : path + "/"
                let names = Set(files.keys.filter { $0.hasPrefix(prefix) }.compactMap {
                    $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
                })
                return names.isEmpty ? nil : names.sorted()
            },
            isFolder: { path in
                let prefix = path.hasSuffix("/") ? path : path + "/"
                return files.keys.contains { $0.hasPrefix(prefix) }
            },
            read: { path in
                guard let text = files[path] else { throw FileSystemError(message: "no such file") }
                return Array(text.utf8)
            })
    }
}

public struct FileSystemError: Error, Sendable {
    public var message: String
}

import QBCheckCore

extension FileSystem {
    /// The same files, with writes kept in `writes` instead of the disk: `sync plan` runs the
    /// whole sync on it, so what it shows is exactly what `apply` would do, and nothing changes.
    public func overlaid(by writes: InMemoryFiles) -> FileSystem {
        let base = self
        return FileSystem(
            listFolder: { path in
                let prefix = path.hasSuffix("/") ? path : path + "/"
                let written = writes.files.keys.filter { $0.hasPrefix(prefix) }.compactMap {
                    $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
                }
                let names = Set((base.listFolder(path) ?? []) + written)
                return base.listFolder(path) == nil && written.isEmpty ? nil : names.sorted()
            },
            isFolder: { path in
                let prefix = path.hasSuffix("/") ? path : path + "/"
                return base.isFolder(path) || writes.files.keys.contains { $0.hasPrefix(prefix) }
            },
            read: { path in
                if let bytes = writes.files[path] { return bytes }
                return try base.read(path)
            },
            write: { path, bytes in writes.write(path, bytes) })
    }
}

import QBCheckCore

/// One exported file of an account snapshot as JSON trees: one tree, or one per line for
/// NDJSON. The sync reads records out of it and the offline connector writes them back, in the
/// same layout, as a fresh export would show them.
public struct ExportFile: Sendable, Equatable {
    public var path: String
    public var lineDelimited: Bool
    /// The file's documents, each with the byte offset where it starts.
    public var roots: [Root]

    public struct Root: Sendable, Equatable {
        public var offset: Int
        public var tree: JSONTree
    }

    public init(path: String, lineDelimited: Bool = false, roots: [Root]) {
        self.path = path
        self.lineDelimited = lineDelimited
        self.roots = roots
    }

    /// Reads a file; nil when it does not parse (the validator has reported it already).
    public static func read(_ path: String, fileSystem: FileSystem) -> ExportFile? {
        guard let bytes = try? fileSystem.read(path) else { return nil }
        let file = SourceFile(name: path, bytes: bytes)
        var roots: [Root] = []
        for entry in JSONReader.read(file) {
            guard case .success(let value) = entry else { return nil }
            roots.append(Root(offset: value.offset, tree: JSONTree(value)))
        }
        return ExportFile(path: path, lineDelimited: roots.count > 1 || JSONReader.isLineDelimited(name: path), roots: roots)
    }

    /// The file's text: pretty JSON, or one compact document per line.
    public var bytes: [UInt8] {
        var text = JSONWriter.Text()
        if lineDelimited {
            for root in roots {
                root.tree.write(with: JSONWriter(indent: 0), level: 0, into: &text)
                text.append(raw: "\n")
            }
        } else {
            (roots.first?.tree ?? .null).write(with: JSONWriter(indent: 2), level: 0, into: &text)
            text.append(raw: "\n")
        }
        return text.bytes
    }
}

extension JSONTree {
    /// The value a JSON pointer's tokens lead to (array indexes as decimal tokens).
    public func value(at tokens: [String]) -> JSONTree? {
        var value: JSONTree? = self
        for token in tokens {
            switch value {
            case .array(let elements)?:
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                value = elements[index]
            case .object?:
                value = value?[token]
            default:
                return nil
            }
        }
        return value
    }
}

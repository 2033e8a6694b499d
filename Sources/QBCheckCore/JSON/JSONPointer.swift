/// An RFC 6901 JSON pointer such as `/Invoice/Line/2/Amount`, naming a value inside a file.
///
/// The model reads every field through a pointer, so appending is a constant-time step onto a
/// shared parent; the text is built only when a finding or an error prints it.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    private indirect enum Path: Sendable {
        case root
        case key(Path, String)
        case index(Path, Int)
    }

    private let path: Path

    public static let root = JSONPointer(path: .root)

    private init(path: Path) {
        self.path = path
    }

    /// Reads a pointer's text, e.g. `/rules/closed~1period`.
    public init(text: String) {
        self.init(JSONPointer.unescapedTokens(of: text))
    }

    public init(_ tokens: [String]) {
        var path = Path.root
        for token in tokens { path = .key(path, token) }
        self.path = path
    }

    public func appending(_ key: String) -> JSONPointer {
        JSONPointer(path: .key(path, key))
    }

    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(path: .index(path, index))
    }

    /// The unescaped reference tokens, outermost first.
    public var tokens: [String] {
        var tokens: [String] = []
        var current = path
        while true {
            switch current {
            case .root: return tokens.reversed()
            case .key(let parent, let key):
                tokens.append(key)
                current = parent
            case .index(let parent, let index):
                tokens.append(String(index))
                current = parent
            }
        }
    }

    /// The pointer's text; the empty string is the whole document.
    public var text: String {
        tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }

    public var description: String { text }

    /// Compared and hashed along the chain, token by token, with no array made: record
    /// identities are dictionary keys by the hundred thousand in preflight. A key and an index
    /// with the same text are the same token, as in the pointer's text.
    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        var left = lhs.path
        var right = rhs.path
        while true {
            switch (left, right) {
            case (.root, .root): return true
            case (.key(let leftParent, let leftKey), .key(let rightParent, let rightKey)):
                guard leftKey == rightKey else { return false }
                (left, right) = (leftParent, rightParent)
            case (.index(let leftParent, let leftIndex), .index(let rightParent, let rightIndex)):
                guard leftIndex == rightIndex else { return false }
                (left, right) = (leftParent, rightParent)
            case (.key(let leftParent, let key), .index(let rightParent, let index)),
                 (.index(let rightParent, let index), .key(let leftParent, let key)):
                guard key == String(index) else { return false }
                (left, right) = (leftParent, rightParent)
            default:
                return false
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        var current = path
        while true {
            switch current {
            case .root: return
            case .key(let parent, let key):
                if let index = Int(key), String(index) == key { hasher.combine(index) } else { hasher.combine(key) }
                current = parent
            case .index(let parent, let index):
                hasher.combine(index)
                current = parent
            }
        }
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.text < rhs.text
    }

    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    private static func unescapedTokens(of text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }
}

extension String {
    fileprivate func replacing(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension JSONValue {
    /// The value that `pointer` names below this one, if any.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current.kind {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

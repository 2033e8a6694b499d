/// An RFC 6901 JSON pointer such as `/Invoice/Line/2/Amount`, naming a value inside a file.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The pointer's text; the empty string is the whole document.
    public private(set) var text: String

    public static let root = JSONPointer(text: "")

    public init(text: String) {
        self.text = text
    }

    public init(_ tokens: [String]) {
        self.text = tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }

    public func appending(_ key: String) -> JSONPointer {
        JSONPointer(text: text + "/" + JSONPointer.escape(key))
    }

    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(text: text + "/" + String(index))
    }

    /// The unescaped reference tokens.
    public var tokens: [String] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            String($0).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    public var description: String { text }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.text < rhs.text
    }

    static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
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

/// Path patterns as `.gitignore` and SwiftLint use them: `*` within one folder, `**` across
/// folders, `?` one character. A pattern without a slash matches a file name in any folder; a
/// pattern naming a folder matches everything below it.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    public var description: String { pattern }

    public static func isPattern(_ text: String) -> Bool {
        text.contains { "*?[".contains($0) }
    }

    public func matches(_ path: String) -> Bool {
        var pattern = Glob.normalize(self.pattern)
        if !pattern.contains("/") { pattern = "**/" + pattern }
        let patternParts = Glob.components(pattern)
        let pathParts = Glob.components(Glob.normalize(path))
        // A pattern that matches a folder covers what is below it.
        for count in stride(from: pathParts.count, through: 1, by: -1) {
            if Glob.match(patternParts[...], pathParts[..<count]) { return true }
        }
        return false
    }

    /// Matches as a shell expands a pattern: the whole path, component by component.
    public func matchesWholePath(_ path: String) -> Bool {
        Glob.match(Glob.components(Glob.normalize(pattern))[...], Glob.components(Glob.normalize(path))[...])
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    static func normalize(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            for start in path.startIndex...path.endIndex where match(rest, path[start...]) { return true }
            return false
        }
        guard let component = path.first, matchComponent(Array(first), Array(component)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchComponent(_ pattern: [Character], _ text: [Character]) -> Bool {
        var memo: [Int: Bool] = [:]
        func go(_ p: Int, _ t: Int) -> Bool {
            let key = p * (text.count + 1) + t
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "*" {
                result = go(p + 1, t) || (t < text.count && go(p, t + 1))
            } else if t < text.count, pattern[p] == "?" || pattern[p] == text[t] {
                result = go(p + 1, t + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return go(0, 0)
    }
}

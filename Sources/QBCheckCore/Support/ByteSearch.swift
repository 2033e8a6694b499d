/// A byte string to look for in raw input before parsing it (Boyer-Moore-Horspool: most
/// positions are skipped by the pattern's length, where a scan for its first byte would stop at
/// every quote of a JSON text). Built once, used on every line.
public struct BytePattern: Sendable {
    public let bytes: [UInt8]
    private let skip: [Int]

    public init(_ text: String) {
        bytes = Array(text.utf8)
        var skip = [Int](repeating: max(bytes.count, 1), count: 256)
        for index in 0..<max(bytes.count - 1, 0) { skip[Int(bytes[index])] = bytes.count - 1 - index }
        self.skip = skip
    }

    /// Whether `haystack` holds the pattern anywhere.
    public func occurs(in haystack: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard haystack.count >= bytes.count else { return false }
        return haystack.withUnsafeBufferPointer { text -> Bool in
            bytes.withUnsafeBufferPointer { pattern -> Bool in
                skip.withUnsafeBufferPointer { skip -> Bool in
                    let last = pattern.count - 1
                    var position = 0
                    while position <= text.count - pattern.count {
                        let tail = text[position + last]
                        if tail == pattern[last] {
                            var index = 0
                            while index < last, text[position + index] == pattern[index] { index += 1 }
                            if index == last { return true }
                        }
                        position += skip[Int(tail)]
                    }
                    return false
                }
            }
        }
    }
}

import CByteSearch

/// A byte string to look for in raw input before parsing it: the C library's `memmem`, which
/// compares many bytes at a time, finds it or its absence in a block of NDJSON at several
/// gigabytes a second, far faster than any parse.
public struct BytePattern: Sendable {
    public let bytes: [UInt8]

    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Whether `haystack` holds the pattern anywhere.
    public func occurs(in haystack: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard haystack.count >= bytes.count else { return false }
        return haystack.withUnsafeBufferPointer { text in
            bytes.withUnsafeBufferPointer { pattern in
                qbcheck_contains(text.baseAddress!, text.count, pattern.baseAddress!, pattern.count) != 0
            }
        }
    }
}

extension String {
    /// Whether the UTF-8 bytes of `other` occur in this string's. Rules ask it of every record:
    /// Foundation's `contains` bridges to `NSString`, and the standard library's `firstRange(of:)`
    /// builds a search table per call; both cost more than the record's whole reading.
    package func containsBytes(of other: String) -> Bool {
        var text = self
        var pattern = other
        return text.withUTF8 { text in
            pattern.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard text.count >= pattern.count else { return false }
                return qbcheck_contains(text.baseAddress!, text.count, pattern.baseAddress!, pattern.count) != 0
            }
        }
    }
}

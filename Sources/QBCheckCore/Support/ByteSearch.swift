import Foundation

extension ArraySlice<UInt8> {
    /// Whether the bytes hold `needle` anywhere: memchr to each candidate first byte, then a
    /// comparison of the rest.
    public func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return withUnsafeBytes { haystack -> Bool in
            guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
            var position = 0
            let last = haystack.count - needle.count
            while position <= last {
                guard let found = memchr(base + position, Int32(first), last - position + 1) else { return false }
                let start = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + start, needle, needle.count) == 0 { return true }
                position = start + 1
            }
            return false
        }
    }
}

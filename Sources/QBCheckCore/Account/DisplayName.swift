/// QBO display names: unique across customers, vendors and employees ("Another customer,
/// vendor or employee is already using this name", error 6240).
public enum DisplayName {
    /// Case and spacing folded, to catch names QBO may consider equal.
    public static func folded(_ name: String) -> String {
        if let ascii = foldedASCII(name) { return ascii }
        return name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The same folding for an ASCII name, byte by byte (most names); nil for any other. Written
    /// straight into the string's own storage: asked twice of each of a million customers, an
    /// array of the bytes, then a string copied from it, had cost a tenth of a preflight's
    /// first look.
    private static func foldedASCII(_ name: String) -> String? {
        let count = name.utf8.count
        let folded = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var isASCII = true
            let folded = String(unsafeUninitializedCapacity: count) { out in
                var written = 0
                var pendingSpace = false
                for byte in bytes {
                    guard byte < 0x80 else {
                        isASCII = false
                        return 0
                    }
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = written > 0
                        continue
                    }
                    if pendingSpace {
                        out[written] = 0x20
                        written += 1
                        pendingSpace = false
                    }
                    out[written] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    written += 1
                }
                return written
            }
            return isASCII ? folded : nil
        }
        // A string not stored as UTF-8 (bridged) is folded the general way, which folds ASCII alike.
        return folded ?? nil
    }
}

/// QBO display names: unique across customers, vendors and employees ("Another customer,
/// vendor or employee is already using this name", error 6240).
public enum DisplayName {
    /// Case and spacing folded, to catch names QBO may consider equal.
    public static func folded(_ name: String) -> String {
        if let ascii = foldedASCII(name) { return ascii }
        return name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The same folding for an ASCII name, byte by byte (most names); nil for any other.
    private static func foldedASCII(_ name: String) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.append(0x20)
                pendingSpace = false
            }
            folded.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: folded, as: UTF8.self)
    }
}

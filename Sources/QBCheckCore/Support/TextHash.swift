/// The hash of the open-addressing tables that find names and document numbers by their text:
/// FNV-1a over the text's bytes, folded to 32 bits.
///
/// Keys are short, and a key lands in the same slot in every run (Swift's `Hasher` is seeded
/// per process, and its SipHash costs more than these keys need).
public enum TextHash {
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 29) ^ (hash >> 32))
    }

    public static func of(_ text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { of($0) }
    }
}

/// Idempotency keys: the same change planned again (after a crash, on a rerun) gets the same key,
/// so a system that saw it already answers as before instead of writing twice.
enum RequestID {
    /// `qbc-` and 32 hex digits: 36 characters, QBO's limit for batch request ids.
    static func of(_ parts: [String]) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for part in parts {
            for byte in part.utf8 + [0] {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                second = (second &+ UInt64(byte)) &* 0x9e37_79b9_7f4a_7c15
                second ^= second >> 29
            }
        }
        return "qbc-" + hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// How many decimals a currency's amounts carry (ISO 4217 minor units): QBO rounds amounts
/// half-up to that many places, to the cent for most currencies.
public enum CurrencyMinorUnits {
    /// The decimals of a currency code; 2 when the code is unknown or absent.
    ///
    /// Asked for every invoice, on every worker thread: the code is compared as three bytes
    /// packed in a number, not as a string against each code in turn (a library call per code,
    /// 1 % of a check), and the codes are kept inline, not in a shared set whose storage is a
    /// reference count the threads would pass back and forth.
    public static func places(for code: String?) -> Int {
        guard let code, let packed = packed(code) else { return 2 }
        if noMinorUnit.contains(packed) { return 0 }
        if threeMinorUnits.contains(packed) { return 3 }
        return 2
    }

    /// Currencies without a minor unit.
    private static let noMinorUnit = Codes("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF")
    /// Currencies with thousandths.
    private static let threeMinorUnits = Codes("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND")

    /// A code of three ASCII letters, upper-cased and packed into a number; nil for anything else.
    private static func packed(_ code: String) -> UInt32? {
        var packed: UInt32 = 0
        var count = 0
        for byte in code.utf8 {
            let upper = byte & 0xDF
            guard count < 3, upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { return nil }
            packed = packed << 8 | UInt32(upper)
            count += 1
        }
        return count == 3 ? packed : nil
    }

    /// Up to sixteen packed codes, held inline.
    private struct Codes: Sendable {
        private let codes: InlineArray<16, UInt32>
        private let count: Int

        init(_ names: String...) {
            precondition(names.count <= 16)
            let packedNames = names.map { CurrencyMinorUnits.packed($0)! }
            codes = InlineArray { $0 < packedNames.count ? packedNames[$0] : 0 }
            count = packedNames.count
        }

        func contains(_ packed: UInt32) -> Bool {
            // Read through a span: subscripting the inline array copied all of it each time.
            let codes = codes.span
            for index in 0..<count where codes[index] == packed { return true }
            return false
        }
    }
}

/// How many decimals a currency's amounts carry (ISO 4217 minor units): QBO rounds amounts
/// half-up to that many places, to the cent for most currencies.
public enum CurrencyMinorUnits {
    private static let zero: Set<String> = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]
    private static let three: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

    /// The decimals of a currency code; 2 when the code is unknown or absent.
    public static func places(for code: String?) -> Int {
        guard let code = code?.uppercased() else { return 2 }
        if zero.contains(code) { return 0 }
        if three.contains(code) { return 3 }
        return 2
    }
}

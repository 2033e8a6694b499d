/// How many decimals a currency's amounts carry (ISO 4217 minor units): QBO rounds amounts
/// half-up to that many places, to the cent for most currencies.
public enum CurrencyMinorUnits {
    /// The decimals of a currency code; 2 when the code is unknown or absent.
    ///
    /// A `switch` over literals rather than sets: it is asked for every invoice, on every
    /// worker thread, and a shared set's storage is a reference count the threads would share.
    public static func places(for code: String?) -> Int {
        guard let code = code?.uppercased() else { return 2 }
        switch code {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF": return 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND": return 3
        default: return 2
        }
    }
}

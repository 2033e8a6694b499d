/// A calendar day, as QBO dates (`TxnDate`, `BookCloseDate`) are: no time, no zone.
///
/// HubSpot sends date-times (`2025-01-06T00:00:00Z`) or epoch milliseconds; their UTC day is
/// taken, which is how HubSpot shows a date property.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Stored in 8 bytes, not 24: the model holds a date per invoice line.
    private var storedYear: Int32
    private var storedMonth: UInt8
    private var storedDay: UInt8

    public var year: Int {
        get { Int(storedYear) }
        set { storedYear = Int32(clamping: newValue) }
    }

    public var month: Int {
        get { Int(storedMonth) }
        set { storedMonth = UInt8(clamping: newValue) }
    }

    public var day: Int {
        get { Int(storedDay) }
        set { storedDay = UInt8(clamping: newValue) }
    }

    public init(year: Int, month: Int, day: Int) {
        storedYear = Int32(clamping: year)
        storedMonth = UInt8(clamping: month)
        storedDay = UInt8(clamping: day)
    }

    public init?(_ text: String) {
        var contiguous = text
        guard let date = contiguous.withUTF8({ CalendarDate(utf8: $0) }) else { return nil }
        self = date
    }

    /// The same, from the text's UTF-8 bytes (a date read straight from a file).
    init?(utf8: UnsafeBufferPointer<UInt8>) {
        if utf8.count >= 9, utf8.count <= 15, utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let milliseconds = utf8.reduce(0) { $0 * 10 + Int($1 - 48) }
            self.init(daysSinceEpoch: milliseconds / 86_400_000)
            return
        }
        // YYYY-MM-DD, optionally followed by a time (T or space).
        guard utf8.count >= 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in utf8[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), utf8[4] == UInt8(ascii: "-"), let month = number(5..<7),
              utf8[7] == UInt8(ascii: "-"), let day = number(8..<10) else { return nil }
        if utf8.count > 10, utf8[10] != UInt8(ascii: "T"), utf8[10] != UInt8(ascii: " ") { return nil }
        guard (1...12).contains(month), (1...CalendarDate.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

import QBCheckCore

/// A moment in time, in whole seconds since 1970 (UTC), read from the timestamps QBO and
/// HubSpot write (`2025-01-06T15:02:11.120Z`, `2014-09-19T13:16:17-07:00`, epoch milliseconds).
/// Sync filters compare creation times with the setup date at 12:00.
public struct Instant: Sendable, Hashable, Comparable {
    public var seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Noon (UTC) of a calendar day: the recommended filters' "[setup date] at 12:00".
    public init(noonOf date: CalendarDate) {
        seconds = Instant.days(date) * 86_400 + 12 * 3600
    }

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes.count >= 9, let milliseconds = Int(text) {
            seconds = milliseconds / 1000
            return
        }
        guard let date = CalendarDate(text) else { return nil }
        var seconds = Instant.days(date) * 86_400
        guard bytes.count > 10 else {
            self.seconds = seconds
            return
        }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let hour = number(11, 2), let minute = number(14, 2) else { return nil }
        seconds += hour * 3600 + minute * 60 + (number(17, 2) ?? 0)
        // The zone: Z, or ±HH:MM after the seconds and any fraction.
        var index = 19
        while index < bytes.count, bytes[index] != UInt8(ascii: "Z"), bytes[index] != UInt8(ascii: "+"), bytes[index] != UInt8(ascii: "-") { index += 1 }
        if index < bytes.count, bytes[index] != UInt8(ascii: "Z"), let zoneHour = number(index + 1, 2) {
            let zoneMinute = number(index + 4, 2) ?? 0
            let offset = zoneHour * 3600 + zoneMinute * 60
            seconds += bytes[index] == UInt8(ascii: "+") ? -offset : offset
        }
        self.seconds = seconds
    }

    static func days(_ date: CalendarDate) -> Int {
        // Days from civil (Howard Hinnant).
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.seconds < rhs.seconds
    }
}

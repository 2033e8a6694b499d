/// An exact decimal number for money and quantities: `significand × 10^exponent`.
///
/// QBO and HubSpot amounts are decimal; binary floating point would turn `0.1 + 0.2` into
/// `0.30000000000000004` and could call a correct invoice wrong. Values keep the scale they were
/// written with (`100.00` prints as `100.00`) but compare and hash by numeric value.
/// Up to 38 significant digits are held; anything larger is refused when read, not rounded.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The significand's two halves and the exponent, stored with 8-byte alignment: an
    /// `Int128` field would align the whole value to 16 bytes and make every amount in the
    /// model take 32 (preflight holds millions of them).
    private var significandLow: UInt64
    private var significandHigh: Int64
    private var storedExponent: Int32

    public private(set) var significand: Int128 {
        get { Int128(significandHigh) << 64 | Int128(significandLow) }
        set {
            significandLow = UInt64(truncatingIfNeeded: newValue)
            significandHigh = Int64(truncatingIfNeeded: newValue >> 64)
        }
    }

    public private(set) var exponent: Int {
        get { Int(storedExponent) }
        set { storedExponent = Int32(clamping: newValue) }
    }

    /// The largest exponent magnitude accepted when reading; `1e999` is no amount.
    public static let exponentLimit = 64

    public static let zero = ExactDecimal(significand: 0, exponent: 0)

    public init(significand: Int128, exponent: Int) {
        significandLow = UInt64(truncatingIfNeeded: significand)
        significandHigh = Int64(truncatingIfNeeded: significand >> 64)
        storedExponent = Int32(clamping: exponent)
    }

    public init(_ integer: Int) {
        self.init(significand: Int128(integer), exponent: 0)
    }

    /// Reads a JSON number or a numeric string such as `"-12.50"`, `"1e3"` or `"1234.565"`.
    /// Returns nil for text that is not a decimal number or is out of range.
    public init?(_ text: some StringProtocol) {
        var contiguous = String(text)
        guard let value = contiguous.withUTF8({ ExactDecimal(utf8: $0) }) else { return nil }
        self = value
    }

    /// The same, from the text's UTF-8 bytes (a number read straight from a file).
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
        if let plain = Self.plain(utf8) {
            self = plain
            return
        }
        var index = 0
        let end = utf8.count
        var negative = false
        if index < end, utf8[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        } else if index < end, utf8[index] == UInt8(ascii: "+") {
            index += 1
        }
        // Up to 18 digits fit a machine word; amounts rarely need more, so Int128 only then.
        var small: UInt64 = 0
        var significand: Int128 = 0
        var exponent = 0
        var digits = 0
        var sawDigit = false
        var sawPoint = false
        while index < end {
            let byte = utf8[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            index += 1
            if byte == UInt8(ascii: ".") {
                guard !sawPoint else { return nil }
                sawPoint = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            sawDigit = true
            if digits > 0 || digit != 0 { digits += 1 }
            guard digits <= 38 else { return nil }
            if digits <= 18 {
                small = small &* 10 &+ UInt64(digit)
            } else {
                if digits == 19 { significand = Int128(small) }
                significand = significand * 10 + Int128(digit)
            }
            if sawPoint { exponent -= 1 }
        }
        guard sawDigit else { return nil }
        if digits <= 18 { significand = Int128(small) }
        if index < end {
            index += 1
            var exponentNegative = false
            if index < end, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                exponentNegative = utf8[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < end else { return nil }
            var written = 0
            while index < end {
                let digit = utf8[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                written = written * 10 + Int(digit)
                guard written <= 10_000 else { return nil }
                index += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if significand == 0 { exponent = min(max(exponent, -Self.exponentLimit), 0) }
        guard abs(exponent) <= Self.exponentLimit else { return nil }
        self.init(significand: negative ? -significand : significand, exponent: exponent)
    }

    /// The shape nearly every amount has, `-?digits(.digits)?` with at most 18 digits, read in
    /// one tight loop; nil sends anything else (exponents, signs, long or odd text) the way
    /// through the full reading above, which gives the same value for this shape.
    private static func plain(_ utf8: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        guard let start = utf8.baseAddress, utf8.count > 0, utf8.count <= 19 else { return nil }
        let negative = start[0] == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        var value: UInt64 = 0
        var digits = 0
        var point = -1
        while index < utf8.count {
            let byte = start[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                value = value &* 10 &+ UInt64(digit)
                digits &+= 1
            } else if byte == UInt8(ascii: "."), point < 0 {
                point = index
            } else {
                return nil
            }
            index &+= 1
        }
        guard digits > 0, digits <= 18 else { return nil }
        let exponent = point < 0 ? 0 : point &- utf8.count &+ 1
        let magnitude = Int128(value)
        return ExactDecimal(significand: negative ? -magnitude : magnitude, exponent: exponent)
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }

    /// The number as written with its scale: `100.00`, `-0.5`, `1234.565`.
    public var description: String {
        let magnitude = significand.magnitude
        var digits = String(magnitude)
        if exponent >= 0 {
            if magnitude != 0 { digits += String(repeating: "0", count: exponent) }
        } else {
            let scale = -exponent
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return (significand < 0 ? "-" : "") + digits
    }

    /// The number with at least `places` decimals, as amounts are shown: `90` → `90.00`.
    public func formatted(minimumPlaces places: Int) -> String {
        guard -exponent < places, let scaled = significand.scaled(by: places + exponent) else { return description }
        return ExactDecimal(significand: scaled, exponent: -places).description
    }

    /// The same value without trailing zeros: `100.00` → `1e2` internally, so equal values match.
    public var normalized: ExactDecimal {
        var result = self
        if result.significand == 0 { return .zero }
        while result.significand % 10 == 0 {
            result.significand /= 10
            result.exponent += 1
        }
        return result
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        // At the same scale (an amount and the sum or product it is checked against, nearly
        // always) the significands tell; normalizing takes a 128-bit division per digit.
        if lhs.storedExponent == rhs.storedExponent {
            return lhs.significandLow == rhs.significandLow && lhs.significandHigh == rhs.significandHigh
        }
        let (left, right) = (lhs.normalized, rhs.normalized)
        return left.significand == right.significand && left.exponent == right.exponent
    }

    public func hash(into hasher: inout Hasher) {
        let value = normalized
        hasher.combine(value.significand)
        hasher.combine(value.exponent)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        if lhs.isZero || rhs.isZero { return lhs.significand < rhs.significand }
        let magnitudeLess = lhs.magnitudeIsLess(than: rhs)
        let magnitudeEqual = lhs == rhs
        if magnitudeEqual { return false }
        return lhs.isNegative ? !magnitudeLess : magnitudeLess
    }

    /// Compares magnitudes of two nonzero values without overflowing.
    private func magnitudeIsLess(than other: ExactDecimal) -> Bool {
        let (left, right) = (normalized, other.normalized)
        let leftDigits = String(left.significand.magnitude).count
        let rightDigits = String(right.significand.magnitude).count
        let leftOrder = leftDigits + left.exponent
        let rightOrder = rightDigits + right.exponent
        if leftOrder != rightOrder { return leftOrder < rightOrder }
        // Same order of magnitude: both fit in 38 digits at the smaller exponent.
        let exponent = min(left.exponent, right.exponent)
        let leftScaled = left.significand.magnitude * UInt128.power10(left.exponent - exponent)
        let rightScaled = right.significand.magnitude * UInt128.power10(right.exponent - exponent)
        return leftScaled < rightScaled
    }

    /// Both values at their common (smaller) exponent, or nil when that would overflow.
    private static func aligned(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> (Int128, Int128, Int)? {
        let exponent = min(lhs.exponent, rhs.exponent)
        guard let left = lhs.significand.scaled(by: lhs.exponent - exponent),
              let right = rhs.significand.scaled(by: rhs.exponent - exponent) else { return nil }
        return (left, right, exponent)
    }

    public static func + (lhs: ExactDecimal, rhs: ExactDecimal) throws(DecimalOverflow) -> ExactDecimal {
        // Amounts of one scale that fit a machine word add in one instruction.
        if lhs.storedExponent == rhs.storedExponent, let left = lhs.wordSignificand, let right = rhs.wordSignificand {
            let (sum, overflow) = left.addingReportingOverflow(right)
            if !overflow { return ExactDecimal(significand: Int128(sum), exponent: lhs.exponent) }
        }
        guard let (left, right, exponent) = aligned(lhs, rhs) else { throw DecimalOverflow() }
        let (sum, overflow) = left.addingReportingOverflow(right)
        guard !overflow else { throw DecimalOverflow() }
        return ExactDecimal(significand: sum, exponent: exponent)
    }

    public static func - (lhs: ExactDecimal, rhs: ExactDecimal) throws(DecimalOverflow) -> ExactDecimal {
        try lhs + rhs.negated
    }

    public static func * (lhs: ExactDecimal, rhs: ExactDecimal) throws(DecimalOverflow) -> ExactDecimal {
        if let left = lhs.wordSignificand, let right = rhs.wordSignificand {
            let (product, overflow) = left.multipliedReportingOverflow(by: right)
            if !overflow { return ExactDecimal(significand: Int128(product), exponent: lhs.exponent + rhs.exponent) }
        }
        let (product, overflow) = lhs.significand.multipliedReportingOverflow(by: rhs.significand)
        guard !overflow else { throw DecimalOverflow() }
        return ExactDecimal(significand: product, exponent: lhs.exponent + rhs.exponent)
    }

    /// The significand when it fits a machine word (nearly every amount), for arithmetic
    /// without 128-bit operations.
    private var wordSignificand: Int64? {
        let low = Int64(bitPattern: significandLow)
        return significandHigh == low >> 63 ? low : nil
    }

    public var negated: ExactDecimal {
        ExactDecimal(significand: 0 - significand, exponent: exponent)
    }

    /// Rounds half away from zero ("half-up" as QBO rounds amounts) to `scale` decimal places.
    public func rounded(toPlaces scale: Int) -> ExactDecimal {
        guard -exponent > scale else { return self }
        let drop = -exponent - scale
        guard drop <= 38 else { return ExactDecimal(significand: 0, exponent: -scale) }
        let divisor = Int128(UInt128.power10(drop))
        var quotient = significand / divisor
        let remainder = (significand % divisor).magnitude
        if remainder * 2 >= divisor.magnitude { quotient += significand < 0 ? -1 : 1 }
        return ExactDecimal(significand: quotient, exponent: -scale)
    }
}

/// An arithmetic result too large for an exact decimal; never silently rounded.
public struct DecimalOverflow: Error, Sendable {}

extension UInt128 {
    static func power10(_ exponent: Int) -> UInt128 {
        var result: UInt128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}

extension Int128 {
    func scaled(by power: Int) -> Int128? {
        var result = self
        for _ in 0..<power {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = next
        }
        return result
    }
}

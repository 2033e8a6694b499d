import QBCheckCore
import QBCheckTestSupport
import Testing

@Suite struct ExactDecimalTests {
    private func decimal(_ text: String) throws -> ExactDecimal {
        try #require(ExactDecimal(text))
    }

    @Test func addsWithoutBinaryRounding() throws {
        #expect(try decimal("0.1") + decimal("0.2") == decimal("0.3"))
        #expect(try (decimal("1234.565") + decimal("0")).description == "1234.565")
    }

    @Test func keepsTheWrittenScaleButComparesByValue() throws {
        #expect(try decimal("100.00").description == "100.00")
        #expect(try decimal("100.00") == decimal("100"))
        #expect(try decimal("1e2") == decimal("100"))
        #expect(try Set([decimal("100"), decimal("100.00")]).count == 1)
        #expect(try decimal("-0") == .zero)
        #expect(try decimal("-0").isZero)
    }

    @Test func ordersValuesOfAnyScale() throws {
        let ordered = try ["-12.5", "-0.001", "0", "0.00001", "9.99", "10", "123456789012345678901234567890.12345678"].map(decimal)
        #expect(ordered == ordered.sorted())
        #expect(try decimal("12.50") < decimal("12.51"))
        #expect(try !(decimal("12.50") < decimal("12.5")))
    }

    @Test func roundsHalfUpToTheCentAsQuickBooksDoes() throws {
        #expect(try decimal("2.345").rounded(toPlaces: 2) == decimal("2.35"))
        #expect(try decimal("2.344").rounded(toPlaces: 2) == decimal("2.34"))
        #expect(try decimal("-2.345").rounded(toPlaces: 2) == decimal("-2.35"))
        #expect(try decimal("7").rounded(toPlaces: 2) == decimal("7"))
    }

    @Test func multipliesQuantitiesByPricesExactly() throws {
        #expect(try decimal("2.5") * decimal("9.99") == decimal("24.975"))
        #expect(try decimal("-1") * decimal("35.00") == decimal("-35"))
    }

    @Test func refusesWhatItCannotHoldExactly() {
        for text in ["1e999", "1e-400", "123456789012345678901234567890.123456789", "12a", "", "-", "1.2.3", "1e", "--1", " 1"] {
            #expect(ExactDecimal(text) == nil, "accepted \(text)")
        }
        #expect(ExactDecimal("0e-400") == .zero)
    }

    @Test func reportsOverflowInsteadOfWrapping() throws {
        let huge = try decimal("99999999999999999999999999999999999999")
        #expect(throws: DecimalOverflow.self) { try huge + huge }
        #expect(throws: DecimalOverflow.self) { try huge * huge }
    }
}

extension ExactDecimalTests {
    @Test func showsAmountsWithAtLeastTwoDecimals() throws {
        #expect(try decimal("90").formatted(minimumPlaces: 2) == "90.00")
        #expect(try decimal("1234.565").formatted(minimumPlaces: 2) == "1234.565")
        #expect(try decimal("-0.5").formatted(minimumPlaces: 2) == "-0.50")
        #expect(try decimal("1e2").formatted(minimumPlaces: 2) == "100.00")
    }
    @Test func plainAmountsReadAsTheirExponentFormDoes() throws {
        // `12.50` is read by the short way for plain amounts, `1250e-2` by the full reading:
        // the same significand and exponent (scale kept), for every length and point place.
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...19, using: &random)
            let digits = String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            let fraction = Int.random(in: 0...count, using: &random)
            let sign = Bool.random(using: &random) ? "-" : ""
            let whole = digits.dropLast(fraction)
            let plain = sign + whole + (fraction > 0 || Bool.random(using: &random) ? "." : "") + digits.suffix(fraction)
            let read = ExactDecimal(plain)
            let exponentForm = try decimal(sign + digits + "e-\(fraction)")
            #expect(read?.significand == exponentForm.significand, "\(plain)")
            #expect(read?.exponent == exponentForm.exponent, "\(plain)")
        }
        #expect(ExactDecimal(".") == nil)
        #expect(ExactDecimal("-") == nil)
        #expect(ExactDecimal("1.2.3") == nil)
        #expect(try decimal("-0.00").description == "0.00")
        #expect(try decimal(".5").description == "0.5")
    }
}

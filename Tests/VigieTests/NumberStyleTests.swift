@testable import AuditReport
import Testing

/// The one number formatter of each language, on values worked out by hand.
@Suite struct NumberStyleTests {
    let en = Catalogue.english.numbers
    let fr = Catalogue.french.numbers

    @Test func countsAreGroupedByThousands() {
        #expect(en.integer(0) == "0")
        #expect(en.integer(999) == "999")
        #expect(en.integer(1_000) == "1,000")
        #expect(en.integer(1_234_567) == "1,234,567")
        #expect(en.integer(-1_270) == "-1,270")
        #expect(fr.integer(1_270) == "1\u{202F}270")
        #expect(fr.integer(12_345_678) == "12\u{202F}345\u{202F}678")
    }

    @Test func fixedRoundsHalfAwayFromZeroWithTheLanguagesMark() {
        #expect(en.fixed(0.125, 2) == "0.13")       // 0.125 is exact in binary: a true half
        #expect(en.fixed(-0.125, 2) == "-0.13")
        #expect(en.fixed(2.5, 0) == "3")
        #expect(en.fixed(-0.004, 2) == "0.00")      // no negative zero
        #expect(en.fixed(0.8, 2) == "0.80")
        #expect(en.fixed(1234.5, 1) == "1234.5")    // measures are not grouped
        #expect(fr.fixed(0.125, 2) == "0,13")
        #expect(fr.fixed(-4.5, 1) == "−4,5")        // French prose: the minus sign U+2212
        #expect(fr.integer(-1_270) == "−1\u{202F}270" && fr.decimal(-2.5, upTo: 3) == "−2,5" && fr.shortest(-0.01) == "−0,01")
        #expect(en.integer(-1_270) == "-1,270" && en.shortest(-0.01) == "-0.01")
        #expect(en.fixed(1e300, 2) == "1e+300")     // beyond exact digits: shortest form
    }

    @Test func percentagesChangesAndRanges() {
        #expect(en.percent(0.0912) == "9.1\u{a0}%")
        #expect(en.percent(0.5, 0) == "50\u{a0}%")
        #expect(fr.percent(0.0912) == "9,1\u{a0}%")
        #expect(en.signed(0, 1) == "+0.0")
        #expect(en.signed(0.4, 1) == "+0.4")
        #expect(en.signed(-0.6, 1) == "−0.6")       // U+2212
        #expect(fr.signed(-0.6, 1) == "−0,6")
        #expect(en.range(-0.123, 0.456, 2) == "-0.12–0.46")
        #expect(fr.range(0.1, 0.25, 2) == "[0,10\u{202F};\u{a0}0,25]")   // with a decimal comma, an interval in brackets
    }

    @Test func decimalsDropTrailingZeros() {
        #expect(en.decimal(1204, upTo: 3) == "1204")       // a measure, not a count: not grouped
        #expect(en.decimal(2.5, upTo: 3) == "2.5")
        #expect(en.decimal(1.0 / 3, upTo: 3) == "0.333")
        #expect(en.decimal(-5, upTo: 3) == "-5")
        #expect(en.decimal(0.0004, upTo: 3) == "0")
        #expect(fr.decimal(1204.5, upTo: 1) == "1204,5")
    }

    @Test func shortestAndNonFiniteValues() {
        #expect(en.shortest(0.01) == "0.01")
        #expect(fr.shortest(0.01) == "0,01")
        #expect(en.shortest(3) == "3")
        #expect(en.shortest(1e20) == "1e+20")
        #expect(en.fixed(.infinity, 4) == "∞")
        #expect(en.fixed(-.infinity, 4) == "−∞")
        #expect(en.signed(.infinity, 4) == "+∞")
        #expect(en.fixed(.nan, 1) == "—")
    }

    /// The machine form stays Swift's shortest round-trip text, whatever the language.
    @Test func machineNumbersAreUnchanged() {
        #expect(NumberFormat.exact(0.4484679665738162) == "0.4484679665738162")
        #expect(NumberFormat.exact(3696) == "3696")
        #expect(NumberFormat.fixed(-4.5, digits: 2) == "-4.50")
    }
}

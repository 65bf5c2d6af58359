@testable import AuditReport
import Testing

@Suite struct ChartNumberTests {
    @Test func printedValues() {
        #expect(ChartNumberFormat.percent(digits: 1).text(0.125) == "12.5 %")
        #expect(ChartNumberFormat.percent(digits: 0).text(0.5) == "50 %")
        #expect(ChartNumberFormat.decimal(digits: 2).text(0.8) == "0.80")
        #expect(ChartNumberFormat.decimal(digits: 2).text(0.8, numbers: Catalogue.french.numbers) == "0,80")
        #expect(ChartNumberFormat.percent(digits: 1).text(0.125, numbers: Catalogue.french.numbers) == "12,5 %")  // SVG text: a plain space
        #expect(ChartNumberFormat.decimal(digits: 3).text(-0.0004) == "0.000")
        #expect(ChartNumberFormat.decimal(digits: 1).text(1e20) == "1e+20")
        #expect(ChartNumberFormat.decimal(digits: 9).text(0.123456789) == "0.123")  // at most 3 decimals
    }

    @Test func coordinates() {
        #expect(ChartNumber.coordinate(120.5) == "120.5")
        #expect(ChartNumber.coordinate(80) == "80")
        #expect(ChartNumber.coordinate(392.32000000000005) == "392.32")
        #expect(ChartNumber.coordinate(-0.001) == "0")
        #expect(ChartNumber.coordinate(-2.346) == "-2.35")
        #expect(ChartNumber.coordinate(.nan) == "0")
    }

    @Test func tickDigits() {
        #expect(ChartNumberFormat.decimal(digits: 2).tickDigits(step: 0.25) == 2)
        #expect(ChartNumberFormat.percent(digits: 1).tickDigits(step: 0.25) == 0)
        #expect(ChartNumberFormat.percent(digits: 1).tickDigits(step: 0.025) == 1)
        #expect(ChartNumberFormat.decimal(digits: 2).tickDigits(step: 0.6000000000000001) == 1)
    }

    @Test func scales() {
        #expect(ChartScale.niceStep(0.2) == 0.2)
        #expect(ChartScale.niceStep(0.32) == 0.25)
        #expect(ChartScale.niceStep(2.8) == 2.5)
        #expect(ChartScale.niceStep(7) == 5)
        #expect(ChartScale.niceStep(8) == 10)
        let linear = ChartScale(kind: .linear, lower: 0, upper: 1, start: 0, end: 100)
        #expect(linear.ticks().map { ($0 * 10).rounded() } == [0, 2, 4, 6, 8, 10])
        #expect(linear.position(0.25) == 25)
        let log = ChartScale(kind: .logarithmic, lower: 0.5, upper: 2, start: 0, end: 100)
        #expect(log.ticks() == [0.5, 1, 2])
        // Within one decade, 1-2-5 gives a single tick: the linear ticks (step 0.2) instead.
        let narrow = ChartScale(kind: .logarithmic, lower: 0.55, upper: 1.4, start: 0, end: 100)
        #expect(narrow.ticks().map { ($0 * 10).rounded() } == [6, 8, 10, 12, 14])
        #expect(log.position(1) == 50)
        #expect(log.position(0) == nil && log.position(-1) == nil)
        #expect(log.clampedPosition(0) == 0)
        // Degenerate domains are widened, never divided by zero.
        let flat = ChartScale(kind: .linear, lower: 3, upper: 3, start: 0, end: 100)
        #expect(flat.position(3) == 50)
        let badLog = ChartScale(kind: .logarithmic, lower: 0, upper: 0, start: 0, end: 100)
        #expect(badLog.lower > 0 && badLog.upper > badLog.lower)
    }

    @Test func paletteNeverRepeatsAColourAndShapePairInTheFirst64Series() {
        var seen = Set<String>()
        for i in 0..<64 { seen.insert("\(ChartPalette.colour(i))\(ChartPalette.shape(i))") }
        #expect(seen.count == 64)
        #expect(ChartPalette.colour(0) == "#0072B2" && ChartPalette.shape(0) == .circle)
    }
}

import TestSupport
import Foundation
import Testing
@testable import AuditData

func csvParse(_ text: String, decimalComma: Bool = false) -> Double? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { CSVNumberParser.parse($0, decimalComma: decimalComma) }
}

@Suite("CSV reader: number parsing")
struct CSVNumberParsingTests {
    @Test func acceptedSyntax() {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0", -0.0), ("+3", 3), ("42", 42), ("007", 7), ("3.25", 3.25), ("-3.25", -3.25),
            ("5.", 5), (".5", 0.5), ("-.5", -0.5), ("1e3", 1000), ("1E+3", 1000), ("2.5e-3", 0.0025),
            ("1.e3", 1000), ("123456789012345", 123456789012345), ("0.1", 0.1), ("1e22", 1e22), ("1e23", 1e23),
            ("9007199254740993", 9007199254740992), ("1e-400", 0), ("4.9e-324", Double.leastNonzeroMagnitude),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("0.000000000000000000000000000001", 1e-30),
            ("12345678901234567890123", 12345678901234567890123.0), ("1" + String(repeating: "0", count: 40), 1e40),
        ]
        for (text, expected) in cases {
            let value = csvParse(text)
            #expect(value?.bitPattern == expected.bitPattern, "\(text) -> \(String(describing: value))")
        }
        #expect(csvParse("-0")?.sign == .minus)
    }

    @Test func rejectedSyntax() {
        for text in ["", "-", "+", ".", "-.", "e3", ".e3", "1e", "1e+", "1.2.3", "1,5", "1,000", "1 000", " 1", "1 ",
                     "inf", "-inf", "Infinity", "nan", "NaN", "0x10", "0x1p3", "1_000", "1e400", "-1e400", "--1",
                     "+-1", "1-", "1e3.5", "١٢", "１", "1d", "NA", "\"1\""] {
            #expect(csvParse(text) == nil, "\(text) should be rejected")
        }
    }

    @Test func decimalComma() {
        #expect(csvParse("3,5", decimalComma: true) == 3.5)
        #expect(csvParse("-0,125", decimalComma: true) == -0.125)
        #expect(csvParse(",5", decimalComma: true) == 0.5)
        #expect(csvParse("1,5e2", decimalComma: true) == 150)
        #expect(csvParse("12", decimalComma: true) == 12)
        #expect(csvParse("1,23456789012345678901", decimalComma: true) == Double("1.23456789012345678901"))
        #expect(csvParse("3.5", decimalComma: true) == nil)
        #expect(csvParse("1.000,5", decimalComma: true) == nil)
    }

    /// Random decimal strings of every shape: exact equality with the standard
    /// library's correctly rounded `Double(String)`.
    @Test func agreesWithStandardLibraryOnRandomDecimals() {
        var rng = SplitMix64(seed: 2024)
        var fastPathCount = 0
        for _ in 0..<200_000 {
            var text = ""
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text += "-"
            case 1: text += "+"
            default: break
            }
            let integerDigits = Int.random(in: 0...20, using: &rng)
            for _ in 0..<integerDigits { text += String(Int.random(in: 0...9, using: &rng)) }
            let fractionDigits = Int.random(in: 0...20, using: &rng)
            if fractionDigits > 0 || Bool.random(using: &rng) {
                text += "."
                for _ in 0..<fractionDigits { text += String(Int.random(in: 0...9, using: &rng)) }
            }
            if integerDigits + fractionDigits == 0 { text += "0" }
            if Int.random(in: 0..<3, using: &rng) == 0 {
                text += Bool.random(using: &rng) ? "e" : "E"
                if Bool.random(using: &rng) { text += Bool.random(using: &rng) ? "-" : "+" }
                text += String(Int.random(in: 0...330, using: &rng))
            }
            let expected = Double(text).flatMap { $0.isFinite ? $0 : nil }
            let value = csvParse(text)
            #expect(value?.bitPattern == expected?.bitPattern, "\(text): \(String(describing: value)) vs \(String(describing: expected))")
            if integerDigits + fractionDigits <= 15 { fastPathCount += 1 }
        }
        #expect(fastPathCount > 50_000)
    }

    /// Round trip of random doubles printed with their shortest representation
    /// (17 significant digits at most) and with fixed decimals, as exports do.
    @Test func roundTripsPrintedDoubles() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100_000 {
            let value = Double(bitPattern: rng.next())
            guard value.isFinite else { continue }
            #expect(csvParse(value.description)?.bitPattern == value.bitPattern, "\(value)")
            let money = Double(Int.random(in: -10_000_000...10_000_000, using: &rng)) / 100
            let text = String(format: "%.2f", money)
            #expect(csvParse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func clingerBoundaries() {
        // 15 and 16 significant digits, powers of ten at and beyond 22.
        for text in ["999999999999999", "9999999999999999", "1e22", "1e-22", "1e-23", "123456789012345e-22",
                     "123456789012345e-23", "1e37", "12345e33", "12345e34", "9.99999999999999e22",
                     "2.2250738585072011e-308", "2.2250738585072014e-308", "0.1e-22", "100000000000000000000000e-1"] {
            #expect(csvParse(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }
}

@testable import AuditApplication
import Foundation
import Testing

/// The scan's trimming of a value before it reads it as a number (`ScanRun.trimmingBlanks`,
/// which skips Foundation when both ends are ASCII and not blank) against Foundation's
/// `trimmingCharacters(in: .whitespaces)`, on values with blanks of every kind at either end.
@Suite("ScanNumberText")
struct ScanNumberTextTests {
    @Test func trimmingEqualsFoundations() {
        let blanks = ["", " ", "\t", "\u{00A0}", "\u{2009}", "\u{202F}", "\u{3000}", "\n", "\r"]
        let cores = ["", "12", "318.87", "-0,5", "abc", "é", "1 2", "x\u{0301}", "\u{00A0}"]
        for before in blanks {
            for core in cores {
                for after in blanks {
                    let text = before + core + after
                    #expect(ScanRun.trimmingBlanks(text) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
                }
            }
        }
    }
}

import AuditMetrics
@testable import AuditReport
import Testing

/// A finding's typed reason (`FindingReason`) worded per language: English as `findings.csv`
/// publishes it, French with no English word, decimal commas and unambiguous intervals.
@Suite struct FindingReasonTextTests {
    static let band = FindingReason.Band.difference(tolerance: 0.05)
    static let ratioBand = FindingReason.Band.ratio(low: 0.8, high: 1.25)
    static let causes: [FindingReason.Cause] = [
        .belowMinimumSize(.group, rows: 20, minimum: 30),
        .belowMinimumSize(.reference, rows: 12, minimum: 30),
        .tooFewInDenominator(.labelPositiveRows, .group, rows: 4, minimum: 5),
        .tooFewInDenominator(.applicantsNotSelectedByGrid, .reference, rows: 3, minimum: 5),
        .noInterval, .noMeanInterval,
        .outsideWithoutTest(low: -0.2, high: -0.1, band: band),
        .outside(low: -0.1234, high: -0.0612, band: band, pAdjusted: 0.00003, alpha: 0.05),
        .outsideNotSignificant(low: 0.5, high: 0.75, band: ratioBand, pAdjusted: 0.2),
        .within(low: 0.9, high: 1.1, band: ratioBand),
        .crossesEdge(low: -0.08, high: 0.01, band: band),
    ] + FindingReason.Denominator.allCases.map { .tooFewInDenominator($0, .group, rows: 1, minimum: 5) }

    @Test func englishIsTheFindingsCSVText() {
        let t = ReportText(.en)
        for cause in Self.causes {
            for r in [FindingReason(cause), FindingReason(cause, priority: .against(["handicap"]), pValueIsUpperBound: true),
                      FindingReason(cause, priority: .inFavour(["a", "b"]))] {
                #expect(t.reason(r) == r.description)
            }
        }
        #expect(FindingReason(.outside(low: -0.1234, high: -0.0612, band: Self.band, pAdjusted: 0.00003, alpha: 0.05)).description
            == "interval [-0.1234, -0.0612] outside the tolerance ±0.05; adjusted p < 0.0001 < 0.05")
    }

    @Test func frenchHasNoEnglishWord() {
        let t = ReportText(.fr)
        let undefined: [FindingReason.Cause] = [.valueUndefined(.forGroup(detail: "group weight is 0")),
                                                .valueUndefined(.forReference(detail: "x")), .valueUndefined(.referenceIsZero(detail: "the reference group's value is 0"))]
        for cause in Self.causes + undefined {
            let text = t.reason(FindingReason(cause, priority: .against(["handicap"]), pValueIsUpperBound: true))
            for word in ["interval ", "tolerance", "adjusted", " rows", "group ", "reference", "undefined", "too few", "household", "applicants",
                         "label-", "decisions", "mandated", "bound", "the ", " is "] {
                #expect(!text.contains(word), "\(word) in \(text)")
            }
        }
        #expect(t.reason(FindingReason(.within(low: 0.9, high: 1.1, band: Self.ratioBand)))
            == "intervalle [0,9\u{202F};\u{a0}1,1] dans la tolérance [0,8\u{202F};\u{a0}1,25]")
        #expect(t.reason(FindingReason(.tooFewInDenominator(.labelPositiveRows, .group, rows: 4, minimum: 5)))
            == "trop peu de lignes au label positif dans le groupe (4 < 5)")
    }
}

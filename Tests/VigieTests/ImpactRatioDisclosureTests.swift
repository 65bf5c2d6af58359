import AuditApplication
import AuditAssessment
import AuditData
import AuditMetrics
import Foundation
import Testing

/// Impact ratios under disclosure control: withheld only when publishing them would give a
/// hidden value away — the hidden group's own, or one whose denominator (the most favoured
/// comparable group) is hidden — not every ratio of an attribute because one cell is hidden.
@Suite struct ImpactRatioDisclosureTests {
    typealias S = ReportTestSupport

    static func audit(_ groups: [(String, Int, Int)]) throws -> AuditResult {
        var spec = S.spec()
        spec.analysis.minCellSize = 10
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-ir-\(UUID().uuidString).csv")
        try Data(S.csv(groups).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        spec.data.path = file.path
        return try AuditPipeline.compute(store: AuditPipeline.load(spec).store, spec: spec, threads: 1)
    }

    @Test func ratiosOfPublishedGroupsAgainstAPublishedTopStay() throws {
        // tiny (5 rows) is hidden, and one more cell beside it; A (30/60 = 0.5) is the top.
        let r = try Self.audit([("A", 60, 30), ("B", 50, 10), ("C", 80, 24), ("tiny", 5, 2)])
        let g = try #require(r["g"])
        #expect(g["tiny"]?.impactRatio?.isSuppressed == true)
        let hidden = g.groups.filter { $0[MetricID(.selectionRate)]?.isSuppressed == true }.map(\.label)
        #expect(hidden.count == 2 && !hidden.contains("A"))
        for group in g.groups where !hidden.contains(group.label) {
            // The published ratio is the quotient of two published rates (by hand: C 0.3/0.5 = 0.6).
            let ratio = try #require(group.impactRatio?.value, "\(group.label)")
            let rate = try #require(group[MetricID(.selectionRate)]?.value)
            #expect(abs(ratio - rate / 0.5) < 1e-12)
        }
        #expect(g["C"]?.impactRatio == .defined(0.6) && g["C"]?.adverseImpact == true)
        // The gate sees C's published failure.
        #expect(AuditGates(r).belowThreshold.contains { $0.group.label == "C" && !$0.withheld })
    }

    @Test func ratiosWhoseTopIsHiddenAreWithheldButStillGate() throws {
        // B (45/50 = 0.9, highest) is hidden as tiny's complementary cell: every ratio divides
        // by its rate, so each is withheld; C (0.3/0.9) still fails the gate, without figures.
        let r = try Self.audit([("A", 60, 30), ("B", 50, 45), ("C", 80, 24), ("tiny", 5, 2)])
        let g = try #require(r["g"])
        #expect(g["B"]?[MetricID(.selectionRate)]?.isSuppressed == true, "the smallest other group is the complementary cell")
        #expect(g["A"]?.impactRatio?.isSuppressed == true && g["C"]?.impactRatio?.isSuppressed == true)
        #expect(g["A"]?.impactRatio?.reason?.contains("most favoured") == true)
        let gates = AuditGates(r)
        #expect(gates.belowThreshold.contains { $0.group.label == "C" && $0.withheld })
    }
}

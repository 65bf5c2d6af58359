import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

/// The search's fast measure (`AmendmentEvaluator.measure`: rows by segment and tie-break, one
/// single-threaded dgemm per chunk of candidates, a histogram then a threshold per segment)
/// against the reference path (`measureWithScores`: rows in file order, Hoare's find per
/// segment), itself checked against the full allocation (`GridAmendmentTests`).
@Suite("AmendmentKernel")
struct AmendmentKernelTests {
    /// Integer weights with many ties and the floor at work; decimal weights whose scores span
    /// more than 4,096 units (the histogram's buckets are then wider than one score); one
    /// candidate alone; 40 candidates (several chunks per worker).
    static func batches(_ p: Int) -> [[[Double]]] {
        var random = SplitMix64(state: 11)
        let ties = (0..<40).map { _ in (0..<p).map { f in f == 0 ? Double(1 + random.int(3)) : Double(10 * random.int(7)) - 10 } }
        let decimals = (0..<37).map { _ in (0..<p).map { _ in Double(random.int(90_000)) / 1_000 } }
        return [ties, decimals, [ties[3]]]
    }

    static func check(_ yaml: String) throws {
        let (path, _, _) = try GridAmendmentTests.planted(rows: 1_500)
        let grid = try PointsGrid(yaml: yaml)
        let evaluator = try GridAmendmentTests.evaluator(grid, path, targets: [.impactRatioAtLeast(0.8)])
        for batch in Self.batches(evaluator.design.weights.count) {
            let fast = try evaluator.measure(batch)
            let reference = try evaluator.measureWithScores(batch).measures
            #expect(fast.count == batch.count)
            #expect(fast == reference)
        }
    }

    @Test func capacityRuleEqualsTheReference() throws {
        try Self.check(GridAmendmentTests.gridYAML)
    }

    @Test func thresholdRuleAndExclusiveGroupEqualTheReference() throws {
        let yaml = GridAmendmentTests.gridYAML
            .replacingOccurrences(of: "allocation:\n  rule: capacity\n  segment_by: [typologie]\n  capacity: {default: 100}\n",
                                  with: "exclusive_groups:\n  - name: situation\n    criteria: [dalo, handicap]\nallocation:\n  rule: threshold\n  threshold: 75\n")
        #expect(yaml != GridAmendmentTests.gridYAML)
        try Self.check(yaml)
    }
}

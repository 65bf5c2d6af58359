import TestSupport
import AuditData
@testable import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// The sensitivity analysis streams its variants (issue 21, points 3 and 6): batches of columns
/// scored by one single-threaded `dgemm` per worker and re-selected by the partial selection
/// (`GridSensitivity.measure`). Checked against the full path it replaced — every variant's
/// scores at once (`GridDesign.scores(weights:)`) and `GridAllocation.allocate` (every rank,
/// radix-sorted), itself checked against a comparison sort (`SensitivityAllocationTests`) — on
/// capacities per segment (one larger than its segment, one of 0), proposals, a threshold, an
/// exclusive group, ties (flags and capped months), and 1, 2 and 5 workers.
@Suite("SensitivityStreaming")
struct SensitivityStreamingTests {
    static let rules = [
        // T1: 600 places for ~500 applicants (the whole segment), T2: none, T3: the default.
        "allocation:\n  rule: capacity\n  segment_by: [typologie]\n  capacity: {default: 37, segments: [{typologie: T1, k: 600}, {typologie: T2, k: 0}]}\n",
        "allocation:\n  rule: proposals\n  per_unit: 3\n  segment_by: [typologie]\n  capacity: {default: 25}\n",
        "exclusive_groups:\n  - name: situation\n    criteria: [dalo, handicap]\nallocation:\n  rule: threshold\n  threshold: 75\n",
        "allocation:\n  rule: capacity\n  capacity: {default: 100}\n",
    ]

    static func design(_ rule: String) throws -> (GridDesign, [GroupColumn]) {
        let (path, _, _) = try GridAmendmentTests.planted(rows: 1_500)
        let yaml = GridAmendmentTests.gridYAML
            .replacingOccurrences(of: "allocation:\n  rule: capacity\n  segment_by: [typologie]\n  capacity: {default: 100}\n", with: rule)
        return try OneRead.designAndGroups(grid: PointsGrid(yaml: yaml), csvPath: path, protected: ["nationalite", "typologie"])
    }

    @Test(arguments: rules.indices)
    func streamedSelectionEqualsTheFullAllocation(rule: Int) throws {
        let (design, _) = try Self.design(Self.rules[rule])
        let variants = GridSensitivity.variants(of: design)
        let w = try GridSensitivity.weightMatrix(of: design, variants: variants)
        #expect(w.columns > GridSensitivity.batchColumns)   // several batches
        let scores = try design.scores(weights: w)
        let full = try GridAllocation.allocate(scores: scores, design: design)
        let n = design.rows
        for threads in [1, 2, 5] {
            let streamed = try GridSensitivity.measure(design: design, weights: w, threads: threads) { points, selected in
                (Array(points), Array(selected))
            }
            #expect(streamed.count == variants.count)
            for v in variants.indices {
                let (points, selected) = streamed[v].value
                let expectedSelected = (0..<n).map { full.isSelected($0, grid: v) }
                #expect(selected == expectedSelected, "rule \(rule), variant \(v), \(threads) threads")
                #expect(streamed[v].selected == full.selectedCount(grid: v))
                #expect(points.map(\.bitPattern) == (0..<n).map { scores[$0, v].bitPattern })
            }
        }
        // The cases the rules were written for do happen.
        if rule == 0 {
            let t1 = design.segmentLabels.firstIndex(of: ["T1"])!, t2 = design.segmentLabels.firstIndex(of: ["T2"])!
            let rows = (0..<n).filter { Int(design.segmentCodes[$0]) == t1 }
            #expect(rows.count < 600 && rows.allSatisfy { full.isSelected($0, grid: 0) })
            #expect((0..<n).filter { Int(design.segmentCodes[$0]) == t2 }.allSatisfy { !full.isSelected($0, grid: 0) })
        }
    }

    /// The disparities of `GridSensitivity.run` equal those computed from the full scores and
    /// allocation, and do not depend on the number of workers.
    @Test(arguments: rules.indices)
    func runEqualsTheFullComputationOnAnyThreadCount(rule: Int) throws {
        let (design, attributes) = try Self.design(Self.rules[rule])
        let variants = GridSensitivity.variants(of: design)
        let w = try GridSensitivity.weightMatrix(of: design, variants: variants)
        let scores = try design.scores(weights: w)
        let full = try GridAllocation.allocate(scores: scores, design: design)
        let n = design.rows
        let references = try attributes.map { try GridSensitivity.reference(of: $0, named: nil) }
        let expected: [[GridGroupDisparity]] = scores.storage.withUnsafeBufferPointer { s in
            variants.indices.map { v in
                attributes.indices.flatMap { a in
                    GridGroupDisparity.compute(attribute: attributes[a], counts: attributes[a].counts, reference: references[a], minGroupSize: 30,
                                               scores: UnsafeBufferPointer(rebasing: s[(v * n)..<((v + 1) * n)]),
                                               selected: full.selected[(v * n)..<((v + 1) * n)])
                }
            }
        }
        let one = try GridSensitivity.run(design: design, attributes: attributes, threads: 1)
        #expect(one.disparities == expected)
        #expect(one.selectedCounts == variants.indices.map { full.selectedCount(grid: $0) })
        for threads in [2, 5] {
            let other = try GridSensitivity.run(design: design, attributes: attributes, threads: threads)
            #expect(other.disparities == one.disparities)
            #expect(other.ranking == one.ranking)
            #expect(other.tornado == one.tornado)
        }
    }

    /// The row-order selection (histogram per segment, ties by tie rank) against the gathering
    /// one (Hoare's find per segment in tie-break order), on whole-number scores spanning more
    /// than 4,096 units (buckets of several scores), heavy ties, negative values, and capacities
    /// of 0, 1, the whole segment and more.
    @Test func rowOrderSelectionEqualsTheGatheringOne() throws {
        var random = SplitMix64(state: 5)
        for rule in Self.rules.indices {
            let (design, _) = try Self.design(Self.rules[rule])
            let selection = try GridPartialSelection(design: design)
            let n = design.rows
            var scratch = GridPartialSelection.RowOrderScratch()
            var gathering: [Double] = []
            for shape in 0..<5 {
                let scores: [Double] = (0..<n).map { _ in
                    switch shape {
                    case 0: Double(random.int(3))                            // heavy ties
                    case 1: Double(random.int(2_000_000)) - 1_000_000        // wide: buckets of 2^9 units
                    case 2: Double(random.int(40)) * 100_000                 // wide, tied
                    case 3: 7                                                // all equal
                    default: Double(random.int(5_000))                      // just over 4,096
                    }
                }
                var fast = [Bool](repeating: false, count: n), reference = fast
                scores.withUnsafeBufferPointer { x in
                    fast.withUnsafeMutableBufferPointer { out in
                        selection.select(scores: x, decimals: 0, segmentCodes: design.segmentCodes, tieRank: design.tieRank, into: out, scratch: &scratch)
                    }
                    reference.withUnsafeMutableBufferPointer { out in
                        selection.select(scores: x, decimals: 0, into: out, scratch: &gathering)
                    }
                }
                #expect(fast == reference, "rule \(rule), shape \(shape)")
            }
        }
    }
}

import TestSupport
import AuditData
@testable import AuditMetrics
import Foundation
import Testing

/// ``HolderMerge``: holders' statistics, each read with its own categories, united into the
/// statistics of the pooled rows — equal exactly for counts, to rounding for weighted sums —
/// and the audits derived from both equal.
@Suite struct HolderMergeUnitTests {
    /// A protected column as a read of `values` gives it: labels in ``GroupOrder``, missing last.
    static func column(_ name: String, _ values: [String?]) -> GroupColumn {
        let labels = GroupOrder.sorted(Array(Set(values.compactMap { $0 })))
        let hasMissing = values.contains { $0 == nil }
        let groups = labels + (hasMissing ? [GroupOrder.missingLabel(avoiding: labels)] : [])
        let position = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($0.element, UInt32($0.offset)) })
        return GroupColumn(attribute: name, codes: values.map { $0.map { position[$0]! } ?? UInt32(groups.count - 1) },
                           groups: groups, unknownCode: hasMissing ? UInt32(groups.count - 1) : nil)
    }

    struct Rows {
        var origin: [String?] = [], commune: [String?] = []
        var label: [UInt8] = [], decision: [UInt8] = [], score: [Double] = [], weight: [Double] = []

        func store(weighted: Bool) -> ColumnStore {
            ColumnStore(rowCount: label.count, attributes: [HolderMergeUnitTests.column("origin", origin), HolderMergeUnitTests.column("commune", commune)],
                        label: label, decision: decision, score: score, weight: weighted ? weight : nil,
                        source: DataSource(path: "x.csv", delimiter: ",", headerColumns: 6))
        }

        static func + (a: Rows, b: Rows) -> Rows {
            Rows(origin: a.origin + b.origin, commune: a.commune + b.commune, label: a.label + b.label, decision: a.decision + b.decision,
                 score: a.score + b.score, weight: a.weight + b.weight)
        }
    }

    /// Holder `h`'s rows: communes of its own (one shared), origins with a holder missing one and
    /// one with missing values; non-dyadic weights and scores.
    static func rows(holder h: Int, count: Int, seed: UInt64) -> Rows {
        var random = SplitMix64(state: seed)
        var r = Rows()
        let communes = [["Montpellier", "Lattes"], ["Montpellier", "Pérols"], ["Montpellier", "Castries", "Baillargues"]][h]
        let origins: [String?] = h == 1 ? ["FR", "hors_UE", nil] : ["FR", "UE", "hors_UE"]
        for _ in 0..<count {
            r.origin.append(origins[random.int(origins.count)])
            r.commune.append(communes[random.int(communes.count)])
            r.label.append(random.uniform() < 0.4 ? 1 : 0)
            r.decision.append(random.uniform() < 0.3 ? 1 : 0)
            r.score.append(Double(random.int(1000)) / 7)
            r.weight.append(0.5 + Double(random.int(100)) / 30)
        }
        return r
    }

    static let data = DataSpec(path: "x.csv", protected: [ProtectedAttributeSpec(column: "origin"), ProtectedAttributeSpec(column: "commune")],
                               label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d"), score: "s")

    @Test(arguments: [false, true])
    func mergedEqualsPooled(weighted: Bool) throws {
        let parts = (0..<3).map { Self.rows(holder: $0, count: 700 + 150 * $0, seed: UInt64(11 + $0)) }
        let pooledStore = parts.dropFirst().reduce(parts[0], +).store(weighted: weighted)
        let pooled = AuditStatistics(store: pooledStore, groupings: Grouping.all(for: pooledStore, order: 2))
        let holders = try parts.enumerated().map { i, rows in
            let store = rows.store(weighted: weighted)
            return try HolderStatistics(holder: "h\(i)", statistics: AuditStatistics(store: store, groupings: Grouping.all(for: store, order: 2)),
                                        hasLabel: true, hasDecision: true, weighted: weighted, warnings: [])
        }
        let merge = try HolderMerge(holders)
        #expect(merge.pooled.groupings == pooled.groupings, "united categories in the pooled read's order, missing last")
        #expect(merge.pooled.groupings[1].groups == ["Baillargues", "Castries", "Lattes", "Montpellier", "Pérols"])
        #expect(merge.pooled.groupings[0].groups == ["FR", "hors_UE", "UE", "unknown"], "LabelOrder: case after letters")
        for (g, cells) in pooled.groups.enumerated() {
            for (c, cell) in cells.enumerated() {
                let m = merge.pooled.groups[g][c]
                #expect(m.rows == cell.rows, "counts add exactly")
                for k in 0..<4 {
                    #expect(isClose(m.weights[k], cell.weights[k], tolerance: 1e-12 * max(1, cell.weights[k])))
                    #expect(isClose(m.weightSquares[k], cell.weightSquares[k], tolerance: 1e-12 * max(1, cell.weightSquares[k])))
                }
                #expect(isClose(m.scoreSum, cell.scoreSum, tolerance: 1e-12 * max(1, abs(cell.scoreSum))))
                #expect(isClose(m.scoreSquareSum, cell.scoreSquareSum, tolerance: 1e-12 * max(1, cell.scoreSquareSum)))
            }
        }
        // The audits: every value and interval bound equal to 1e-12 (relative).
        let a = try Audit.result(statistics: pooled, data: Self.data, analysis: AnalysisSpec(), hasLabel: true, hasDecision: true, weighted: weighted)
        let b = try Audit.run(statistics: merge.pooled, data: Self.data, analysis: AnalysisSpec(), hasLabel: true, hasDecision: true, weighted: weighted, warnings: [])
        var compared = 0
        for (x, y) in zip(a.attributes, b.attributes) {
            #expect(x.reference == y.reference)
            for (gx, gy) in zip(x.groups, y.groups) {
                for (ex, ey) in zip(gx.metrics + gx.disparities, gy.metrics + gy.disparities) {
                    #expect(ex.name == ey.name && ex.n == ey.n)
                    if let vx = ex.value.value {
                        #expect(isClose(ey.value.value, vx, tolerance: 1e-12 * max(1, abs(vx))), "\(x.name) \(gx.label) \(ex.name)")
                        compared += 1
                    } else {
                        #expect(ey.value.value == nil)
                    }
                    #expect(isClose(ey.interval?.low ?? .nan, ex.interval?.low ?? .nan, tolerance: 1e-12) || (ex.interval == nil && ey.interval == nil))
                }
            }
        }
        #expect(compared > 200)
        if !weighted { #expect(a.findings == b.findings, "unweighted: bit for bit") }
    }

    @Test func mappingUnitesSpellingsAndRefusesUnknownAttributes() throws {
        var first = Self.rows(holder: 0, count: 200, seed: 3)
        var second = Self.rows(holder: 0, count: 200, seed: 4)
        second.commune = second.commune.map { $0 == "Lattes" ? "LATTES" : $0 }
        first.origin = first.origin.map { $0 == "UE" ? nil : $0 }
        let bundles = try [first, second].enumerated().map { i, rows in
            let store = rows.store(weighted: false)
            return try HolderStatistics(holder: "h\(i)", statistics: AuditStatistics(store: store, groupings: Grouping.all(for: store, order: 2)),
                                        hasLabel: true, hasDecision: true, weighted: false, warnings: [])
        }
        let unmapped = try HolderMerge(bundles)
        #expect(unmapped.pooled.groupings[1].groups == ["Lattes", "LATTES", "Montpellier"])
        let merged = try HolderMerge(bundles, mapping: ["commune": ["LATTES": "Lattes"]])
        #expect(merged.pooled.groupings[1].groups == ["Lattes", "Montpellier"])
        #expect(merged.pooled.groups[1][0].count == first.commune.filter { $0 == "Lattes" }.count + second.commune.filter { $0 == "LATTES" }.count)
        #expect(merged.pooled.groupings[0].groups.last == "unknown")
        #expect(throws: HolderMergeError.self) { try HolderMerge(bundles, mapping: ["communes": ["a": "b"]]) }
        var broken = bundles[1]
        broken.tables[2].cells.removeLast()
        #expect(throws: HolderMergeError.self) { try HolderMerge([bundles[0], broken]) }
    }
}

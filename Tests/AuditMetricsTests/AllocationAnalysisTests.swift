import AuditData
@testable import AuditMetrics
import Foundation
import Testing

/// The allocation audit on a table small enough to check by hand.
@Suite struct AllocationAnalysisTests {
    /// Group A: allocations 10, 20, 30, 40 for 1, 2, 1, 2 persons; group B: 5, 5, 10 for 1 person
    /// each; every household needs 15.
    static func result(bootstrap: Int = 0) throws -> AuditResult {
        let data = DataSpec(path: "hand.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .named("A"))],
                            allocation: AllocationSpec(column: "v", need: "need", per: "persons"))
        var spec = AnalysisSpec(minGroupSize: 1)
        spec.inference.bootstrapReplicates = bootstrap
        var store = ColumnStore(
            rowCount: 7,
            attributes: [GroupColumn(attribute: "g", codes: [0, 0, 0, 0, 1, 1, 1], groups: ["A", "B"], unknownCode: nil)],
            label: nil, decision: nil, score: nil, weight: nil, source: DataSource(path: "hand.csv", delimiter: ",", headerColumns: 4)
        )
        store.numbers["v"] = [10, 20, 30, 40, 5, 5, 10]
        store.numbers["need"] = NumberColumn(Array(repeating: 15, count: 7))
        store.numbers["persons"] = [1, 2, 1, 2, 1, 1, 1]
        var result = try Audit.run(store: store, data: data, analysis: spec)
        result.allocation = AllocationAnalysis.run(store: store, result: result, quantity: "v", values: try #require(store.numbers["v"]).values, threads: 2)
        return result
    }

    static func close(_ e: MetricEntry?, _ x: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let v = e?.value.value else { return false }
        return abs(v - x) <= tolerance * max(1, abs(x))
    }

    @Test func groupMeansMediansPerCapitaAndShortfall() throws {
        let a = try Self.result().allocation!
        let groupA = a["g"]!["A"]!, groupB = a["g"]!["B"]!
        #expect(Self.close(groupA[.allocationMean], 25))
        #expect(Self.close(groupA[.allocationMedian], 25))
        #expect(Self.close(groupA[.allocationPerCapita], 100.0 / 6))
        #expect(Self.close(groupA[.shortfallShare], 0.25))
        #expect(Self.close(groupA[.shortfallMean], 1.25))
        #expect(Self.close(groupB[.allocationMean], 20.0 / 3))
        #expect(Self.close(groupB[.allocationMedian], 5))
        #expect(Self.close(groupB[.shortfallShare], 1))
        #expect(Self.close(groupB[.shortfallMean], 25.0 / 3))
        #expect(Self.close(groupB[MetricID.allocationMean.ratio], (20.0 / 3) / 25))
        #expect(Self.close(groupB[MetricID.shortfallShare.difference], 0.75))
    }

    /// Overall indices against numpy (by the definitions): Gini of (10, 20, 30, 40, 5, 5, 10) =
    /// Σ|xi − xj| / (2n²μ) = 0.39285714285714285; Theil T = 0.2555169568542994.
    @Test func overallIndicesAndTheExactDecomposition() throws {
        let a = try Self.result().allocation!
        #expect(Self.close(a.overall[MetricID(.gini)], 0.39285714285714285))
        #expect(Self.close(a.overall[MetricID(.theilT)], 0.2555169568542994))
        let d = a["g"]!.decompositions
        let between = d.first { $0.name == "theil_t_between" }!.value.value!
        let within = d.first { $0.name == "theil_t_within" }!.value.value!
        #expect(abs(between + within - 0.2555169568542994) < 1e-12)
        #expect(a.lorenz.first == CurvePoint(p: 0, share: 0) && a.lorenz.last == CurvePoint(p: 1, share: 1))
    }

    /// The distribution-free median interval [x_(j), x_(n+1−j)], j the largest with
    /// P(B ≤ j − 1) ≤ 2.5 % for B ~ Binomial(n, ½): from scipy `binom.cdf`, n = 7 → (1, 7),
    /// 2,001 → (957, 1045), 5,000 → (2431, 2570). Large n once lost the interval to underflow.
    @Test(arguments: [(7, 1.0, 7.0), (2001, 957.0, 1045.0), (5000, 2431.0, 2570.0)])
    func medianIntervalByOrderStatistics(_ n: Int, _ low: Double, _ high: Double) {
        let values = (1...n).map(Double.init).reversed().map { $0 }
        let m = AllocationAnalysis.median(Array(values), weights: nil, level: 0.95)
        #expect(m.interval == MetricInterval(low: low, high: high, method: .orderStatistics))
    }

    @Test func bootstrapIntervalsAreSeededAndContainTheEstimate() throws {
        let first = try Self.result(bootstrap: 400).allocation!
        let second = try Self.result(bootstrap: 400).allocation!
        #expect(first == second)
        let gini = first.overall[MetricID(.gini)]!
        #expect(gini.bootstrapInterval != nil)
        #expect(gini.bootstrapInterval!.low <= gini.value.value! && gini.value.value! <= gini.bootstrapInterval!.high)
    }
}

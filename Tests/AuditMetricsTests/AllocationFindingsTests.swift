import AuditData
@testable import AuditMetrics
import TestSupport
import Foundation
import Testing

/// The allocation findings (`AllocationFindings`) against scipy and statsmodels on a small
/// two-group case (`Fixtures/reference/allocation/make_allocation_findings_reference.py`):
/// ratios of means with delta-method intervals and their log-ratio z tests, shares with
/// Newcombe and Katz intervals and the two-proportion z test, Holm over the five tests, verdicts.
@Suite struct AllocationFindingsTests {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.reference("allocation/allocation_findings_reference.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func number(_ any: Any?) -> Double { Double(any as! String)! }

    static func findings() throws -> [Finding] {
        let rows = Self.json["rows"] as! [[String: Any]]
        let column = { (k: String) in rows.map { Self.number($0[k]) } }
        let data = DataSpec(path: "reference.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .named("A"))],
                            allocation: AllocationSpec(column: "v", need: "need", per: nil))
        let spec = AnalysisSpec(minGroupSize: 1)
        var store = ColumnStore(
            rowCount: rows.count,
            attributes: [GroupColumn(attribute: "g", codes: rows.map { ($0["g"] as! String) == "A" ? 0 : 1 }, groups: ["A", "B"], unknownCode: nil)],
            label: nil, decision: nil, score: nil, weight: nil, source: DataSource(path: "reference.csv", delimiter: ",", headerColumns: 7)
        )
        store.numbers["v"] = NumberColumn(column("v"))
        store.numbers["need"] = NumberColumn(column("need"))
        var extras = AllocationAnalysis.Extras(effortRate: zip(column("bill"), column("income")).map { $0 / $1 })
        extras.bill = column("bill")
        extras.waterCharge = column("charge")
        var result = try Audit.run(store: store, data: data, analysis: spec)
        result.setAllocation(AllocationAnalysis.run(store: store, result: result, quantity: "v", values: column("v"), extras: extras, threads: 1))
        return result.findings
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1e-300, abs(b))
    }

    @Test func everyFindingMatchesScipy() throws {
        let found = try Self.findings()
        let expected = Self.json["findings"] as! [[String: Any]]
        #expect(found.count == expected.count)
        #expect(found.allSatisfy { $0.isAllocation })
        for (f, e) in zip(found, expected) {
            let what = "\(f.metric) \(f.kind.rawValue)"
            #expect(f.metric.name == e["metric"] as! String && f.kind.rawValue == e["kind"] as! String, "order: \(what)")
            #expect(f.group == "B" && f.reference == "A", "\(what)")
            #expect(Self.close(f.value.value, Self.number(e["value"])), "value \(what): \(String(describing: f.value.value))")
            #expect(Self.close(f.interval?.low, Self.number(e["low"]), 1e-7), "low \(what): \(String(describing: f.interval?.low)) vs \(Self.number(e["low"]))")
            #expect(Self.close(f.interval?.high, Self.number(e["high"]), 1e-7), "high \(what): \(String(describing: f.interval?.high)) vs \(Self.number(e["high"]))")
            #expect(f.test == e["test"] as? String, "test \(what)")
            #expect(Self.close(f.pValue, Self.number(e["p"]), 1e-6), "p \(what): \(String(describing: f.pValue)) vs \(Self.number(e["p"]))")
            #expect(Self.close(f.pAdjusted, Self.number(e["p_adjusted"]), 1e-6), "p_adjusted \(what)")
            #expect(f.verdict.rawValue == e["verdict"] as! String, "verdict \(what): \(f.verdict) (\(f.reason))")
        }
    }

    /// The verdicts span the vocabulary, so the case can fail on each rule; and a gate on
    /// `disparity` trips on them (the water audit's `--fail-on-verdict`).
    @Test func theCaseExercisesEveryVerdictAndTheGate() throws {
        let verdicts = Set(try Self.findings().map(\.verdict))
        #expect(verdicts == [.disparity, .noDisparity, .insufficientEvidence])
    }

    /// A group below `min_group_size` gets no verdict; a reference-free attribute no finding.
    @Test func smallGroupsAreInsufficientEvidence() throws {
        let rows = Self.json["rows"] as! [[String: Any]]
        let v = rows.map { Self.number($0["v"]) }
        let data = DataSpec(path: "reference.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .named("A"))],
                            allocation: AllocationSpec(column: "v", need: "need", per: nil))
        let spec = AnalysisSpec(minGroupSize: 35)
        var store = ColumnStore(
            rowCount: rows.count,
            attributes: [GroupColumn(attribute: "g", codes: rows.map { ($0["g"] as! String) == "A" ? 0 : 1 }, groups: ["A", "B"], unknownCode: nil)],
            label: nil, decision: nil, score: nil, weight: nil, source: DataSource(path: "reference.csv", delimiter: ",", headerColumns: 7)
        )
        store.numbers["v"] = NumberColumn(v)
        store.numbers["need"] = NumberColumn(rows.map { Self.number($0["need"]) })
        var result = try Audit.run(store: store, data: data, analysis: spec)
        result.setAllocation(AllocationAnalysis.run(store: store, result: result, quantity: "v", values: v, threads: 1))
        #expect(!result.findings.isEmpty)
        #expect(result.findings.allSatisfy { $0.verdict == .insufficientEvidence && $0.reason.description.contains("minimum size") })
    }
}

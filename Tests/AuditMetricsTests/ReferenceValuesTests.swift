import TestSupport
import AuditData
import AuditMetrics
import Foundation
import Testing

/// Every metric against values computed by Fairlearn 0.15, AIF360 0.6.1, Aequitas 1.1 and
/// scikit-learn on the same data (`Fixtures/reference/make_reference.py`, `expected.csv`).
@Suite struct ReferenceValuesTests {
    struct Expected {
        let attribute, group, metric, tool: String
        let value: Double?
    }

    static func expected(_ dataset: String) throws -> [Expected] {
        let text = try String(contentsOfFile: RepositoryPaths.fixture("reference/expected.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[0] == dataset else { return nil }
            return Expected(attribute: f[1], group: f[2], metric: f[3], tool: f[5], value: f[4].isEmpty ? nil : Double(f[4])!)
        }
    }

    static func lookup(_ r: AuditResult, _ e: Expected) -> MetricValue? {
        if e.attribute == "overall" { return r.overall.value(named: e.metric) }
        if e.group == "all" { return r[e.attribute]?.aggregate(e.metric) }
        return r[e.attribute]?[e.group]?.value(named: e.metric)
    }

    /// Compares every expected value; returns the number compared.
    static func check(_ result: AuditResult, dataset: String) throws -> Int {
        let rows = try expected(dataset)
        // Fairlearn's aggregates count an undefined TPR as 0; Vigie aggregates over defined
        // groups, which the script also computes by hand ("by-hand-defined-groups").
        let byHand = Set(rows.filter { $0.tool == "by-hand-defined-groups" }.map { "\($0.attribute)|\($0.metric)" })
        var compared = 0
        for e in rows {
            if e.group == "all", e.attribute != "overall", e.tool != "by-hand-defined-groups", byHand.contains("\(e.attribute)|\(e.metric)") { continue }
            let got = lookup(result, e)
            #expect(got != nil, "\(dataset) \(e.attribute)=\(e.group) \(e.metric): not reported")
            guard let got else { continue }
            if let want = e.value {
                guard let value = got.value else {
                    Issue.record("\(dataset) \(e.attribute)=\(e.group) \(e.metric): undefined (\(got.reason ?? "")), \(e.tool) gives \(want)")
                    continue
                }
                #expect(abs(value - want) <= 1e-9 * max(1, abs(want)), "\(dataset) \(e.attribute)=\(e.group) \(e.metric): \(value) vs \(want) (\(e.tool))")
            } else {
                #expect(got.value == nil, "\(dataset) \(e.attribute)=\(e.group) \(e.metric): \(got) but undefined by definition (\(e.tool))")
            }
            compared += 1
        }
        return compared
    }

    /// AIF360's smoothed empirical differential fairness, `make_sedf_reference.py`.
    static func checkSEDF(_ result: AuditResult, dataset: String) throws -> Int {
        let text = try String(contentsOfFile: RepositoryPaths.fixture("reference/sedf_expected.csv"), encoding: .utf8)
        var compared = 0
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            guard f[0] == dataset else { continue }
            let want = Double(f[2])!
            let got = result[f[1]]?.aggregate("smoothed_edf")?.value
            #expect(got != nil && abs(got! - want) <= 1e-12 * want, "\(dataset) \(f[1]) smoothed_edf: \(String(describing: got)) vs AIF360 \(want)")
            compared += 1
        }
        return compared
    }

    @Test func compasMatchesFairlearnAIF360Aequitas() throws {
        let data = DataSpec(
            path: RepositoryPaths.compas,
            protected: [
                ProtectedAttributeSpec(column: "race", reference: .named("Caucasian")),
                ProtectedAttributeSpec(column: "sex", reference: .named("Male")),
                ProtectedAttributeSpec(column: "age_cat", reference: .named("25 - 45")),
            ],
            label: BinaryColumnSpec(column: "two_year_recid"),
            decision: BinaryColumnSpec(column: "decile_score", threshold: 5)
        )
        let store = try DataLoader.load(data)
        #expect(store.rowCount == 7214)
        #expect(store.warnings.map(\.description).contains { $0.contains("decile_score") }, "duplicate column names are reported")
        let result = try Audit.run(store: store, data: data, analysis: AnalysisSpec(intersections: 2, minGroupSize: 1), threads: 2)
        let compared = try Self.check(result, dataset: "compas")
        #expect(compared > 2000)
        #expect(try Self.checkSEDF(result, dataset: "compas") == 4)
    }

    static func smallSpec(weighted: Bool) -> DataSpec {
        DataSpec(
            path: RepositoryPaths.fixture("reference/small_weighted.csv"),
            protected: [
                ProtectedAttributeSpec(column: "grp", reference: .named("A")),
                ProtectedAttributeSpec(column: "sex", reference: .named("F")),
            ],
            label: BinaryColumnSpec(column: "y"),
            decision: BinaryColumnSpec(column: "yhat"),
            weight: weighted ? "w" : nil
        )
    }

    @Test(arguments: [true, false])
    func smallDatasetWithUndefinedCells(weighted: Bool) throws {
        let spec = Self.smallSpec(weighted: weighted)
        let result = try Audit.run(store: try DataLoader.load(spec), data: spec, analysis: AnalysisSpec(intersections: 2, minGroupSize: 1))
        let compared = try Self.check(result, dataset: weighted ? "small_weighted" : "small_unweighted")
        #expect(compared > 500)
        #expect(try Self.checkSEDF(result, dataset: weighted ? "small_weighted" : "small_unweighted") == 3)
        // The undefined cells the fixture was built to have, with their reasons.
        #expect(result["grp"]?["D"]?[MetricID(.tpr)]?.reason == "no label-positive rows: TP+FN = 0")
        #expect(result["grp"]?["C"]?[MetricID(.ppv)]?.reason == "no positive decisions: TP+FP = 0")
    }
}

@testable import AuditMetrics
import TestSupport
import Foundation
import Testing

/// The stratified analyses against `Fixtures/reference/stratified/make_stratified_reference.py`:
/// Mantel–Haenszel, CMH and Breslow–Day/Tarone from statsmodels 0.15 `StratifiedTable`, Cohen's
/// kappa from scikit-learn `cohen_kappa_score` and statsmodels `cohens_kappa`, the stratified
/// log-rank test from statsmodels `survdiff(strata=)`.
@Suite struct StratifiedReferenceTests {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.reference("stratified/stratified_reference.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func number(_ any: Any?) -> Double? { ScoreReferenceTests.number(any) }
    static func numbers(_ any: Any?) -> [Double]? { ScoreReferenceTests.numbers(any) }
    typealias Errors = ScoreReferenceTests.Errors

    static func tables(_ any: Any?) throws -> StratifiedTables {
        try StratifiedTables((any as! [Any]).map { t in
            let x = numbers(t)!
            return try TwoByTwoTable(groupSelected: x[0], groupNotSelected: x[1], referenceSelected: x[2], referenceNotSelected: x[3])
        })
    }

    /// A reference p-value: 0 (below scipy's range) means Vigie publishes the bound 1e-300.
    static func checkPValue(_ kind: String, _ got: MetricValue, _ want: Double?, _ errors: Errors, _ context: String) {
        if want == 0 {
            #expect(got == .upperBound(PublishedPValue.smallest, reason: got.reason ?? ""), "\(context) \(kind): \(got), reference 0")
            #expect(got.reason?.hasPrefix("upper bound") == true)
        } else {
            errors.check(kind, got.value, want, tolerance: 1e-9, context)
        }
    }

    static func checkStratified(_ tables: StratifiedTables, _ want: [String: Any], level: Double, _ errors: Errors, _ context: String) {
        let mh = MantelHaenszel(tables, level: level)
        #expect(mh.strata == want["strata"] as! Int, "\(context) strata")
        #expect(mh.informativeStrata == want["informative_strata"] as! Int, "\(context) informative strata")
        errors.check("odds_ratio", mh.oddsRatio.value, number(want["odds_ratio"]), tolerance: 1e-12, context)
        errors.check("log_odds_ratio", mh.logOddsRatio.value, number(want["log_odds_ratio"]), tolerance: 1e-12, floor: 1e-12, context)
        errors.check("log_se", mh.logStandardError.value, number(want["log_se"]), tolerance: 1e-12, context)
        errors.check("interval", mh.interval?.low, numbers(want["interval"])?[0], tolerance: 1e-12, context)
        errors.check("interval", mh.interval?.high, numbers(want["interval"])?[1], tolerance: 1e-12, context)
        let mh90 = MantelHaenszel(tables, level: 0.90)
        errors.check("interval_90", mh90.interval?.low, numbers(want["interval_90"])?[0], tolerance: 1e-12, context)
        errors.check("interval_90", mh90.interval?.high, numbers(want["interval_90"])?[1], tolerance: 1e-12, context)
        if mh.oddsRatio.value == nil { #expect(mh.oddsRatio.reason?.isEmpty == false && mh.interval == nil) }
        if let crude = number(want["crude_odds_ratio"]) {
            errors.check("crude_vs_table2x2", mh.oddsRatio.value, crude, tolerance: 1e-12, context)
            errors.check("woolf_vs_table2x2", mh.logStandardError.value, number(want["woolf_log_se"]), tolerance: 1e-12, context)
        }

        for corrected in [false, true] {
            let key = corrected ? "cmh_corrected" : "cmh"
            let cmh = CochranMantelHaenszel(tables, continuityCorrection: corrected)
            #expect(cmh.informativeStrata == want["informative_strata"] as! Int)
            #expect(cmh.degreesOfFreedom == 1)
            let delta = number(want["delta"])
            errors.check("cmh_delta", cmh.observedMinusExpected.value, delta, tolerance: 1e-12, floor: 1e-9, context)
            if corrected, let delta, abs(delta) < 0.5 {
                // statsmodels subtracts ½ even then; Vigie does not correct below ½ (R's rule).
                #expect(cmh.statistic == .defined(0), "\(context): no correction below one half")
                continue
            }
            errors.check(key, cmh.statistic.value, number(want[key]), tolerance: 1e-12, floor: 1e-12, context)
            if want[key] == nil { #expect(cmh.pValue.reason?.isEmpty == false) }
            checkPValue(key + "_pvalue", cmh.pValue, number(want[key + "_pvalue"]), errors, context)
        }

        for adjustment in [BreslowDay.Adjustment.none, .tarone] {
            let key = adjustment == .tarone ? "tarone" : "breslow_day"
            let bd = BreslowDay(tables, adjustment: adjustment)
            errors.check(key, bd.statistic.value, number(want[key]), tolerance: 1e-11, floor: 1e-9, context)
            if let df = want[key + "_df"] as? Int { #expect(bd.degreesOfFreedom == df, "\(context) \(key) df") }
            if want[key] == nil { #expect(bd.statistic.reason?.isEmpty == false && bd.pValue.value == nil, "\(context) \(key) undefined") }
            if let p = number(want[key + "_pvalue"]) { checkPValue(key + "_pvalue", bd.pValue, p, errors, context) }
        }
    }

    @Test func stratifiedTablesMatchStatsmodels() throws {
        let errors = Errors()
        let level = Self.json["level"] as! Double
        var compared = 0
        for case let d as [String: Any] in Self.json["stratified"] as! [Any] {
            Self.checkStratified(try Self.tables(d["tables"]), d, level: level, errors, d["name"] as! String)
            compared += 1
        }
        #expect(compared == 37)
        print("stratified 2×2 vs statsmodels, max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }

    @Test func tabulatedRowsMatchStatsmodels() throws {
        let errors = Errors()
        let level = Self.json["level"] as! Double
        for case let d as [String: Any] in Self.json["rows"] as! [Any] {
            let name = d["name"] as! String
            let groupCount = d["group_count"] as! Int, strataCount = d["strata_count"] as! Int
            let counts = try StratifiedCounts.tabulate(
                groups: (d["groups"] as! [Int]).map { Int32($0) }, strata: (d["strata"] as! [Int]).map { Int32($0) },
                selected: (d["selected"] as! [Int]).map { UInt8($0) }, weights: Self.numbers(d["weights"]),
                groupCount: groupCount, strataCount: strataCount)
            #expect(counts.leftOut == d["left_out"] as! Int, "\(name) left out")
            let cells = d["rows_per_cell"] as! [[Int]]
            for g in 0..<groupCount { for s in 0..<strataCount { #expect(counts.rows[g * strataCount + s] == cells[g][s]) } }
            let reference = d["reference"] as! Int
            let all = counts.tables(against: reference)
            #expect(all[reference] == nil)
            for (g, want) in (d["per_group"] as! [Any]).enumerated() {
                guard let want = want as? [String: Any] else { continue }
                let tables = try #require(all[g])
                // Weight sums of multiples of 1/4: exact whatever the order.
                #expect(tables == (try Self.tables(want["tables"])), "\(name) group \(g) tables")
                Self.checkStratified(tables, want, level: level, errors, "\(name) group \(g)")
            }
        }
        print("tabulated rows vs statsmodels, max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }

    @Test func kappaMatchesScikitLearnAndStatsmodels() throws {
        let errors = Errors()
        let level = Self.json["level"] as! Double
        for case let d as [String: Any] in Self.json["kappa"] as! [Any] {
            let name = d["name"] as! String
            let cells = (d["table"] as! [Any]).map { Self.numbers($0)! }
            var table = try AgreementTable(both: cells[1][1], gridOnly: cells[1][0], decisionOnly: cells[0][1], neither: cells[0][0])
            if let grid = d["grid"] as? [Int] {
                let tabulated = try AgreementTable.tabulate(gridSelected: grid.map { $0 == 1 }, decided: (d["decision"] as! [Int]).map { UInt8($0) },
                                                            weights: Self.numbers(d["weights"]))
                #expect(tabulated == [table], "\(name) tabulation")
                table = tabulated[0]
            }
            let k = CohenKappa(table, level: level)
            errors.check("observed_agreement", k.observedAgreement.value, Self.number(d["observed_agreement"]), tolerance: 1e-12, name)
            errors.check("expected_agreement", k.expectedAgreement.value, Self.number(d["expected_agreement"]), tolerance: 1e-12, name)
            errors.check("kappa_vs_sklearn", k.kappa.value, Self.number(d["kappa_sklearn"]), tolerance: 1e-12, floor: 1e-12, name)
            errors.check("kappa_vs_statsmodels", k.kappa.value, Self.number(d["kappa"]), tolerance: 1e-12, floor: 1e-12, name)
            if let se = Self.number(d["std_kappa"]) {
                errors.check("std_kappa", k.standardError.value, se, tolerance: 1e-12, floor: 1e-12, name)
                errors.check("kappa_low", k.interval?.low, Self.number(d["kappa_low"]), tolerance: 1e-12, floor: 1e-12, name)
                errors.check("kappa_upp", k.interval?.high, Self.number(d["kappa_upp"]), tolerance: 1e-12, floor: 1e-12, name)
            } else if k.kappa.value != nil {
                // statsmodels' variance rounds below 0 (nan) where κ is 0 by construction: Vigie gives 0.
                #expect(k.kappa == .defined(0) && k.standardError == .defined(0), "\(name): \(k)")
            } else {
                #expect(k.kappa.reason?.contains("expected agreement is 1") == true, "\(name)")
            }
        }
        print("kappa vs scikit-learn/statsmodels, max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }

    @Test func stratifiedLogRankMatchesSurvdiff() throws {
        let errors = Errors()
        for case let d as [String: Any] in Self.json["logrank"] as! [Any] {
            let name = d["name"] as! String
            let groupCount = d["group_count"] as! Int
            let times = try WaitingTimes(groups: (d["groups"] as! [Int]).map { Int32($0) }, groupLabels: (0..<groupCount).map { "g\($0)" },
                                         time: Self.numbers(d["time"])!, event: (d["event"] as! [Int]).map { UInt8($0) })
            let test = try StratifiedLogRank(times, strata: (d["strata"] as! [Int]).map { Int32($0) }, strataCount: d["strata_count"] as! Int)
            #expect(test.degreesOfFreedom == d["df"] as! Int, "\(name) df")
            #expect(test.leftOut == d["left_out"] as! Int, "\(name) left out")
            errors.check("statistic", test.statistic.value, Self.number(d["statistic"]), tolerance: 1e-10, name)
            Self.checkPValue("pvalue", test.pValue, Self.number(d["pvalue"]), errors, name)
            #expect(abs(test.observed.reduce(0, +) - test.expected.reduce(0, +)) < 1e-9, "\(name): Σ O = Σ E")
        }
        print("stratified log-rank vs survdiff, max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }
}

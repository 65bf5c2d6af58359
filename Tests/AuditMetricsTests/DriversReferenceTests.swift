@testable import AuditMetrics
import TestSupport
import Foundation
import LinearAlgebra
import Testing

/// The driver analyses against `Fixtures/reference/drivers/make_drivers_reference.py`: scipy
/// (Welch intervals, t quantiles, Cramér's V), statsmodels (OLS with HC1/HC3, Logit, the
/// Oaxaca–Blinder point estimates), sklearn (AUC) and a numpy transcription of Jann (2008)'s
/// delta-method standard errors.
@Suite struct DriversReferenceTests {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixture("reference/drivers/drivers_reference.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func number(_ any: Any?) -> Double { Double(any as! String)! }
    static func numbers(_ any: Any?) -> [Double] { (any as! [Any]).map { number($0) } }
    static func codes(_ any: Any?) -> [Int32] { (any as! [Any]).map { Int32(($0 as! NSNumber).intValue) } }

    /// |a − b| ≤ tolerance · max(1, |b|).
    static func close(_ a: Double?, _ b: Double, _ tolerance: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    static var grid: [String: Any] { json["grid"] as! [String: Any] }
    static var criteria: [String] { grid["criteria"] as! [String] }
    static var groups: [Int32] { codes(grid["group"]) }
    static var contributions: Matrix {
        let columns = (grid["contributions"] as! [Any]).map { numbers($0) }
        return try! Matrix(rows: columns[0].count, columns: columns.count, columnMajor: columns.flatMap { $0 })
    }

    @Test func studentQuantilesMatchScipy() throws {
        var worst = 0.0
        for case let q as [String: Any] in Self.json["t_quantiles"] as! [Any] {
            let got = try #require(StudentT.criticalValue(level: Self.number(q["level"]), degreesOfFreedom: Self.number(q["df"])))
            let want = Self.number(q["t"])
            worst = max(worst, abs(got - want) / want)
            #expect(abs(got - want) <= 1e-11 * want, "t(\(q["level"]!), \(q["df"]!)) = \(got), scipy \(want)")
        }
        print("t quantiles: max relative error \(worst)")
    }

    @Test func scoreGapDecompositionMatchesScipyWelch() throws {
        var worst = 0.0
        for case let e as [String: Any] in Self.json["decomposition"] as! [Any] {
            let level = Self.number(e["level"])
            let result = try ScoreGapDecomposition.decompose(contributions: Self.contributions, criteria: Self.criteria,
                                                             groups: Self.groups, reference: 0, level: level)
            #expect(result.map(\.group) == [1, 2])
            let g = try #require(result.first { $0.group == Int32(e["group"] as! Int) })
            #expect(g.count == e["count"] as! Int && g.referenceCount == e["reference_count"] as! Int)
            #expect(Self.close(g.meanScore.value, Self.number(e["mean_score"]), 1e-13))
            #expect(Self.close(g.referenceMeanScore.value, Self.number(e["reference_mean_score"]), 1e-13))
            func check(_ d: MeanDifference, _ w: [String: Any], _ label: String) {
                #expect(Self.close(d.difference.value, Self.number(w["difference"]), 1e-12), "\(label) difference")
                guard let se = w["se"] else {
                    #expect(d.interval == nil && d.degreesOfFreedom.value == nil, "\(label): no variation, no interval")
                    return
                }
                #expect(Self.close(d.standardError.value, Self.number(se), 1e-12), "\(label) SE")
                #expect(Self.close(d.degreesOfFreedom.value, Self.number(w["df"]), 1e-10), "\(label) df")
                #expect(Self.close(d.interval?.low, Self.number(w["low"]), 1e-10), "\(label) low \(d.interval?.low ?? .nan) vs \(w["low"]!)")
                #expect(Self.close(d.interval?.high, Self.number(w["high"]), 1e-10), "\(label) high")
                for (got, want) in [(d.interval?.low, w["low"]), (d.interval?.high, w["high"])] {
                    worst = max(worst, abs((got ?? .nan) - Self.number(want)) / max(1, abs(Self.number(want))))
                }
            }
            check(g.gap, e["gap"] as! [String: Any], "group \(g.group) gap")
            let wanted = e["criteria"] as! [[String: Any]]
            #expect(g.criteria.map(\.criterion) == wanted.map { $0["criterion"] as! String })
            for (c, w) in zip(g.criteria, wanted) {
                check(c.part, w["part"] as! [String: Any], "group \(g.group) \(c.criterion)")
                #expect(Self.close(c.groupMean.value, Self.number(w["group_mean"]), 1e-13))
                #expect(Self.close(c.referenceMean.value, Self.number(w["reference_mean"]), 1e-13))
                #expect(Self.close(c.shareOfGap.value, Self.number(w["share"]), 1e-10), "group \(g.group) \(c.criterion) share")
            }
            // The identity: parts sum to the gap, shares to 1.
            let sum = g.criteria.reduce(0.0) { $0 + $1.part.difference.value! }
            #expect(abs(sum - g.gap.difference.value!) <= 1e-12 * max(1, abs(g.gap.difference.value!)))
            #expect(abs(g.criteria.reduce(0.0) { $0 + $1.shareOfGap.value! } - 1) <= 1e-12)
        }
        print("Welch interval bounds: max relative error \(worst)")
    }

    @Test func olsCoefficientsAndRobustErrorsMatchStatsmodels() throws {
        var worstParam = 0.0, worstSE = 0.0
        let x = Self.contributions, groups = Self.groups
        for case let e as [String: Any] in Self.json["ols"] as! [Any] {
            let rows = groups.indices.filter { Int(groups[$0]) == e["group"] as! Int }
            let design = try OaxacaBlinder.design(x, rows: rows, columns: Array(0..<x.columns))
            let y = Self.numbers(e["y"])
            for type in RobustCovariance.allCases {
                let fit = try LinearRegression.fit(design: design, outcome: y, covariance: type)
                let want = e[type.rawValue] as! [String: Any]
                for (got, w) in zip(fit.coefficients, Self.numbers(want["params"])) {
                    #expect(Self.close(got, w, 1e-10), "\(e["outcome_name"]!) \(type) β \(got) vs \(w)")
                    worstParam = max(worstParam, abs(got - w) / max(1, abs(w)))
                }
                for (got, w) in zip(fit.standardErrors, Self.numbers(want["bse"])) {
                    #expect(Self.close(got.value, w, 1e-9), "\(e["outcome_name"]!) \(type) SE \(got) vs \(w)")
                    worstSE = max(worstSE, abs(got.value! - w) / max(1, abs(w)))
                }
            }
        }
        print("OLS: max relative error β \(worstParam), robust SE \(worstSE)")
    }

    @Test func oaxacaBlinderMatchesNumpyAndStatsmodels() throws {
        var worst = 0.0
        let outcomes = Self.grid["outcomes"] as! [String: Any]
        for case let e as [String: Any] in Self.json["oaxaca"] as! [Any] {
            #expect(e["statsmodels_oaxaca_agrees"] as! Bool)
            let y = Self.numbers(outcomes[e["outcome_name"] as! String == "allocated" ? "allocated" : "score_noisy"])
            let type = RobustCovariance(rawValue: e["covariance"] as! String)!
            let regressors = RegressorVariance(rawValue: e["regressors"] as! String)!
            let all = try OaxacaBlinder.decompose(characteristics: Self.contributions, criteria: Self.criteria, outcome: y,
                                                  groups: Self.groups, reference: 0, covariance: type, regressors: regressors)
            let d = try #require(all.first { $0.group == Int32(e["group"] as! Int) })
            let label = "\(e["outcome_name"]!) g\(d.group) \(type) \(regressors)"
            #expect(d.droppedCriteria == e["dropped"] as! [String], "\(label) dropped \(d.droppedCriteria)")
            #expect(d.byCriterion.map(\.criterion) == e["kept"] as! [String])
            let pairs: [(Double?, String)] = [
                (d.gap.value, "gap"), (d.explained.value, "explained"), (d.unexplained.value, "unexplained"),
                (d.explainedStandardError.value, "explained_se"), (d.unexplainedStandardError.value, "unexplained_se"),
            ]
            for (got, key) in pairs {
                let want = Self.number(e[key])
                #expect(Self.close(got, want, 1e-9), "\(label) \(key) \(got ?? .nan) vs \(want)")
                worst = max(worst, abs((got ?? .nan) - want) / max(1, abs(want)))
            }
            for (c, (w, wse)) in zip(d.byCriterion, zip(Self.numbers(e["parts"]), Self.numbers(e["parts_se"]))) {
                #expect(Self.close(c.part, w, 1e-9) && Self.close(c.standardError.value, wse, 1e-9), "\(label) \(c.criterion)")
            }
            for (got, w) in zip(d.groupFit!.coefficients + d.referenceFit!.coefficients,
                                Self.numbers(e["group_params"]) + Self.numbers(e["reference_params"])) {
                #expect(Self.close(got, w, 1e-9), "\(label) coefficient")
            }
            // explained + unexplained = gap; the criterion parts sum to explained.
            #expect(abs(d.explained.value! + d.unexplained.value! - d.gap.value!) <= 1e-12)
            #expect(abs(d.byCriterion.reduce(0.0) { $0 + $1.part } - d.explained.value!) <= 1e-12)
        }
        print("Oaxaca–Blinder: max relative error \(worst)")
    }

    static var proxyFeatures: [ProxyFeature] {
        let proxy = json["proxy"] as! [String: Any]
        return (proxy["features"] as! [[String: Any]]).map { f in
            let name = f["name"] as! String
            return f["kind"] as! String == "categorical"
                ? ProxyFeature(name: name, values: .categorical(codes(f["values"])))
                : ProxyFeature(name: name, values: .numeric(numbers(f["values"])))
        }
    }

    @Test func proxyDetectionMatchesScipyStatsmodelsSklearn() throws {
        let proxy = Self.json["proxy"] as! [String: Any]
        let attributes = proxy["attributes"] as! [String: Any]
        var worstAssociation = 0.0, worstCoefficient = 0.0, worstSE = 0.0, worstAUC = 0.0
        for case let r as [String: Any] in proxy["results"] as! [Any] {
            let name = r["attribute"] as! String
            let report = try ProxyDetection.analyse(attribute: name, groups: Self.codes(attributes[name]), features: Self.proxyFeatures)
            let ranked = r["ranked"] as! [[String: Any]]
            #expect(report.ranked.map(\.feature) == ranked.map { $0["feature"] as! String }, "\(name) ranking")
            for (got, want) in zip(report.ranked, ranked) {
                #expect(got.measure.rawValue == want["measure"] as! String && got.count == want["count"] as! Int)
                #expect(Self.close(got.value.value, Self.number(want["value"]), 1e-12), "\(name) \(got.feature)")
                worstAssociation = max(worstAssociation, abs(got.value.value! - Self.number(want["value"])))
            }
            #expect(report.modelObservations == r["observations"] as! Int)
            let models = r["models"] as! [[String: Any]]
            #expect(report.models.map(\.level) == models.map { Int32($0["level"] as! Int) })
            for (got, want) in zip(report.models, models) {
                #expect(got.terms == r["terms"] as! [String])
                #expect(got.positives == want["positives"] as! Int && got.negatives == want["negatives"] as! Int)
                if want["converged"] as! Bool {
                    #expect(got.fit.converged && !got.fit.separation)
                    for (c, w) in zip(got.fit.coefficients, Self.numbers(want["params"])) {
                        #expect(Self.close(c.value, w, 1e-6), "\(name)=\(got.level) β \(c) vs \(w)")
                        worstCoefficient = max(worstCoefficient, abs(c.value! - w) / max(1, abs(w)))
                    }
                    for (s, w) in zip(got.fit.standardErrors, Self.numbers(want["bse"])) {
                        #expect(Self.close(s.value, w, 1e-6), "\(name)=\(got.level) SE \(s) vs \(w)")
                        worstSE = max(worstSE, abs(s.value! - w) / max(1, abs(w)))
                    }
                    #expect(Self.close(got.fit.logLikelihood.value, Self.number(want["llf"]), 1e-10))
                    #expect(Self.close(got.fit.auc.value, Self.number(want["auc"]), 1e-12), "\(name)=\(got.level) AUC")
                    worstAUC = max(worstAUC, abs(got.fit.auc.value! - Self.number(want["auc"])))
                } else {
                    // statsmodels did not converge either: a dummy with no positive row.
                    #expect(got.fit.separation, "\(name)=\(got.level) separation expected (\(want["diverging_terms"]!))")
                    #expect(got.fit.coefficients.allSatisfy { $0.reason != nil })
                    #expect((got.fit.auc.value ?? 0) > 0.5)
                }
            }
        }
        print("proxy: max abs error V/η \(worstAssociation), AUC \(worstAUC); max relative error β \(worstCoefficient), SE \(worstSE)")
    }

    @Test func completeSeparationIsReportedWithAnAUCOfOne() throws {
        let s = Self.json["separation"] as! [String: Any]
        let report = try ProxyDetection.analyse(attribute: "a", groups: Self.codes(s["attribute"]),
                                                features: [ProxyFeature(name: "x", values: .numeric(Self.numbers(s["x"])))])
        let fit = try #require(report.models.first?.fit)
        #expect(fit.separation && !fit.converged)
        #expect(fit.coefficients.allSatisfy { $0.reason?.contains("separation") == true })
        #expect(fit.auc.value == Self.number(s["auc"]))
        #expect(report.ranked.first?.value.value ?? 0 > 0.8)
    }
}

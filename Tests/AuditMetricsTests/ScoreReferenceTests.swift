@testable import AuditMetrics
import TestSupport
import Foundation
import Testing

/// Score fairness against `Fixtures/reference/scores/make_scores_reference.py`
/// (numpy, scipy 1.17 `ks_2samp`/`t.interval`/`kstwobign`, statsmodels Wilson and Katz,
/// scikit-learn `roc_auc_score`, DeLong from the explicit kernel matrix).
@Suite struct ScoreReferenceTests {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixture("reference/scores/scores_reference.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func number(_ any: Any?) -> Double? { (any as? String).flatMap(Double.init) }
    static func numbers(_ any: Any?) -> [Double]? { (any as? [Any]).map { $0.map { number($0) ?? .nan } } }

    /// Relative error |a − b|/max(|b|, floor); `floor` keeps values near 0 on an absolute scale.
    static func error(_ a: Double, _ b: Double, floor: Double = 1e-300) -> Double { abs(a - b) / max(abs(b), floor) }

    /// Tracks the largest relative error per kind of value, and checks each against its tolerance.
    final class Errors: @unchecked Sendable {
        var max: [String: Double] = [:]
        func check(_ kind: String, _ got: Double?, _ want: Double?, tolerance: Double, floor: Double = 1e-300, _ context: String) {
            guard let want else { #expect(got == nil, "\(context) \(kind): \(String(describing: got)) but the reference has none"); return }
            guard let got else { Issue.record("\(context) \(kind): undefined, reference \(want)"); return }
            let e = ScoreReferenceTests.error(got, want, floor: floor)
            max[kind] = Swift.max(max[kind] ?? 0, e)
            #expect(e <= tolerance, "\(context) \(kind): \(got) vs reference \(want) (relative error \(e))")
        }
    }

    static func sample(_ d: [String: Any]) throws -> ScoreSample {
        let groups = (d["groups"] as! [Int]).map { Int32($0) }
        let scores = (d["scores"] as! [Any]).map { number($0) ?? .nan }
        let labels = (d["y"] as? [Int]).map { $0.map { UInt8($0) } }
        return try ScoreSample(groups: groups, groupLabels: d["labels"] as! [String], scores: scores, labels: labels)
    }

    static func checkDistribution(_ got: ScoreDistribution, _ want: [String: Any], _ errors: Errors, _ context: String) {
        #expect(got.n == want["n"] as! Int, "\(context) n")
        guard got.n > 0 else { #expect(got.mean.reason != nil); return }
        errors.check("mean", got.mean.value, number(want["mean"]), tolerance: 1e-12, context)
        let q = [got.p10, got.p25, got.median, got.p75, got.p90]
        for (value, reference) in zip(q, numbers(want["quantiles"])!) {
            errors.check("quantile", value.value, reference, tolerance: 1e-12, context)
        }
        errors.check("sd", got.standardDeviation.value, number(want["sd"]), tolerance: 1e-12, context)
        let t = numbers(want["t_interval"])
        // The t critical value inverts the incomplete beta function iteratively: 1e-10.
        errors.check("t_interval", got.meanInterval?.low, t?[0], tolerance: 1e-10, context)
        errors.check("t_interval", got.meanInterval?.high, t?[1], tolerance: 1e-10, context)
        if got.meanInterval != nil { #expect(got.meanInterval?.method == .studentT) }
    }

    static func checkAUC(_ got: ROCAUC?, _ want: [String: Any]?, _ errors: Errors, _ context: String) {
        guard let want else { #expect(got?.auc.value == nil, "\(context) auc should be undefined"); return }
        guard let got else { Issue.record("\(context): no AUC"); return }
        #expect(got.positives == want["positives"] as! Int && got.negatives == want["negatives"] as! Int)
        errors.check("auc", got.auc.value, number(want["auc"]), tolerance: 1e-12, context)
        errors.check("auc_vs_sklearn", got.auc.value, number(want["auc_sklearn"]), tolerance: 1e-12, context)
        errors.check("auc_se", got.standardError.value, number(want["se"]), tolerance: 1e-10, context)
        errors.check("auc_interval", got.interval?.low, number(want["low"]), tolerance: 1e-10, context)
        errors.check("auc_interval", got.interval?.high, number(want["high"]), tolerance: 1e-10, context)
    }

    static func checkCalibration(_ got: [CalibrationBin], _ want: [Any], _ errors: Errors, _ context: String) {
        #expect(got.count == want.count, "\(context) bins")
        for (j, (bin, w)) in zip(got, want.map { $0 as! [String: Any] }).enumerated() {
            let c = "\(context) bin \(j + 1)"
            #expect(bin.n == w["n"] as! Int, "\(c) n")
            if bin.n == 0 {
                #expect(bin.observedRate.reason?.hasPrefix("empty bin") == true && bin.meanScore.value == nil && bin.observedRateInterval == nil, "\(c)")
                continue
            }
            #expect(bin.positives == w["positives"] as! Int, "\(c) positives")
            errors.check("calibration_rate", bin.observedRate.value, number(w["rate"]), tolerance: 1e-12, c)
            errors.check("calibration_mean_score", bin.meanScore.value, number(w["mean_score"]), tolerance: 1e-12, c)
            let wilson = numbers(w["wilson"])!
            errors.check("calibration_wilson", bin.observedRateInterval?.low, wilson[0], tolerance: 1e-9, floor: 1e-6, c)
            errors.check("calibration_wilson", bin.observedRateInterval?.high, wilson[1], tolerance: 1e-9, c)
        }
    }

    static func checkKS(_ got: KolmogorovSmirnov?, _ want: [String: Any]?, exact: Bool, _ errors: Errors, _ context: String) {
        guard let want else { #expect(got == nil, "\(context): KS should be undefined"); return }
        guard let got else { Issue.record("\(context): no KS"); return }
        errors.check("ks_distance", got.distance, number(want["d"]), tolerance: 1e-12, context)
        if exact {
            #expect(got.method == .exact, "\(context): method \(got.method)")
            errors.check("ks_p_exact", got.pValue, number(want["p_exact"]), tolerance: 1e-9, context)
        } else {
            #expect(got.method == .asymptotic)
            errors.check("ks_p_kstwobign", got.pValue, number(want["p_kstwobign"]), tolerance: 1e-9, context)
        }
    }

    @Test(arguments: [true, false]) func everyDatasetMatchesTheReferenceTools(exactKS: Bool) throws {
        let errors = Errors()
        let level = Self.json["level"] as! Double
        var datasets = 0
        for case let d as [String: Any] in Self.json["datasets"] as! [Any] {
            let name = d["name"] as! String
            let sample = try Self.sample(d)
            var options = ScoreFairness.Options()
            options.level = level
            options.reference = d["reference"] as? Int
            options.ksMethod = exactKS ? .exact : .asymptotic
            options.calibrationBins = 10
            options.calibrationBinning = .quantile
            let result = try ScoreFairness.analyze(sample, options: options)
            let overall = d["overall"] as! [String: Any]
            Self.checkDistribution(result.overall.distribution, overall["distribution"] as! [String: Any], errors, "\(name) overall")
            if d["y"] is [Int] {
                Self.checkAUC(result.overall.auc, overall["auc"] as? [String: Any], errors, "\(name) overall")
                Self.checkCalibration(result.overall.calibration, overall["calibration"] as! [Any], errors, "\(name) overall")
                for (e, want) in zip(result.edges, Self.numbers(d["edges"])!) { errors.check("calibration_edge", e, want, tolerance: 1e-12, "\(name) edges") }
            } else {
                #expect(result.overall.auc == nil && result.edges.isEmpty)
            }
            let highest = d["highest"] as? Int
            for (g, want) in (d["per_group"] as! [[String: Any]]).enumerated() {
                let got = result.groups[g]
                let context = "\(name) \(got.label)"
                Self.checkDistribution(got.distribution, want["distribution"] as! [String: Any], errors, context)
                let rate = try #require(got.scoringRate)
                #expect(rate.above == want["above"] as! Int && rate.n == want["n"] as! Int, "\(context) above/n")
                #expect(rate.isHighest == (g == highest), "\(context) highest")
                errors.check("scoring_rate", rate.rate.value, Self.number(want["scoring_rate"]), tolerance: 1e-15, floor: 1e-15, context)
                let wilson = Self.numbers(want["scoring_rate_wilson"])
                errors.check("scoring_rate_wilson", rate.rateInterval?.low, wilson?[0], tolerance: 1e-9, floor: 1e-6, context)
                errors.check("scoring_rate_wilson", rate.rateInterval?.high, wilson?[1], tolerance: 1e-9, context)
                errors.check("impact_ratio", rate.impactRatio.value, Self.number(want["impact_ratio"]), tolerance: 1e-15, floor: 1e-15, context)
                let katz = Self.numbers(want["impact_ratio_katz"])
                errors.check("impact_ratio_katz", rate.impactRatioInterval?.low, katz?[0], tolerance: 1e-9, floor: 1e-6, context)
                errors.check("impact_ratio_katz", rate.impactRatioInterval?.high, katz?[1], tolerance: 1e-9, context)
                if rate.n > 0, rate.impactRatio.value == nil { #expect(rate.impactRatio.reason?.isEmpty == false) }
                Self.checkKS(got.ksVersusRest, want["ks_rest"] as? [String: Any], exact: exactKS, errors, "\(context) ks_rest")
                if options.reference != nil, g != options.reference {
                    Self.checkKS(got.ksVersusReference, want["ks_reference"] as? [String: Any], exact: exactKS, errors, "\(context) ks_reference")
                } else {
                    #expect(got.ksVersusReference == nil)
                }
                if d["y"] is [Int] {
                    Self.checkAUC(got.auc, want["auc"] as? [String: Any], errors, context)
                    Self.checkCalibration(got.calibration, want["calibration"] as! [Any], errors, context)
                }
            }
            datasets += 1
        }
        #expect(datasets == 4)
        print("score fairness vs reference tools (KS \(exactKS ? "exact" : "asymptotic")), max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }

    @Test func ksPairsMatchScipyExactAndKolmogorovLimit() {
        let errors = Errors()
        var compared = 0
        for case let p as [String: Any] in Self.json["ks_pairs"] as! [Any] {
            let a = Self.numbers(p["a"])!.sorted(), b = Self.numbers(p["b"])!.sorted()
            let context = "ks \(a.count)×\(b.count)"
            Self.checkKS(KolmogorovSmirnov.twoSample(sorted: a, sorted: b, method: .exact), p, exact: true, errors, context)
            Self.checkKS(KolmogorovSmirnov.twoSample(sorted: a, sorted: b, method: .asymptotic), p, exact: false, errors, context)
            // `.auto` is exact at these sizes (≤ 10,000), as scipy's method='auto'.
            #expect(KolmogorovSmirnov.twoSample(sorted: a, sorted: b)?.method == .exact)
            // Symmetric in the two samples.
            #expect(KolmogorovSmirnov.twoSample(sorted: b, sorted: a, method: .exact) == KolmogorovSmirnov.twoSample(sorted: a, sorted: b, method: .exact).map {
                KolmogorovSmirnov(distance: $0.distance, pValue: $0.pValue, method: $0.method, n1: $0.n2, n2: $0.n1)
            })
            compared += 1
        }
        #expect(compared == 9)
        print("KS pairs vs scipy, max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }
}

@testable import AuditMetrics
import Foundation
import TestSupport
import Testing

/// Every special function and test against 50-digit references
/// (`Fixtures/reference/numerics/make_numerics_reference.py`, mpmath and exact rationals),
/// over the ranges an audit of a large file reaches: parameters up to 10⁶, tails down to
/// 1e-300, thousands of tied times, all-tied scores (issue 13). Prints the table of worst
/// relative errors reproduced in `docs/inference.md` ("Numerical accuracy").
@Suite struct NumericsSweepTests {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixture("reference/numerics/numerics_reference.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func cases(_ name: String) -> [[String: Any]] { json[name] as! [[String: Any]] }
    static func number(_ any: Any?) -> Double? {
        if let s = any as? String { return Double(s) }
        return (any as? NSNumber)?.doubleValue
    }

    /// Worst relative error per function, checked against its tolerance.
    final class Sweep: @unchecked Sendable {
        struct Row { var cases = 0; var worst = 0.0; var at = "" }
        var rows: [String: Row] = [:]
        var order: [String] = []

        /// |got − want| / |want| (absolute when want = 0).
        func check(_ function: String, _ got: Double?, _ want: Double?, tolerance: Double, _ context: @autoclosure () -> String) {
            if rows[function] == nil { rows[function] = Row(); order.append(function) }
            guard let want else { return }
            guard let got, got.isFinite else { Issue.record("\(function) \(context()): no value, reference \(want)"); return }
            let error = want == 0 ? abs(got) : abs(got - want) / abs(want)
            rows[function]!.cases += 1
            if error > rows[function]!.worst { rows[function]!.worst = error; rows[function]!.at = context() }
            #expect(error <= tolerance, "\(function) \(context()): Vigie \(got), reference \(want), relative error \(error)")
        }

        func table() -> String {
            order.map { f in
                let r = rows[f]!
                return "| \(f) | \(r.cases) | \(String(format: "%.1e", r.worst)) | \(r.at) |"
            }.joined(separator: "\n")
        }
    }

    @Test func everySpecialFunctionAndTestAgainstFiftyDigits() throws {
        let sweep = Sweep()
        for c in Self.cases("incomplete_beta") {
            let a = Self.number(c["a"])!, b = Self.number(c["b"])!, x = Self.number(c["x"])!
            let context = "a = \(a), b = \(b), x = \(x)"
            // The worst cases (1.6e-11) are tails of Beta(10⁶, b ≤ 25) just below x = 1, where the
            // continued fraction loses about ε/(1 − x) (SpecialFunctions.betaTail).
            sweep.check("incomplete beta I_x(a, b)", SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: x), Self.number(c["lower"]), tolerance: 3e-11, context)
            sweep.check("incomplete beta 1 − I_x(a, b)", SpecialFunctions.betaTail(a: a, b: b, x: x, y: 1 - x, upper: true), Self.number(c["upper"]), tolerance: 3e-11, context)
        }
        for c in Self.cases("inverse_incomplete_beta") {
            let a = Self.number(c["a"])!, b = Self.number(c["b"])!, p = Self.number(c["p"])!
            sweep.check("inverse incomplete beta", SpecialFunctions.inverseRegularizedIncompleteBeta(a: a, b: b, p: p), Self.number(c["x"]), tolerance: 1e-11, "a = \(a), b = \(b), p = \(p)")
        }
        for c in Self.cases("inverse_incomplete_beta_upper") {
            let a = Self.number(c["a"])!, b = Self.number(c["b"])!, q = Self.number(c["p"])!
            sweep.check("inverse incomplete beta, upper tail", SpecialFunctions.inverseRegularizedIncompleteBetaComplement(a: a, b: b, q: q), Self.number(c["x"]), tolerance: 1e-11, "a = \(a), b = \(b), q = \(q)")
        }
        for c in Self.cases("upper_incomplete_gamma") {
            let a = Self.number(c["a"])!, x = Self.number(c["x"])!
            sweep.check("upper incomplete gamma Q(a, x)", SpecialFunctions.regularizedUpperIncompleteGamma(a: a, x: x), Self.number(c["q"]), tolerance: 1e-11, "a = \(a), x = \(x)")
        }
        for c in Self.cases("normal") {
            let x = Self.number(c["x"])!
            sweep.check("normal Φ(x)", Normal.cdf(x), Self.number(c["cdf"]), tolerance: 1e-13, "x = \(x)")
            sweep.check("normal 1 − Φ(x)", Normal.survival(x), Self.number(c["sf"]), tolerance: 1e-13, "x = \(x)")
            sweep.check("normal Φ(x), bootstrap copy", BootstrapNormal.cdf(x), Self.number(c["cdf"]), tolerance: 1e-13, "x = \(x)")
        }
        for c in Self.cases("normal_quantile") {
            let p = Self.number(c["p"])!
            sweep.check("normal quantile Φ⁻¹(p)", Normal.quantile(p), Self.number(c["x"]), tolerance: 1e-13, "p = \(p)")
            sweep.check("normal quantile, bootstrap copy", BootstrapNormal.quantile(p), Self.number(c["x"]), tolerance: 1e-13, "p = \(p)")
        }
        for c in Self.cases("student_t_critical") {
            let level = Self.number(c["level"])!, nu = Self.number(c["nu"])!
            sweep.check("Student t critical value", StudentT.criticalValue(level: level, degreesOfFreedom: nu), Self.number(c["t"]), tolerance: 1e-11, "level = \(level), ν = \(nu)")
        }
        for c in Self.cases("chi2_sf") {
            let x = Self.number(c["x"])!, nu = Self.number(c["nu"])!
            sweep.check("chi-square tail P(X > x)", ChiSquared.survival(x, degreesOfFreedom: nu), Self.number(c["p"]), tolerance: 1e-11, "x = \(x), ν = \(nu)")
        }
        for c in Self.cases("fisher_exact") {
            let t = (c["table"] as! [Int])
            sweep.check("Fisher's exact test", ProportionTests.fisherExact(t[0], t[1], t[2], t[3]), Self.number(c["p"]), tolerance: 1e-11, "table \(t)")
        }
        for c in Self.cases("clopper_pearson") {
            let x = Self.number(c["x"])!, n = Self.number(c["n"])!, level = Self.number(c["level"])!
            let ci = ProportionInterval.clopperPearson(successes: x, trials: n, level: level)
            sweep.check("Clopper–Pearson lower bound", ci?.low, Self.number(c["low"]), tolerance: 1e-11, "x = \(x), n = \(n), level = \(level)")
            // At n = 10⁹, x ≤ 1 and level 1 − 10⁻⁶ the bound (1.7e-8) is the upper tail 5e-7 of
            // Beta(2, 10⁹) inverted: 1.4e-9 relative (2e-17 absolute); elsewhere 1e-11.
            sweep.check("Clopper–Pearson upper bound", ci?.high, Self.number(c["high"]), tolerance: n >= 1e9 ? 3e-9 : 1e-11, "x = \(x), n = \(n), level = \(level)")
        }
        for c in Self.cases("two_proportion_z") {
            let k = (c["counts"] as! [Int]).map(Double.init)
            let z = ProportionTests.twoProportionZ(successes1: k[0], trials1: k[1], successes2: k[2], trials2: k[3])
            sweep.check("two-proportion z", z?.z, Self.number(c["z"]), tolerance: 1e-11, "counts \(k)")
            sweep.check("two-proportion z test p-value", z?.pValue, Self.number(c["p"]), tolerance: 1e-10, "counts \(k)")
        }
        for c in Self.cases("bca_levels") {
            let share = c["share"] as! [Int], a = Self.number(c["acceleration"])!, level = Self.number(c["level"])!
            let levels = BootstrapIntervals.bcaLevels(biasShare: Double(share[0]) / Double(share[1]), acceleration: a, level: level)
            let context = "share \(share[0])/\(share[1]), a = \(a), level = \(level)"
            sweep.check("BCa level α₁", levels?.0, Self.number(c["alpha1"]), tolerance: 1e-11, context)
            sweep.check("BCa level α₂", levels?.1, Self.number(c["alpha2"]), tolerance: 1e-11, context)
        }
        for (i, c) in Self.cases("logrank").enumerated() {
            let groups = c["groups"] as! Int
            var g: [Int32] = [], t: [Double] = [], e: [UInt8] = []
            for row in c["data"] as! [[Int]] {
                for _ in 0..<row[2] { g.append(Int32(row[1])); t.append(Double(row[0])); e.append(1) }
                for _ in 0..<row[3] { g.append(Int32(row[1])); t.append(Double(row[0])); e.append(0) }
            }
            let test = LogRank(try WaitingTimes(groups: g, groupLabels: (0..<groups).map { "g\($0)" }, time: t, event: e))
            let context = "data set \(i + 1): \(g.count) applicants, \(Set(t).count) distinct times"
            sweep.check("log-rank statistic", test.statistic.value, Self.number(c["statistic"]), tolerance: 1e-11, context)
            sweep.check("log-rank p-value", test.pValue.value, Self.number(c["p"]), tolerance: 1e-10, context)
        }
        for (i, c) in Self.cases("kaplan_meier").enumerated() {
            var t: [Double] = [], e: [UInt8] = []
            for row in c["data"] as! [[Int]] {
                for _ in 0..<row[1] { t.append(Double(row[0])); e.append(1) }
                for _ in 0..<row[2] { t.append(Double(row[0])); e.append(0) }
            }
            let km = KaplanMeier(sortedTimes: t, events: e, level: Self.number(c["level"])!)
            let context = "data set \(i + 1): \(t.count) applicants, \(Set(t).count) distinct times"
            let points = c["points"] as! [[String: Any]]
            #expect(km.curve.count == points.count, "\(context)")
            for (p, want) in zip(km.curve, points) {
                let at = "\(context), t = \(p.time)"
                sweep.check("Kaplan–Meier Ŝ(t)", p.survival, Self.number(want["survival"]), tolerance: 1e-12, at)
                sweep.check("Kaplan–Meier Greenwood SE", p.standardError, Self.number(want["se"]), tolerance: 1e-12, at)
                sweep.check("Kaplan–Meier log(−log) band", p.lower, Self.number(want["lower"]), tolerance: 1e-11, at)
                sweep.check("Kaplan–Meier log(−log) band", p.upper, Self.number(want["upper"]), tolerance: 1e-11, at)
            }
            // The median and its interval are times: exactly equal.
            #expect(km.medianWait.value == Self.number(c["median"]), "\(context): median \(km.medianWait)")
            #expect(km.medianLower.value == Self.number(c["median_lower"]), "\(context): median lower \(km.medianLower)")
            #expect(km.medianUpper.value == Self.number(c["median_upper"]), "\(context): median upper \(km.medianUpper)")
        }
        for (i, c) in Self.cases("delong").enumerated() {
            var s: [Double] = [], y: [UInt8] = []
            for row in c["data"] as! [[Any]] {
                let score = Self.number(row[0])!, positives = row[1] as! Int, negatives = row[2] as! Int
                for _ in 0..<positives { s.append(score); y.append(1) }
                for _ in 0..<negatives { s.append(score); y.append(0) }
            }
            let roc = ROCAUC(sortedScores: s, labels: y)
            let context = "data set \(i + 1): \(s.count) rows, \(Set(s).count) distinct scores"
            sweep.check("DeLong AUC", roc.auc.value, Self.number(c["auc"]), tolerance: 1e-14, context)
            sweep.check("DeLong SE", roc.standardError.value, Self.number(c["se"]), tolerance: 1e-12, context)
        }
        print("| function | values | worst relative error | where |\n|---|---|---|---|\n" + sweep.table())
    }
}

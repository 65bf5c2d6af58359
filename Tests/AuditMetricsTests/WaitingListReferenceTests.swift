@testable import AuditMetrics
import TestSupport
import Foundation
import Testing

/// Waiting-list fairness against `Fixtures/reference/waiting/make_waiting_reference.py`:
/// top-k shares, exposure and NDKL from their definitions (numpy, `scipy.stats.entropy`),
/// Kaplan–Meier, Greenwood, log(−log) bands, medians and their intervals from lifelines 0.30
/// `KaplanMeierFitter`, the log-rank test from `multivariate_logrank_test`.
@Suite struct WaitingListReferenceTests {
    nonisolated(unsafe) static let json: [String: Any] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixture("reference/waiting/waiting_reference.json")))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func number(_ any: Any?) -> Double? { (any as? String).flatMap(Double.init) }
    static func numbers(_ any: Any?) -> [Double]? { (any as? [Any]).map { $0.map { number($0) ?? .nan } } }

    typealias Errors = ScoreReferenceTests.Errors

    @Test func rankingsMatchTheDefinitions() throws {
        let errors = Errors()
        var compared = 0
        for case let d as [String: Any] in Self.json["rankings"] as! [Any] {
            let name = d["name"] as! String
            let ranked = try RankedApplicants(groups: (d["groups"] as! [Int]).map { Int32($0) }, groupLabels: d["labels"] as! [String], rank: d["rank"] as! [Int])
            let k = d["k"] as! Int
            let (overall, groups) = try WaitingListFairness.rankingEntries(ranked, allocated: k)
            errors.check("ndkl", overall.first { $0.name == "ndkl" }?.value.value, Self.number(d["ndkl"]), tolerance: 1e-10, name)
            for (g, want) in (d["per_group"] as! [[String: Any]]).enumerated() {
                let context = "\(name) group \(g)"
                #expect(ranked.groupSizes[g] == want["applicants"] as! Int, "\(context) applicants")
                #expect(try ranked.topKShares(k: k)[g].inTopK == want["in_top_k"] as! Int, "\(context) in top k")
                for key in ["applicant_share", "top_k_share", "top_k_share_ratio", "mean_exposure", "exposure_share", "exposure_ratio"] {
                    let entry = try #require(groups[g].first { $0.name == key }, "\(context) \(key)")
                    errors.check(key, entry.value.value, Self.number(want[key]), tolerance: 1e-12, floor: 1e-15, context)
                    if entry.value.value == nil { #expect(entry.value.reason?.isEmpty == false) }
                }
                compared += 1
            }
        }
        #expect(compared == 3 + 5 + 2)
        print("rankings vs definitions, max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }

    static func checkCurve(_ km: KaplanMeier, _ want: [String: Any], tau: Double, _ errors: Errors, _ context: String) {
        #expect(km.n == want["n"] as! Int, "\(context) n")
        guard km.n > 0 else { #expect(km.medianWait.reason == "empty group: no applicant"); return }
        #expect(km.events == want["events"] as! Int, "\(context) events")
        let times = numbers(want["times"])!
        #expect(km.curve.map(\.time) == times, "\(context) times")
        for (i, p) in km.curve.enumerated() where i < times.count {
            errors.check("survival", p.survival, numbers(want["survival"])![i], tolerance: 1e-12, floor: 1e-12, "\(context) t=\(p.time)")
            errors.check("greenwood_se", p.standardError, numbers(want["se"])![i], tolerance: 1e-10, floor: 1e-12, "\(context) t=\(p.time)")
            errors.check("band_lower", p.lower, numbers(want["lower"])![i], tolerance: 1e-10, floor: 1e-12, "\(context) t=\(p.time)")
            errors.check("band_upper", p.upper, numbers(want["upper"])![i], tolerance: 1e-10, floor: 1e-12, "\(context) t=\(p.time)")
        }
        errors.check("median", km.medianWait.value, number(want["median"]), tolerance: 0, context)
        errors.check("median_lower", km.medianLower.value, number(want["median_lower"]), tolerance: 0, context)
        errors.check("median_upper", km.medianUpper.value, number(want["median_upper"]), tolerance: 0, context)
        errors.check("restricted_mean", km.restrictedMeanWait(upTo: tau).value, number(want["rmst"]), tolerance: 1e-12, context)
    }

    @Test func survivalMatchesLifelines() throws {
        let errors = Errors()
        let level = Self.json["level"] as! Double
        var tests = 0
        for case let d as [String: Any] in Self.json["survival"] as! [Any] {
            let name = d["name"] as! String
            let times = try WaitingTimes(groups: (d["groups"] as! [Int]).map { Int32($0) }, groupLabels: d["labels"] as! [String],
                                         time: Self.numbers(d["time"])!, event: (d["event"] as! [Int]).map { UInt8($0) })
            let s = try WaitingListFairness.survival(times, level: level)
            let tau = try #require(Self.number(d["tau"]))
            #expect(WaitingListFairness.commonHorizon(s.groups) == tau, "\(name) horizon")
            Self.checkCurve(s.overall, d["overall"] as! [String: Any], tau: tau, errors, "\(name) overall")
            for (g, want) in (d["per_group"] as! [[String: Any]]).enumerated() {
                Self.checkCurve(s.groups[g], want, tau: tau, errors, "\(name) \(times.groupLabels[g])")
            }
            if let logrank = d["logrank"] as? [String: Any] {
                #expect(s.logRank.degreesOfFreedom == logrank["df"] as! Int)
                // lifelines inverts the covariance matrix by pseudo-inverse, Vigie by Cholesky: 1e-10.
                errors.check("logrank_chi2", s.logRank.statistic.value, Self.number(logrank["chi2"]), tolerance: 1e-10, name)
                errors.check("logrank_p", s.logRank.pValue.value, Self.number(logrank["p"]), tolerance: 1e-9, name)
                tests += 1
            }
        }
        #expect(tests == 3)
        print("survival vs lifelines, max relative errors: \(errors.max.sorted { $0.key < $1.key })")
    }
}

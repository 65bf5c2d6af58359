@testable import AuditMetrics
import Foundation
import TestSupport
import Testing

/// The exact two-sample KS p-value against exact big-integer path counts
/// (`Fixtures/reference/scores/make_ks_exact_reference.py`), from p ≈ 1 down to below 1e-300,
/// on unbalanced, near-balanced and balanced sizes (issue 13).
@Suite struct KolmogorovSmirnovExactTests {
    struct Case {
        let n1: Int, n2: Int, h: Int
        /// The exact p-value, or `nil` below double range (see `log10P`).
        let p: Double
        let log10P: Double?
    }

    static let cases: [Case] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixture("reference/scores/ks_exact_reference.json")))
        let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return (json["cases"] as! [[String: Any]]).map {
            Case(n1: $0["n1"] as! Int, n2: $0["n2"] as! Int, h: $0["h"] as! Int,
                 p: Double($0["p"] as! String)!, log10P: ($0["log10_p"] as? NSNumber)?.doubleValue)
        }
    }()

    @Test func exactPValuesMatchTheBigIntegerPathCountDownTo1eMinus300() throws {
        var worst = 0.0, compared = 0, bounded = 0
        for c in Self.cases {
            let context = "\(c.n1) × \(c.n2), h = \(c.h), exact p = \(c.p) (log10 \(c.log10P ?? 0))"
            let ks = try #require(KolmogorovSmirnov.test(numerator: c.h, n1: c.n1, n2: c.n2, method: .exact), "\(context)")
            #expect(ks.method == .exact, "\(context)")
            #expect(ks.pValue > 0 && ks.pValue <= 1, "\(context): \(ks.pValue)")
            // Symmetric in the two samples (checked on the smaller cases, to keep the suite fast).
            if c.n1 * c.n2 <= 500_000 {
                let swapped = try #require(KolmogorovSmirnov.test(numerator: c.h, n1: c.n2, n2: c.n1, method: .exact))
                #expect(swapped.pValue == ks.pValue && swapped.pValueIsUpperBound == ks.pValueIsUpperBound, "\(context): swapped")
            }
            if let l = c.log10P, l < -300 {
                // Beyond double precision: the bound 1e-300, flagged, never 0.
                #expect(ks.pValueIsUpperBound && ks.pValue == KolmogorovSmirnov.smallestPublishedPValue, "\(context): \(ks.pValue)")
                bounded += 1
                continue
            }
            #expect(!ks.pValueIsUpperBound, "\(context)")
            let error = abs(ks.pValue - c.p) / c.p
            worst = max(worst, error)
            #expect(error <= 1e-12, "\(context): Vigie \(ks.pValue), relative error \(error)")
            compared += 1
        }
        #expect(compared == 44 && bounded == 5)
        print("KS exact p-value vs big-integer path count: \(compared) values, worst relative error \(worst); \(bounded) below 1e-300 published as the bound")
    }

    /// Issue 13's reproducer: 5,690 against 670 applicants at D = 0.569. The rescaled path count
    /// gave p = 1 (subnormal cells that never shrank inflated p past 1 before the cap); the
    /// exact value is 2.864e-182.
    @Test func unbalancedGroupsThatDifferMassivelyAreNotCalledNoDifference() throws {
        let ks = try #require(KolmogorovSmirnov.test(numerator: 2_169_200, n1: 5690, n2: 670, method: .auto))
        #expect(ks.method == .exact && !ks.pValueIsUpperBound)
        #expect(abs(ks.distance - 0.569) < 1e-6)
        #expect(abs(ks.pValue - 2.8644456752013181491e-182) / 2.8644456752013181491e-182 < 1e-12, "\(ks.pValue)")
        // Balanced sizes, where the old count lost one side of the band (half the two-sided value).
        let balanced = try #require(KolmogorovSmirnov.test(numerator: 700_000, n1: 1000, n2: 1000, method: .exact))
        #expect(abs(balanced.pValue - 3.528845177588979e-235) / 3.528845177588979e-235 < 1e-12, "\(balanced.pValue)")
    }

    /// Beyond 1e-300 the value is the bound with a reason, in both methods; the central table
    /// marks it `upper_bound`.
    @Test func pValuesBeyondDoublePrecisionArePublishedAsAnUpperBound() throws {
        let exact = try #require(KolmogorovSmirnov.test(numerator: 3_431_070, n1: 5690, n2: 670, method: .exact))
        #expect(exact.pValue == 1e-300 && exact.pValueIsUpperBound)
        let limit = try #require(KolmogorovSmirnov.test(numerator: 3_431_070, n1: 5690, n2: 670, method: .asymptotic))
        #expect(limit.method == .asymptotic && limit.pValue == 1e-300 && limit.pValueIsUpperBound)
        // Far from the bound the limit is a number, not a bound.
        let moderate = try #require(KolmogorovSmirnov.test(numerator: 381_230, n1: 5690, n2: 670, method: .asymptotic))
        #expect(!moderate.pValueIsUpperBound && moderate.pValue > 1e-6 && moderate.pValue < 1e-4)
        let entries = ScoreGroupResult.ksEntries(exact, ids: (.ksDistance, .ksPValue), n: 5690, reason: "unused")
        let p = try #require(entries.first { $0.name == "ks_p_value" })
        #expect(p.value.value == 1e-300 && p.value.status == "upper_bound")
        #expect(p.value.reason?.hasPrefix("upper bound") == true)
        let d = try #require(entries.first { $0.name == "ks_distance" })
        #expect(d.value == .defined(0.9))
        // An ordinary p-value stays `ok`.
        let ordinary = try #require(KolmogorovSmirnov.test(numerator: 381_230, n1: 5690, n2: 670, method: .exact))
        #expect(ScoreGroupResult.ksEntries(ordinary, ids: (.ksDistance, .ksPValue), n: 1, reason: "").last?.value.status == "ok")
    }

    /// The probability recurrence against a direct enumeration of every path on small sizes:
    /// all numerators, both orders.
    @Test func smallSizesMatchAnEnumerationOfEveryPath() {
        func enumerate(_ m: Int, _ n: Int, _ h: Int) -> Double {
            // Count, over all C(m+n, n) paths, those touching |i n − j m| ≥ h.
            var touching = 0, total = 0
            func walk(_ i: Int, _ j: Int, _ touched: Bool) {
                let t = touched || abs(i * n - j * m) >= h
                if i == m && j == n { total += 1; if t { touching += 1 }; return }
                if i < m { walk(i + 1, j, t) }
                if j < n { walk(i, j + 1, t) }
            }
            walk(0, 0, false)
            return Double(touching) / Double(total)
        }
        for (m, n) in [(1, 1), (2, 3), (5, 4), (7, 3), (6, 6), (9, 2)] {
            for h in 1...(m * n) {
                let want = enumerate(m, n, h)
                let got = KolmogorovSmirnov.exactPValue(numerator: h, n1: m, n2: n) ?? -1
                #expect(abs(got - want) <= 1e-14 * max(want, 1e-300) + 1e-16, "\(m) × \(n), h = \(h): \(got) vs \(want)")
            }
        }
    }
}

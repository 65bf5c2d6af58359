import Foundation

extension ProportionTests {
    /// Relative tolerance under which two table probabilities count as tied (R's `fisher.test`
    /// and scipy < 1.7 use 1 + 1e-7; current scipy 1.17 uses 1 + 1e-14 on its own pmf values).
    static let fisherRelativeTolerance = 1 + 1e-7

    /// Two-sided Fisher exact test on the 2×2 table [[a, b], [c, d]] (Fisher 1922):
    /// conditioning on the margins, a follows the hypergeometric distribution
    /// P(a = k) = C(a+b, k)·C(c+d, a+c−k)/C(N, a+c), and the p-value is the total probability of
    /// the tables no more likely than the observed one, Σ_{k: P(k) ≤ P(a)·(1 + 1e-7)} P(k).
    ///
    /// Semantics of `scipy.stats.fisher_exact(table, alternative='two-sided')`, including
    /// p = 1 when a row or column total is 0; the relative tie tolerance 1 + 1e-7 is the one
    /// in the brief and in R (scipy 1.17 uses 1 + 1e-14; both give identical p-values on all
    /// reference tables). The probabilities are computed relative to the mode by the ratio
    /// recurrence P(k+1)/P(k) = (r₁−k)(c₁−k)/((k+1)(r₂−c₁+k+1)) in log space, so p-values keep
    /// full relative precision down to ~1e-300 and very large tables cost only about
    /// O(√N) steps (the negligible tails, below e⁻⁶⁰ of the smallest relevant term, are skipped).
    ///
    /// Counts are integers: weighted callers should pass rounded Kish effective counts,
    /// `Int(x.rounded())` (to nearest, halves away from zero). Negative counts are invalid and
    /// give the documented value 1 (no evidence).
    public static func fisherExact(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        guard a >= 0, b >= 0, c >= 0, d >= 0 else { return 1 }
        let row1 = a + b, row2 = c + d, col1 = a + c, col2 = b + d
        if row1 == 0 || row2 == 0 || col1 == 0 || col2 == 0 { return 1 }
        let total = row1 + row2
        let lowK = max(0, col1 - row2), highK = min(row1, col1)
        // scipy's mode: ⌊(c₁ + 1)(r₁ + 1)/(N + 2)⌋
        let mode = min(max(Int((Double(col1 + 1) * Double(row1 + 1) / Double(total + 2)).rounded(.down)), lowK), highK)
        let r1 = Double(row1), r2 = Double(row2), c1 = Double(col1)
        /// ln(P(k+1)/P(k))
        func logStepUp(_ k: Int) -> Double {
            let kk = Double(k)
            return log((r1 - kk) * (c1 - kk)) - log((kk + 1) * (r2 - c1 + kk + 1))
        }
        // ln P(a)/P(mode)
        var logObserved = 0.0
        if a > mode {
            for k in mode..<a { logObserved += logStepUp(k) }
        } else if a < mode {
            for k in a..<mode { logObserved -= logStepUp(k) }
        }
        let threshold = logObserved + log(fisherRelativeTolerance)
        let floor = min(logObserved, 0) - 60
        // Sums relative to the mode (all terms ≤ 1) and to the observed term (selected terms ≤ 1 + 1e-7).
        var total0 = 1.0
        var selected = 0 <= threshold ? exp(-logObserved) : 0
        // upwards
        var logTerm = 0.0
        var k = mode
        while k < highK {
            let step = logStepUp(k)
            logTerm += step
            k += 1
            total0 += exp(logTerm)
            if logTerm <= threshold { selected += exp(logTerm - logObserved) }
            if logTerm < floor && step < -0.01 { break }
        }
        // downwards
        logTerm = 0.0
        k = mode
        while k > lowK {
            let step = -logStepUp(k - 1)
            logTerm += step
            k -= 1
            total0 += exp(logTerm)
            if logTerm <= threshold { selected += exp(logTerm - logObserved) }
            if logTerm < floor && step < -0.01 { break }
        }
        let p = exp(log(selected) + logObserved - log(total0))
        return min(p, 1)
    }
}

import Foundation

/// Hypothesis tests comparing binomial proportions between groups.
///
/// Group i has `successesᵢ` positives out of `trialsᵢ`; counts may be non-integer (Kish
/// effective counts) except for the Fisher exact test, which needs integers.
public enum ProportionTests {
    /// Two-sided two-proportion z test with pooled variance:
    ///
    ///     z = (p̂₁ − p̂₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)),  p̄ = (x₁ + x₂)/(n₁ + n₂),  p = 2·(1 − Φ(|z|))
    ///
    /// statsmodels `proportions_ztest([x1, x2], [n1, n2])` (default `value=None`,
    /// `prop_var=False`); z² equals the Pearson chi-square statistic of the 2×2 table without
    /// continuity correction. `nil` when a proportion is invalid (trials <= 0, successes outside
    /// [0, trials], non-finite) or when the pooled variance is 0 (p̄ = 0 or 1: statsmodels
    /// returns nan).
    public static func twoProportionZ(successes1: Double, trials1: Double, successes2: Double, trials2: Double) -> (z: Double, pValue: Double)? {
        guard InferenceInput.isProportion(successes1, trials1), InferenceInput.isProportion(successes2, trials2) else { return nil }
        let pooled = (successes1 + successes2) / (trials1 + trials2)
        let variance = pooled * (1 - pooled) * (1 / trials1 + 1 / trials2)
        guard variance > 0 else { return nil }
        let z = (successes1 / trials1 - successes2 / trials2) / variance.squareRoot()
        guard z.isFinite else { return nil }
        return (z, min(1, 2 * Normal.survival(abs(z))))
    }

    /// Smallest expected cell count of the 2×2 table [[x₁, n₁ − x₁], [x₂, n₂ − x₂]] under
    /// independence, min over cells of (row total · column total)/grand total — the usual rule
    /// of thumb prefers ``fisherExact(_:_:_:_:)`` when it is below 5 (Cochran 1954).
    /// `nil` for an invalid proportion; 0 when a column total is 0.
    public static func smallestExpectedCount(successes1: Double, trials1: Double, successes2: Double, trials2: Double) -> Double? {
        guard InferenceInput.isProportion(successes1, trials1), InferenceInput.isProportion(successes2, trials2) else { return nil }
        let total = trials1 + trials2
        let positives = successes1 + successes2
        let negatives = (trials1 - successes1) + (trials2 - successes2)
        return min(trials1, trials2) * min(positives, negatives) / total
    }
}

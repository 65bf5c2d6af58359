import Foundation

/// The two-sample Kolmogorov–Smirnov test: D = sup_x |F₁(x) − F₂(x)| between the empirical
/// distribution functions of two samples (`scipy.stats.ks_2samp`, two-sided).
public struct KolmogorovSmirnov: Sendable, Equatable {
    /// How the p-value is computed.
    public enum Method: String, Sendable {
        /// Exact when max(n₁, n₂) ≤ 10,000, else asymptotic (scipy's `method='auto'` rule).
        case auto
        /// The exact permutation distribution of D under H₀ (no ties), as the probability that a
        /// random lattice path touches the boundary (Hodges 1958; the value of scipy
        /// `ks_2samp(method='exact')`), accurate to a few ulps down to 1e-300.
        case exact
        /// Kolmogorov's limiting distribution of √(n₁n₂/(n₁+n₂))·D (`scipy.stats.kstwobign.sf`;
        /// R `ks.test(exact = FALSE)`): an approximation, whose relative error in the far tail
        /// can be large (it ignores the discreteness and the finite sizes).
        case asymptotic
    }

    /// The distance D ∈ [0, 1].
    public let distance: Double
    /// The two-sided p-value P(D' ≥ D) under H₀, in [1e-300, 1]; when the computed value is
    /// below ``smallestPublishedPValue`` (1e-300), that bound (see ``pValueIsUpperBound``).
    public let pValue: Double
    /// Whether ``pValue`` is only an upper bound: the p-value is below 1e-300, beyond what
    /// double precision resolves, and is published as 1e-300 (never 0).
    public let pValueIsUpperBound: Bool
    /// The method that produced `pValue` (never `.auto`).
    public let method: Method
    public let n1: Int
    public let n2: Int

    public init(distance: Double, pValue: Double, method: Method, n1: Int, n2: Int, pValueIsUpperBound: Bool = false) {
        self.distance = distance
        self.pValue = pValue
        self.pValueIsUpperBound = pValueIsUpperBound
        self.method = method
        self.n1 = n1
        self.n2 = n2
    }

    /// The largest sizes for which `.auto` uses the exact distribution (scipy `MAX_AUTO_N`).
    public static let maximumAutoExactSize = 10_000

    /// The test from D's exact numerator: D = h/(n₁n₂) with h = max |c₁n₂ − c₂n₁| over the
    /// pooled order (c₁, c₂ the counts of each sample at or below x). A p-value below
    /// ``smallestPublishedPValue`` is published as that bound with ``pValueIsUpperBound``.
    /// `nil` when a sample is empty.
    static func test(numerator h: Int, n1: Int, n2: Int, method: Method) -> KolmogorovSmirnov? {
        guard n1 > 0, n2 > 0 else { return nil }
        let distance = Double(h) / (Double(n1) * Double(n2))
        var chosen = method
        if method == .auto { chosen = max(n1, n2) <= maximumAutoExactSize ? .exact : .asymptotic }
        var p: Double
        if chosen == .exact, let exact = exactPValue(numerator: h, n1: n1, n2: n2) {
            p = exact
        } else {
            chosen = .asymptotic
            let en = Double(n1) * Double(n2) / Double(n1 + n2)
            p = kolmogorovSurvival(en.squareRoot() * distance)
        }
        let bounded = p < smallestPublishedPValue
        if bounded { p = smallestPublishedPValue }
        return KolmogorovSmirnov(distance: distance, pValue: p, method: chosen, n1: n1, n2: n2, pValueIsUpperBound: bounded)
    }

    /// Two samples given as ascending arrays (finite values). `nil` when either is empty.
    public static func twoSample(sorted a: [Double], sorted b: [Double], method: Method = .auto) -> KolmogorovSmirnov? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        let n1 = a.count, n2 = b.count
        var i = 0, j = 0, h = 0
        while i < n1 || j < n2 {
            // Advance past every value equal to the smallest remaining one, in both samples.
            let x = j >= n2 ? a[i] : (i >= n1 ? b[j] : Swift.min(a[i], b[j]))
            while i < n1, a[i] == x { i += 1 }
            while j < n2, b[j] == x { j += 1 }
            h = Swift.max(h, abs(i * n2 - j * n1))
        }
        return test(numerator: h, n1: n1, n2: n2, method: method)
    }
}

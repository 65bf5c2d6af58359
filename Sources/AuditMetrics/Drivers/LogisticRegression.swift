import Foundation
import LinearAlgebra

/// Logistic regression `P(y = 1 | x) = 1/(1 + e^{−xᵀβ})` by iteratively reweighted least
/// squares, i.e. Newton–Raphson on the log-likelihood (McCullagh & Nelder 1989, *Generalized
/// Linear Models*, §4.4; statsmodels `Logit(y, X).fit(method='newton')`).
///
/// From `β = 0`, each step solves `(XᵀWX) δ = Xᵀ(y − p)`, `W = diag(pᵢ(1 − pᵢ))`, by Cholesky
/// (`LAPACK.choleskySolve`). `XᵀWX` is the Gram matrix of `X` with row `i` scaled by `√wᵢ` (``WeightedGram``, blocked
/// `BLAS.gemm`), and
/// `Xβ`, `Xᵀ(y − p)` are `BLAS.gemv`: no per-row loop of dense products. A step that lowers the
/// log-likelihood is halved (up to 30 times).
///
/// **Convergence**: `|δⱼ| ≤ 1e-10 · (1 + |βⱼ|)` for every `j`, within ``maxIterations`` = 50
/// steps. Standard errors are `√diag((XᵀWX)⁻¹)` at the estimate (`LAPACK.choleskyInverse`).
///
/// **Separation** (Albert & Anderson 1984, *Biometrika* 71:1–10): when some linear combination
/// of the features splits the classes (completely or quasi-completely), the likelihood has no
/// maximum and the coefficients diverge: a diverging coefficient grows by about 1 per Newton step,
/// so the relative step criterion is never met. Separation is reported (`separation == true`,
/// coefficients and standard errors undefined with the reason) when the steps do not converge or
/// when `XᵀWX` stops being positive definite after the first step. The AUC stays defined. (A
/// fitted probability numerically 0 or 1 after convergence is not treated as separation: an
/// outlying numeric feature can produce one legitimately; R's `glm` only warns there too.)
public enum LogisticRegression {
    /// Maximum number of Newton steps.
    public static let maxIterations = 50
    /// Relative step tolerance: converged when `|δⱼ| ≤ tolerance · (1 + |βⱼ|)` for all `j`.
    public static let tolerance = 1e-10

    /// Fits the model.
    ///
    /// - Parameters:
    ///   - design: `X`, `n × k` with `n ≥ k ≥ 1`; include a column of ones for an intercept.
    ///   - outcome: `n` booleans.
    /// - Throws: ``DriversError`` on mismatched sizes or non-finite values.
    public static func fit(design x: Matrix, outcome: [Bool]) throws -> LogisticRegressionFit {
        let n = x.rows, k = x.columns
        try DriversInput.requireCount(outcome.count, n, "outcome (one value per design row)")
        try DriversInput.requireFinite(x, "design matrix")
        guard k >= 1, n >= k else {
            throw DriversError.invalidArgument("logistic regression: expected at least as many rows as columns (≥ 1), got \(n) rows and \(k) columns")
        }
        return try newton(x, successes: outcome.map { $0 ? 1.0 : 0.0 }, trials: nil) { eta in
            ReceiverOperating.auc(scores: eta, labels: outcome)
        }
    }

    /// Fits the model on binomial rows: row `i` stands for `tᵢ` observations with design row
    /// `xᵢ`, `sᵢ` of them with `y = 1` (the rows of one pattern of a ``DesignPatterns``, or
    /// applicants weighted by frequency weights: `tᵢ = Σ w`, `sᵢ = Σ w·y`). The result is the fit
    /// on the expanded rows, exactly:
    ///
    ///     ℓ(β) = Σ sᵢ ηᵢ − tᵢ ln(1 + e^{ηᵢ}),   ∇ℓ = Xᵀ(s − t∘p),   XᵀWX with W = diag(tᵢ pᵢ(1 − pᵢ))
    ///
    /// and the AUC is the weighted Mann–Whitney statistic of `ηᵢ` with `sᵢ` positives and
    /// `tᵢ − sᵢ` negatives (``ReceiverOperating/auc(scores:positives:negatives:)``). Fewer rows
    /// than columns are padded with zero-weight rows (a compressed design with fewer patterns than
    /// coefficients is rank deficient, as the expanded one is).
    ///
    /// - Parameters:
    ///   - successes: `sᵢ`, `0 ≤ sᵢ ≤ tᵢ`.
    ///   - trials: `tᵢ ≥ 0`.
    /// - Throws: ``DriversError`` on mismatched sizes, non-finite values, or `s` outside `[0, t]`.
    public static func fit(design: Matrix, successes: [Double], trials: [Double]) throws -> LogisticRegressionFit {
        let m = design.rows, k = design.columns
        try DriversInput.requireCount(successes.count, m, "successes (one value per design row)")
        try DriversInput.requireCount(trials.count, m, "trials (one value per design row)")
        try DriversInput.requireFinite(design, "design matrix")
        try DriversInput.requireFinite(successes, "successes")
        try DriversInput.requireFinite(trials, "trials")
        if let row = trials.indices.first(where: { !(successes[$0] >= 0 && successes[$0] <= trials[$0]) }) {
            throw DriversError.invalidArgument("logistic regression: expected 0 ≤ successes ≤ trials, got \(successes[row]) of \(trials[row]) at row \(row)")
        }
        guard k >= 1, trials.reduce(0, +) > 0 else {
            throw DriversError.invalidArgument("logistic regression: expected at least one column and a positive total weight, got \(k) columns and a total of \(trials.reduce(0, +))")
        }
        var x = design, s = successes, t = trials
        if m < k {
            var storage = [Double](repeating: 0, count: k * k)
            for j in 0..<k {
                for i in 0..<m { storage[i + j * k] = design.storage[i + j * m] }
            }
            x = try Matrix(rows: k, columns: k, columnMajor: storage)
            s += [Double](repeating: 0, count: k - m)
            t += [Double](repeating: 0, count: k - m)
        }
        let negatives = zip(t, s).map { $0 - $1 }
        return try newton(x, successes: s, trials: t) { eta in
            ReceiverOperating.auc(scores: eta, positives: s, negatives: negatives)
        }
    }

    /// Newton–Raphson from `β = 0`; `trials` nil means one observation per row (bit for bit the
    /// unweighted computation).
    private static func newton(_ x: Matrix, successes y: [Double], trials: [Double]?,
                               auc aucOf: ([Double]) -> MetricValue) throws -> LogisticRegressionFit {
        let n = x.rows, k = x.columns
        var beta = [Double](repeating: 0, count: k)
        var eta = [Double](repeating: 0, count: n)
        var logLikelihood = self.logLikelihood(eta, y, trials)
        var iterations = 0, converged = false
        var failure: String?

        while iterations < maxIterations {
            iterations += 1
            let information = try weightedGram(x, eta, trials)
            let p = eta.map(probability)
            let residual = trials.map { t in (0..<n).map { y[$0] - t[$0] * p[$0] } } ?? zip(y, p).map { $0 - $1 }
            let gradient = try BLAS.gemv(x, residual, transpose: true)
            let delta: [Double]
            do {
                delta = try LAPACK.choleskySolve(information, gradient)
            } catch LinearAlgebraError.notPositiveDefinite {
                failure = iterations == 1
                    ? "XᵀWX is singular at the start: the design is rank deficient (a constant or collinear feature)"
                    : "XᵀWX became singular: fitted probabilities reached 0 or 1 (separation)"
                break
            }
            let direction = try BLAS.gemv(x, delta)
            var step = 1.0, halvings = 0
            var candidate = eta, candidateLL = logLikelihood
            while true {
                for i in 0..<n { candidate[i] = eta[i] + step * direction[i] }
                candidateLL = self.logLikelihood(candidate, y, trials)
                if candidateLL >= logLikelihood - 1e-12 * abs(logLikelihood) || halvings >= 30 { break }
                step /= 2
                halvings += 1
            }
            var small = true
            for j in 0..<k {
                let change = step * delta[j]
                beta[j] += change
                if abs(change) > tolerance * (1 + abs(beta[j])) { small = false }
            }
            eta = candidate
            logLikelihood = candidateLL
            if small { converged = true; break }
        }
        if failure == nil, !converged {
            failure = "no convergence in \(maxIterations) steps: the coefficients diverge (separation)"
        }
        let auc = aucOf(eta)
        var standardErrors: [MetricValue]
        if let failure {
            let u = MetricValue.undefined(reason: failure)
            let rankDeficient = failure.hasPrefix("XᵀWX is singular at the start")
            return LogisticRegressionFit(coefficients: Array(repeating: u, count: k), standardErrors: Array(repeating: u, count: k),
                                         logLikelihood: u, auc: rankDeficient ? u : auc, iterations: iterations,
                                         converged: converged, separation: !rankDeficient)
        }
        do {
            let inverse = try LAPACK.choleskyInverse(try weightedGram(x, eta, trials))
            standardErrors = (0..<k).map { .defined(max(0, inverse[$0, $0]).squareRoot()) }
        } catch LinearAlgebraError.notPositiveDefinite {
            standardErrors = Array(repeating: .undefined(reason: "XᵀWX is singular at the estimate"), count: k)
        }
        return LogisticRegressionFit(coefficients: beta.map(MetricValue.defined), standardErrors: standardErrors,
                                     logLikelihood: .defined(logLikelihood), auc: auc, iterations: iterations,
                                     converged: true, separation: false)
    }

    /// `XᵀWX`, `W = diag(tᵢ pᵢ(1 − pᵢ))` (`tᵢ = 1` when `trials` is nil): the Gram matrix of the
    /// rows scaled by `√wᵢ` (``WeightedGram``).
    static func weightedGram(_ x: Matrix, _ eta: [Double], _ trials: [Double]? = nil) throws -> Matrix {
        var roots = eta.map { e -> Double in
            let p = probability(e)
            return (p * (1 - p)).squareRoot()
        }
        if let trials { for i in roots.indices { roots[i] *= trials[i].squareRoot() } }
        return try WeightedGram.compute(x, scale: roots)
    }

    /// `1/(1 + e^{−η})`, without overflow.
    static func probability(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// `Σ yᵢηᵢ − tᵢ ln(1 + e^{ηᵢ})` (`tᵢ = 1` when `trials` is nil), with
    /// `ln(1 + e^η) = max(η, 0) + ln(1 + e^{−|η|})`.
    static func logLikelihood(_ eta: [Double], _ y: [Double], _ trials: [Double]? = nil) -> Double {
        var total = 0.0
        if let trials {
            for i in eta.indices {
                let e = eta[i]
                total += y[i] * e - trials[i] * (max(e, 0) + log1p(exp(-abs(e))))
            }
        } else {
            for (e, t) in zip(eta, y) { total += t * e - (max(e, 0) + log1p(exp(-abs(e)))) }
        }
        return total
    }
}

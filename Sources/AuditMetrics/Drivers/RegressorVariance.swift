/// How the delta-method standard errors of an Oaxaca–Blinder decomposition treat the group
/// means of the characteristics `x̄` (Jann 2008, *Stata Journal* 8(4):453–479, §2.2).
public enum RegressorVariance: String, Sendable, Equatable, CaseIterable {
    /// `x̄` is fixed: `Var(x̄ᵀβ̂) = x̄ᵀ V(β̂) x̄` (Oaxaca & Ransom 1998; Jann's `fixed` option).
    case fixed
    /// `x̄` is random too: `Var(x̄ᵀβ̂) ≈ x̄ᵀ V(β̂) x̄ + β̂ᵀ V(x̄) β̂`, with `V(x̄) = S/n` (`S` the
    /// sample covariance of the characteristics in the group, divisor `n − 1`); the
    /// `tr(V(x̄)V(β̂))` term is dropped as asymptotically negligible. Jann's default.
    case stochastic
}

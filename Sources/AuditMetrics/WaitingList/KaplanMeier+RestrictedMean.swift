extension KaplanMeier {
    /// The restricted mean wait up to τ, ∫₀^τ Ŝ(u) du: the mean time spent waiting within the
    /// first τ (Royston & Parmar 2013, BMC Med Res Methodol 13:152), computed exactly on the
    /// step function (Ŝ = 1 before the first time), as lifelines
    /// `restricted_mean_survival_time(kmf, t=τ)`. Undefined for an empty group, τ < 0, or τ
    /// beyond the group's last observed time (the curve is unknown there).
    public func restrictedMeanWait(upTo tau: Double) -> MetricValue {
        guard let last = curve.last else { return .undefined(reason: "empty group: no applicant") }
        guard tau >= 0, tau.isFinite else { return .undefined(reason: "the horizon τ must be a finite time ≥ 0") }
        guard tau <= last.time else {
            return .undefined(reason: "the horizon τ = \(tau) is beyond the group's last observed time \(last.time)")
        }
        var area = 0.0, previousTime = 0.0, previousSurvival = 1.0
        for p in curve {
            if p.time > tau { break }
            area += (p.time - previousTime) * previousSurvival
            previousTime = p.time
            previousSurvival = p.survival
        }
        area += (tau - previousTime) * previousSurvival
        return .defined(area)
    }
}

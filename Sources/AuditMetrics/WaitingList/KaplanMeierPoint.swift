/// One step of a Kaplan–Meier curve: the state just after `time`.
public struct KaplanMeierPoint: Sendable, Equatable {
    /// A distinct observed time (an allocation or a censoring).
    public let time: Double
    /// Applicants still waiting just before `time`.
    public let atRisk: Int
    /// Allocations at `time`.
    public let events: Int
    /// Censorings (still waiting) at `time`.
    public let censored: Int
    /// Ŝ(time) = Π_{tⱼ ≤ time} (1 − dⱼ/nⱼ): the share still waiting after `time`.
    public let survival: Double
    /// Greenwood's standard error Ŝ·√(Σ_{tⱼ ≤ time} dⱼ/(nⱼ(nⱼ − dⱼ))) (a step with dⱼ = nⱼ
    /// adds 0, as lifelines: Ŝ is then 0).
    public let standardError: Double
    /// Pointwise interval by the log(−log) transform of Greenwood's variance (Kalbfleisch &
    /// Prentice; lifelines' "exponential Greenwood", R `conf.type = "log-log"`):
    /// Ŝ^{exp(±z·σ)}, σ = √(Σ d/(n(n−d)))/|ln Ŝ|; [1, 1] when Ŝ = 1 and [0, 0] when Ŝ = 0.
    public let lower: Double
    public let upper: Double

    public init(time: Double, atRisk: Int, events: Int, censored: Int, survival: Double, standardError: Double, lower: Double, upper: Double) {
        self.time = time
        self.atRisk = atRisk
        self.events = events
        self.censored = censored
        self.survival = survival
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
    }
}

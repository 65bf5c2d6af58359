import AuditData

/// How an audit quantifies uncertainty and reaches verdicts (`docs/inference.md`).
public struct InferenceSpec: Sendable, Equatable {
    /// The interval for a single rate.
    public enum IntervalMethod: String, SpecChoice {
        /// Wilson score interval (Wilson 1927): good coverage at every size, never outside [0, 1].
        case wilson
        /// Clopper–Pearson "exact" interval (1934): at least the nominal coverage, wider.
        case exact
    }

    /// Adjustment of p-values across all the tests of an audit.
    public enum Adjustment: String, SpecChoice {
        /// Holm (1979): controls the family-wise error rate; uniformly better than Bonferroni.
        case holm
        /// Benjamini–Hochberg (1995): controls the false discovery rate.
        case bh
        /// No adjustment.
        case none
    }

    /// The bootstrap interval.
    public enum BootstrapMethod: String, SpecChoice {
        case percentile
        /// Bias-corrected and accelerated (Efron 1987).
        case bca
    }

    /// Interval for single rates (`wilson` or `exact`).
    public var interval: IntervalMethod
    /// Confidence level of every interval (0.95).
    public var level: Double
    /// Significance level of the tests, after adjustment (0.05).
    public var alpha: Double
    /// Multiple-testing adjustment.
    public var adjust: Adjustment
    /// Tolerance band for differences of rates: a difference within ±this is "no disparity" (0.05).
    public var differenceTolerance: Double
    /// A rate compared over fewer rows than this, in the group or the reference (e.g. few
    /// label-positive people for a TPR), gets `insufficient_evidence` (10).
    public var minDenominator: Int
    /// Power for the minimum detectable difference (0.8).
    public var power: Double
    /// Bootstrap replicates; 0 turns the bootstrap off.
    public var bootstrapReplicates: Int
    /// Seed of the bootstrap.
    public var seed: UInt64
    /// Bootstrap interval method.
    public var bootstrapMethod: BootstrapMethod

    public init(
        interval: IntervalMethod = .wilson, level: Double = 0.95, alpha: Double = 0.05, adjust: Adjustment = .holm,
        differenceTolerance: Double = 0.05, minDenominator: Int = 10, power: Double = 0.8,
        bootstrapReplicates: Int = 0, seed: UInt64 = 0, bootstrapMethod: BootstrapMethod = .bca
    ) {
        self.interval = interval
        self.level = level
        self.alpha = alpha
        self.adjust = adjust
        self.differenceTolerance = differenceTolerance
        self.minDenominator = minDenominator
        self.power = power
        self.bootstrapReplicates = bootstrapReplicates
        self.seed = seed
        self.bootstrapMethod = bootstrapMethod
    }

    /// Checks ranges; called by `AnalysisSpec.validate()`.
    public func validate() throws(SpecError) {
        guard level > 0, level < 1 else { throw SpecError(key: "level", problem: .sentence(.specConfidence, arguments: ["found": "\(level)"])) }
        guard alpha > 0, alpha < 1 else { throw SpecError(key: "alpha", problem: .sentence(.specSignificance, arguments: ["found": "\(alpha)"])) }
        guard differenceTolerance > 0, differenceTolerance < 1 else {
            throw SpecError(key: "difference_tolerance", problem: .sentence(.specOpenUnit, arguments: ["found": "\(differenceTolerance)"]))
        }
        guard minDenominator >= 1 else { throw SpecError(key: "min_denominator", problem: .sentence(.specWholeAtLeastOne, arguments: ["found": "\(minDenominator)"])) }
        guard power > 0, power < 1 else { throw SpecError(key: "power", problem: .sentence(.specPower, arguments: ["found": "\(power)"])) }
        guard bootstrapReplicates >= 0, bootstrapReplicates <= 1_000_000 else {
            throw SpecError(key: "bootstrap.replicates", problem: .sentence(.specReplicates, arguments: ["found": "\(bootstrapReplicates)"]))
        }
        guard bootstrapReplicates == 0 || bootstrapReplicates >= 100 else {
            throw SpecError(key: "bootstrap.replicates", problem: .sentence(.specReplicatesInterval, arguments: ["found": "\(bootstrapReplicates)"]))
        }
    }
}

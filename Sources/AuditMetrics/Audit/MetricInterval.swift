/// A confidence interval attached to a value of the central table, with the method that made it.
public struct MetricInterval: Sendable, Equatable {
    /// How the interval was computed.
    public enum Method: String, Sendable {
        /// Wilson score interval for a proportion (Wilson 1927).
        case wilson
        /// Clopper–Pearson exact interval for a proportion (1934).
        case clopperPearson = "clopper_pearson"
        /// Newcombe's hybrid score interval for a difference of proportions (1998, method 10).
        case newcombe
        /// Katz log interval for a ratio of proportions (Katz et al. 1978).
        case katz
        /// Normal interval for a mean: mean ± z·s/√n.
        case normal
        /// Student t interval for a mean: mean ± t_{n−1}·s/√n.
        case studentT = "student_t"
        /// DeLong et al. (1988) normal interval for an AUC: AUC ± z·SE, clipped to [0, 1].
        case delong
        /// Brookmeyer–Crowley (1982) interval of a Kaplan–Meier quantile, from log(−log) Greenwood bands.
        case brookmeyerCrowley = "brookmeyer_crowley"
        /// Distribution-free interval of a median between two order statistics.
        case orderStatistics = "order_statistics"
        /// Robins–Breslow–Greenland (1986) interval of a Mantel–Haenszel odds ratio, normal on the log scale.
        case robinsBreslowGreenland = "robins_breslow_greenland"
        /// Bootstrap percentile interval.
        case bootstrapPercentile = "bootstrap_percentile"
        /// Bootstrap bias-corrected and accelerated interval (Efron 1987).
        case bootstrapBCa = "bootstrap_bca"
    }

    public let low: Double
    public let high: Double
    public let method: Method

    public init(low: Double, high: Double, method: Method) {
        self.low = low
        self.high = high
        self.method = method
    }

    package init?(_ interval: ConfidenceInterval?, _ method: Method) {
        guard let interval, interval.low.isFinite, interval.high.isFinite else { return nil }
        self.init(low: interval.low, high: interval.high, method: method)
    }
}

/// One bin of a group's calibration table: rows whose score falls in [lower, upper).
public struct CalibrationBin: Sendable, Equatable {
    /// Bin edges (the last bin also holds scores equal to its upper edge).
    public let lower: Double
    public let upper: Double
    /// Rows of the group in the bin.
    public let n: Int
    /// Label-positive rows among them.
    public let positives: Int
    /// positives/n with a Wilson interval (``ProportionInterval/wilson(successes:trials:level:)``);
    /// undefined for an empty bin.
    public let observedRate: MetricValue
    public let observedRateInterval: MetricInterval?
    /// Mean score of the bin's rows (what a calibrated score would predict); undefined when empty.
    public let meanScore: MetricValue

    public init(lower: Double, upper: Double, n: Int, positives: Int, observedRate: MetricValue, observedRateInterval: MetricInterval?, meanScore: MetricValue) {
        self.lower = lower
        self.upper = upper
        self.n = n
        self.positives = positives
        self.observedRate = observedRate
        self.observedRateInterval = observedRateInterval
        self.meanScore = meanScore
    }
}

/// One group's value against its comparator's (``GroupFrame/comparison(of:with:level:)``): the
/// difference and the ratio, each with its interval when both are independent groups whose
/// estimates allow one (``GroupEstimate``).
public struct GroupComparison: Sendable, Equatable {
    /// value − comparator's value (``Disparity/difference(_:_:)``).
    public let difference: MetricValue
    /// value / comparator's value (``Disparity/ratio(_:_:)``).
    public let ratio: MetricValue
    public let differenceInterval: MetricInterval?
    public let ratioInterval: MetricInterval?

    public init(difference: MetricValue, ratio: MetricValue, differenceInterval: MetricInterval?, ratioInterval: MetricInterval?) {
        self.difference = difference
        self.ratio = ratio
        self.differenceInterval = differenceInterval
        self.ratioInterval = ratioInterval
    }
}

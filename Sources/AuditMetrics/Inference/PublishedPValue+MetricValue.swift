extension PublishedPValue {
    /// `p` as a published ``MetricValue``: `.defined(p)`, or `.upperBound(1e-300)` with
    /// ``boundReason(_:)`` for `what` when `p` is below ``smallest``.
    public static func metricValue(_ p: Double, what: String) -> MetricValue {
        let published = bounded(p)
        return published.isUpperBound ? .upperBound(published.value, reason: boundReason(what)) : .defined(published.value)
    }
}

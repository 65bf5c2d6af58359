/// The machine form of a number in Vigie's outputs, defined once for the metrics layer (metric
/// identifiers that carry a number, `MetricID.sensitivityImpactRatioChange`) and the
/// renderers (`NumberFormat.exact` in `AuditReport`).
package enum ExactNumberText {
    /// Shortest text that reads back as the same Double (Swift's `description`), with whole
    /// numbers below 2^53 written without a decimal point (`3696`, not `3696.0`; `0.5`).
    package static func shortest(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return x.description
    }
}

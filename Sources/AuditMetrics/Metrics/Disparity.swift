/// Disparities between a group's metric and the reference group's, as pure functions.
public enum Disparity {
    /// `m_g − m_ref` (Aequitas/AIF360 difference; AIF360's `statistical_parity_difference`
    /// when m is the selection rate).
    public static func difference(_ group: MetricValue, _ reference: MetricValue) -> MetricValue {
        switch (group, reference) {
        case (.defined(let g), .defined(let r)): return .defined(g - r)
        case (.undefined(let reason), _), (.suppressed(let reason), _), (.upperBound(_, let reason), _): return .undefined(reason: "undefined for the group: \(reason)")
        case (_, .undefined(let reason)), (_, .suppressed(let reason)), (_, .upperBound(_, let reason)): return .undefined(reason: "undefined for the reference: \(reason)")
        }
    }

    /// `m_g / m_ref` (Aequitas `<m>_disparity`, AIF360 `disparate_impact`); undefined when the
    /// reference value is 0 (Aequitas would print 10.0, AIF360 inf).
    public static func ratio(_ group: MetricValue, _ reference: MetricValue) -> MetricValue {
        switch (group, reference) {
        case (.defined(let g), .defined(let r)):
            return .ratio(g, r, reason: "the reference group's value is 0")
        case (.undefined(let reason), _), (.suppressed(let reason), _), (.upperBound(_, let reason), _): return .undefined(reason: "undefined for the group: \(reason)")
        case (_, .undefined(let reason)), (_, .suppressed(let reason)), (_, .upperBound(_, let reason)): return .undefined(reason: "undefined for the reference: \(reason)")
        }
    }

    /// The mean of two defined values, or the first reason either is undefined.
    static func mean(_ a: MetricValue, _ b: MetricValue, absolute: Bool = false) -> MetricValue {
        switch (a, b) {
        case (.defined(let x), .defined(let y)):
            return .defined(absolute ? (abs(x) + abs(y)) / 2 : (x + y) / 2)
        case (.undefined(let reason), _), (_, .undefined(let reason)), (.suppressed(let reason), _), (_, .suppressed(let reason)),
             (.upperBound(_, let reason), _), (_, .upperBound(_, let reason)):
            return .undefined(reason: reason)
        }
    }
}

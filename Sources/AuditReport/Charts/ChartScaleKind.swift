/// How values map to positions along an axis.
public enum ChartScaleKind: String, Sendable, Equatable {
    /// `position = start + (v − lower) / (upper − lower) × (end − start)`.
    case linear
    /// `position = start + (ln v − ln lower) / (ln upper − ln lower) × (end − start)`:
    /// equal ratios are equal distances, so a ratio of 0.5 is as far from parity (1) as 2.
    case logarithmic
}

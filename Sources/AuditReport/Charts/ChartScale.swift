import Foundation

/// A value axis: a domain `lower...upper` mapped onto pixels `start...end`.
struct ChartScale: Sendable {
    let kind: ChartScaleKind
    let lower: Double
    let upper: Double
    let start: Double
    let end: Double

    /// A scale over `lower...upper`; a degenerate domain is widened (by ±0.5 linear,
    /// ×/÷ 2 logarithmic) and a logarithmic one kept positive.
    init(kind: ChartScaleKind, lower: Double, upper: Double, start: Double, end: Double) {
        var lo = lower, hi = upper
        if kind == .logarithmic {
            if !(lo > 0) || !lo.isFinite { lo = 0.1 }
            if !(hi > lo) || !hi.isFinite { hi = max(lo * 4, 1) }
        } else {
            if !lo.isFinite { lo = 0 }
            if !hi.isFinite || hi < lo { hi = lo + 1 }
            if hi == lo { lo -= 0.5; hi += 0.5 }
        }
        self.kind = kind
        self.lower = lo
        self.upper = hi
        self.start = start
        self.end = end
    }

    /// The position of `v`, or nil where the scale cannot place it (not finite; ≤ 0 on a
    /// logarithmic scale).
    func position(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        switch kind {
        case .linear:
            return start + (v - lower) / (upper - lower) * (end - start)
        case .logarithmic:
            guard v > 0 else { return nil }
            return start + (log(v) - log(lower)) / (log(upper) - log(lower)) * (end - start)
        }
    }

    /// `position(v)`, with values the scale cannot place pinned to the start.
    func clampedPosition(_ v: Double) -> Double {
        position(v) ?? start
    }

    /// Tick values: multiples of a "nice" step (1, 2, 2.5 or 5 × 10^k, about five ticks)
    /// on a linear scale; 1, 2 and 5 × 10^k on a logarithmic scale, or, when that gives
    /// fewer than three (a domain within one decade, e.g. 0.55…1.4), the linear ticks.
    func ticks() -> [Double] {
        switch kind {
        case .linear:
            let step = Self.niceStep((upper - lower) / 5)
            let first = (lower / step - 1e-9).rounded(.up), last = (upper / step + 1e-9).rounded(.down)
            guard first <= last, last - first < 100 else { return [lower, upper] }
            return stride(from: first, through: last, by: 1).map { $0 * step }
        case .logarithmic:
            var ticks: [Double] = []
            var decade = Self.powerOfTen(Int((log10(lower)).rounded(.down)))
            while decade <= upper, ticks.count < 40 {
                for m in [1.0, 2.0, 5.0] {
                    let t = m * decade
                    if t >= lower * (1 - 1e-12), t <= upper * (1 + 1e-12) { ticks.append(t) }
                }
                decade *= 10
            }
            if ticks.count < 3 {
                let linear = ChartScale(kind: .linear, lower: lower, upper: upper, start: start, end: end).ticks().filter { $0 > 0 }
                if linear.count > ticks.count { return linear }
            }
            return ticks
        }
    }

    /// The step between ticks: `raw` rounded to 1, 2, 2.5, 5 or 10 × 10^k.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = powerOfTen(Int(log10(raw).rounded(.down)))
        let normal = raw / magnitude
        let factor: Double = normal < 1.5 ? 1 : normal < 2.25 ? 2 : normal < 3.5 ? 2.5 : normal < 7.5 ? 5 : 10
        return factor * magnitude
    }

    /// 10^k by repeated multiplication or division (exact for the small k charts use).
    static func powerOfTen(_ k: Int) -> Double {
        var p = 1.0
        if k >= 0 { for _ in 0..<min(k, 300) { p *= 10 } } else { for _ in 0..<min(-k, 300) { p /= 10 } }
        return p
    }

    /// `lower...upper` widened outward to multiples of the linear tick step, for domains
    /// read from the data (scores) rather than given.
    static func niceDomain(_ lower: Double, _ upper: Double) -> (Double, Double) {
        guard lower.isFinite, upper.isFinite, upper > lower else { return (lower, upper) }
        let step = niceStep((upper - lower) / 5)
        return ((lower / step).rounded(.down) * step, (upper / step).rounded(.up) * step)
    }
}

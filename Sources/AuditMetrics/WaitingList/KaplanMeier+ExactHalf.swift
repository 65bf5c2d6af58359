import Foundation

extension KaplanMeier {
    /// The index of the first point where Ŝ ≤ ½, the comparison being exact.
    ///
    /// Ŝ = Π (nᵢ − dᵢ)/nᵢ over the event times is a ratio of integers, but its binary value
    /// carries up to two roundings per factor: with thousands of tied times a product equal to
    /// exactly ½ can come out as 0.5000000000000001 (18 at risk and 7 allocated, then 11 and 2:
    /// 11/18 · 9/11 = ½), which would move the median wait to the next time. So outside a margin
    /// of 4·(m + 1) ulps (m factors so far) the binary value decides, and inside it the integers
    /// do: 2·Π(nᵢ − dᵢ) ≤ Π nᵢ, with exact big naturals (``ExactNatural``). One pass; the exact
    /// products are formed only in the (rare) ambiguous case.
    static func firstIndexAtMostHalf(_ points: [KaplanMeierPoint]) -> Int? {
        var factors = 0
        for (k, p) in points.enumerated() {
            if p.events > 0 { factors += 1 }
            let margin = 4 * Double(factors + 1) * Double.ulpOfOne
            if p.survival < 0.5 * (1 - margin) { return k }
            if p.survival > 0.5 * (1 + margin) { continue }
            if exactSurvivalIsAtMostHalf(points[0...k]) { return k }
        }
        return nil
    }

    /// 2·Π(nᵢ − dᵢ) ≤ Π nᵢ over the event points of `points`.
    static func exactSurvivalIsAtMostHalf(_ points: ArraySlice<KaplanMeierPoint>) -> Bool {
        var remaining = ExactNatural(2), atRisk = ExactNatural(1)
        for p in points where p.events > 0 {
            // atRisk ≥ events ≥ 1, both counts of rows: non-negative and below 2⁶³.
            remaining.multiply(by: UInt64(p.atRisk - p.events))
            atRisk.multiply(by: UInt64(p.atRisk))
        }
        return !(atRisk < remaining)
    }
}

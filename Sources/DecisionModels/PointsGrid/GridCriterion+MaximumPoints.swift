extension GridCriterion {
    /// The highest points the criterion gives, `nil` when it has none:
    /// - flag: `max(points, 0)` (0 when the value is not a true value);
    /// - categories: the highest level's points, or 0 (an undeclared value gives 0);
    /// - bands: the highest band's points, or 0 when the bands leave a value outside them;
    /// - per unit: the cap (in points) when the points per unit are positive, `nil` without a
    ///   cap; 0 for a penalty per unit (units counted from 0: months, people).
    public var maximumPoints: Double? {
        switch kind {
        case .flag(let points, _):
            return max(points, 0)
        case .category(let levels):
            return max(levels.map(\.points).max() ?? 0, 0)
        case .bands(let bands):
            let best = bands.map(\.points).max() ?? 0
            return coversEveryValue(bands) ? best : max(best, 0)
        case .perUnit(let perUnit, let cap):
            guard perUnit > 0 else { return 0 }
            return cap
        }
    }

    /// Whether the bands, joined, cover (−∞, +∞): then no value earns the 0 of "outside every band".
    private func coversEveryValue(_ bands: [GridBand]) -> Bool {
        let sorted = bands.sorted { ($0.from ?? -.infinity) < ($1.from ?? -.infinity) }
        guard let first = sorted.first, first.from == nil else { return false }
        var reach = first.to
        for band in sorted.dropFirst() {
            guard let r = reach, let from = band.from, from <= r else { return false }
            reach = band.to.map { max($0, r) }
        }
        return reach == nil
    }
}

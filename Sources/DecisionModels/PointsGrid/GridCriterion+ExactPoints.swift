extension GridCriterion {
    /// The criterion's points for one raw CSV value as an exact decimal — what
    /// ``points(forRawValue:)`` computes in binary (where 0.1 × 3 is 0.30000000000000004):
    /// the declared points of a flag, level or band, `pointsPerUnit × value` in decimal below
    /// the cap, and ±cap at or above it. `nil` where ``points(forRawValue:)`` is `nil`, or when
    /// the value is not a decimal with at most 15 decimals.
    public func exactPoints(forRawValue raw: String?) -> GridDecimal? {
        guard let points = points(forRawValue: raw) else { return nil }
        guard case .perUnit(let perUnit, let cap) = kind else { return GridDecimal(points) }
        guard let raw, let x = Double(raw) else { return GridDecimal(0) }
        if let cap, x >= cap / abs(perUnit) { return GridDecimal(perUnit < 0 ? -cap : cap) }
        guard let a = GridDecimal(perUnit), let b = GridDecimal(x) else { return nil }
        return a.multiplied(by: b)
    }
}

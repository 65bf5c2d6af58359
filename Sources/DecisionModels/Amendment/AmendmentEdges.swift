import AuditData

/// The band edges an amendment may move (`vigie amend --allow band-edges`, `docs/amend.md`,
/// "Constraints"), and the small lattice of values each may take.
///
/// An **edge** is a distinct finite bound of a `bands` criterion (a `from` or a `to`); moving it
/// moves every bound equal to it, so adjacent bands stay adjacent. Its lattice: `e + k·δ` for
/// `k = ±1…±5`, with `δ` the distance to the nearest other edge of the criterion divided by 6
/// (the edge's own magnitude over 6 when it is the only one), rounded down to the edges' own step
/// (10^−d, d their most decimals; at least one step), keeping only values strictly between the
/// neighbouring edges — so bands keep their order and never become empty or overlap — and on
/// the step (whole edges stay whole). A criterion with `--max-change c=±0` keeps its edges.
public struct AmendmentEdges: Sendable, Equatable {
    /// One movable edge.
    public struct Edge: Sendable, Equatable {
        /// The criterion's index in the grid.
        public let criterion: Int
        public let value: Double
        /// The values it may take (its own value excluded), ascending.
        public let lattice: [Double]
        /// The bands (indices within the criterion) whose `to` and `from` it is: the band
        /// below and the band above, when there is one.
        public let below: Int?
        public let above: Int?
    }

    public let edges: [Edge]

    /// The edges of `grid`'s band criteria.
    /// - Throws: `SpecError` keyed `--allow` when no band criterion has an edge that can move
    ///   (no bands, or every lattice empty).
    public init(grid: PointsGrid, constraints: AmendmentConstraints) throws(SpecError) {
        var edges: [Edge] = []
        for (c, criterion) in grid.criteria.enumerated() {
            guard case .bands(let bands) = criterion.kind, constraints.maximumChanges[criterion.name] != 0 else { continue }
            let values = Set(bands.flatMap { [$0.from, $0.to].compactMap { $0 } }).sorted()
            let decimals = values.compactMap { GridDecimal($0)?.decimals }.max() ?? 0
            let unit = GridDecimal(significand: 1, decimals: decimals).doubleValue
            for (i, e) in values.enumerated() {
                let low = i > 0 ? values[i - 1] : nil, high = i + 1 < values.count ? values[i + 1] : nil
                let distance = [low.map { e - $0 }, high.map { $0 - e }].compactMap { $0 }.min() ?? abs(e)
                let units = max(1, Int((distance / 6 / unit).rounded(.down).clamped(to: 0...1e9)))
                var lattice: [Double] = []
                for k in [-5, -4, -3, -2, -1, 1, 2, 3, 4, 5] {
                    guard let base = GridDecimal(e), let scaled = base.scaled(toDecimals: decimals) else { continue }
                    let v = GridDecimal(significand: scaled + k * units, decimals: decimals).doubleValue
                    if let low, v <= low { continue }
                    if let high, v >= high { continue }
                    lattice.append(v)
                }
                guard !lattice.isEmpty else { continue }
                edges.append(Edge(criterion: c, value: e, lattice: lattice,
                                  below: bands.firstIndex { $0.to == e }, above: bands.firstIndex { $0.from == e }))
            }
        }
        guard !edges.isEmpty else {
            throw SpecError(key: "--allow", problem: .sentence(.amendNoBandEdge, arguments: ["name": "\(grid.name)"]))
        }
        self.edges = edges
    }

    /// The baseline's value of every edge.
    public var baseline: [Double] { edges.map(\.value) }

    /// `grid` with edge `e` moved to `value` (every `from` and `to` equal to it).
    public func grid(_ grid: PointsGrid, moving e: Int, to value: Double) -> PointsGrid {
        var out = grid
        let edge = edges[e]
        guard case .bands(var bands) = out.criteria[edge.criterion].kind else { return out }
        for b in bands.indices {
            if bands[b].from == edge.value { bands[b].from = value }
            if bands[b].to == edge.value { bands[b].to = value }
        }
        out.criteria[edge.criterion].kind = .bands(bands)
        return out
    }

    /// The most points an applicant gains or loses when edge `e` moves, under `weights` (the
    /// design's features, `firstFeature` the criterion's first; the search passes the
    /// baseline's, so that a points change made with the move adds to it): `|p_below − p_above|`,
    /// a missing band counting 0 — the edge's part of the total change.
    public func reach(_ e: Int, weights: [Double], firstFeature: Int) -> Double {
        let edge = edges[e]
        let below = edge.below.map { weights[firstFeature + $0] } ?? 0
        let above = edge.above.map { weights[firstFeature + $0] } ?? 0
        return abs(below - above)
    }
}

import AuditData
import LinearAlgebra

extension GridDesign {
    /// Another grid's weights on this design's features, so that it can be
    /// scored with ``scores(weights:)`` (all grids in one `dgemm`).
    ///
    /// A feature of a criterion the other grid does not have gets weight 0
    /// (e.g. `lien_commune` removed). Every criterion of the other grid must
    /// exist here under the same name and column with the same feature
    /// definitions (true-set, levels, bands, cap in units), and both grids must
    /// have the same exclusive groups and floor — only weights may differ.
    ///
    /// - Throws: `SpecError` keyed by the other grid's criterion when it cannot be
    ///   expressed on this design.
    public func weights(of other: PointsGrid) throws(SpecError) -> [Double] {
        var result = [Double](repeating: 0, count: featureDefinitions.count)
        for (c, criterion) in other.criteria.enumerated() {
            let key = "criteria[\(c + 1)]"
            guard let here = grid.criterionIndex(named: criterion.name), grid.criteria[here].column == criterion.column,
                  grid.criteria[here].missingIsZero == criterion.missingIsZero else {
                throw SpecError(key: key, problem: .sentence(.gridDesignCriterion, arguments: ["name": "\(criterion.name)", "other": "\(other.name)", "grid": "\(grid.name)"]))
            }
            let theirs = criterion.features
            let mine = featureCriterion.indices.filter { featureCriterion[$0] == here }
            guard theirs.count == mine.count,
                  zip(theirs, mine).allSatisfy({ Self.same($0.definition, featureDefinitions[$1].definition) }) else {
                throw SpecError(key: key, problem: .sentence(.gridDesignLevels, arguments: ["name": "\(criterion.name)", "other": "\(other.name)", "grid": "\(grid.name)"]))
            }
            for (f, feature) in zip(mine, theirs) { result[f] = feature.weight }
        }
        let groups = { (g: PointsGrid) in Set(g.exclusiveGroups.map { Set($0.members.map { g.criteria[$0].name }) }) }
        guard groups(other) == groups(grid), other.minimumScore == grid.minimumScore else {
            throw SpecError(key: "exclusive_groups", problem: .sentence(.gridDesignGroups, arguments: ["other": "\(other.name)", "grid": "\(grid.name)"]))
        }
        return result
    }

    /// Equal definitions; caps in units compared to 1e-12 relative (`cap / |ppu|`
    /// of two grids may differ in the last bit).
    static func same(_ a: GridFeature.Definition, _ b: GridFeature.Definition) -> Bool {
        guard case .units(let capA) = a, case .units(let capB) = b else { return a == b }
        switch (capA, capB) {
        case (nil, nil): return true
        case (let x?, let y?): return abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        default: return false
        }
    }

    /// `W`: one column of weights per grid (``weights(of:)``), `features.count × grids.count`.
    public func weightMatrix(of grids: [PointsGrid]) throws -> Matrix {
        var storage: [Double] = []
        storage.reserveCapacity(featureDefinitions.count * grids.count)
        for g in grids { storage.append(contentsOf: try weights(of: g)) }
        return try Matrix(rows: featureDefinitions.count, columns: grids.count, columnMajor: storage)
    }
}

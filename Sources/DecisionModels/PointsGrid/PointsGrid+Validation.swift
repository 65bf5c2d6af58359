import AuditData

extension PointsGrid {
    /// Checks the grid: at least one criterion; unique criterion names; a
    /// non-empty true-set for flags; declared, distinct category levels;
    /// non-zero points per unit and a positive cap; non-empty bands with
    /// `from < to` that do not overlap; exclusive groups of ≥ 2 known criteria,
    /// no criterion in two groups; a tie-break ending with the id column;
    /// a sensible allocation rule; every number of points (and the floor and threshold) a
    /// decimal with at most 15 decimals, so that scores are exact (``GridScoreScale``).
    ///
    /// - Throws: `SpecError` whose key is the YAML path of the problem
    ///   (`criteria[3].bands[2]`), so the YAML reader can add its line and column.
    public func validate() throws(SpecError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SpecError(key: "name", problem: .sentence(.gridName, arguments: [:]))
        }
        guard !idColumn.isEmpty else { throw SpecError(key: "id", problem: .sentence(.specIdColumn, arguments: [:])) }
        guard !criteria.isEmpty else {
            throw SpecError(key: "criteria", problem: .sentence(.gridEmpty, arguments: [:]))
        }
        var names = Set<String>()
        for (c, criterion) in criteria.enumerated() {
            let key = "criteria[\(c + 1)]"
            guard !criterion.name.isEmpty else { throw SpecError(key: "\(key).name", problem: .sentence(.gridCriterionName, arguments: [:])) }
            guard names.insert(criterion.name).inserted else {
                throw SpecError(key: "\(key).name", problem: .sentence(.gridCriterionTwice, arguments: ["name": "\(criterion.name)"]))
            }
            guard !criterion.column.isEmpty else { throw SpecError(key: "\(key).column", problem: .sentence(.specColumnName, arguments: [:])) }
            try Self.validate(criterion.kind, key)
        }
        var groupOf: [Int: Int] = [:]
        for (g, group) in exclusiveGroups.enumerated() {
            let key = "exclusive_groups[\(g + 1)]"
            guard group.members.count >= 2 else {
                throw SpecError(key: "\(key).criteria", problem: .sentence(.gridExclusiveTwo, arguments: ["found": "\(group.members.count)"]))
            }
            for (m, member) in group.members.enumerated() {
                let memberKey = "\(key).criteria[\(m + 1)]"
                guard member >= 0 && member < criteria.count else {
                    throw SpecError(key: memberKey, problem: .sentence(.gridCriterionIndex, arguments: ["index": "\(member)"]))
                }
                if let other = groupOf[member] {
                    let where_ = other == g ? "twice in this group" : "also in exclusive group \(other + 1) ('\(exclusiveGroups[other].name)')"
                    // Text, not a named sentence: `where_` (where else the criterion is) has variants, each a sentence of its own that the command line finds from the text.
                    throw SpecError(key: memberKey, message: "criterion '\(criteria[member].name)' is \(where_); a criterion belongs to at most one group")
                }
                groupOf[member] = g
            }
        }
        if let minimumScore, !minimumScore.isFinite {
            throw SpecError(key: "minimum_score", problem: .sentence(.gridFinite, arguments: [:]))
        }
        if let minimumScore { try Self.decimal(minimumScore, "minimum_score") }
        guard let last = tieBreak.last, last.column == idColumn else {
            throw SpecError(key: "tie_break", problem: .sentence(.gridTieBreak, arguments: ["column": "\(idColumn)"]))
        }
        if let allocation { try validate(allocation) }
    }

    private static func validate(_ kind: GridCriterionKind, _ key: String) throws(SpecError) {
        switch kind {
        case .flag(let points, let trueValues):
            guard points.isFinite else { throw SpecError(key: "\(key).flag", problem: .sentence(.gridFinitePoints, arguments: [:])) }
            try decimal(points, "\(key).flag")
            guard !trueValues.isEmpty else { throw SpecError(key: "\(key).true_values", problem: .sentence(.gridOneTrueValue, arguments: [:])) }
        case .category(let levels):
            guard !levels.isEmpty else { throw SpecError(key: "\(key).categories", problem: .sentence(.gridOneLevel, arguments: [:])) }
            var seen = Set<String>()
            for level in levels {
                guard level.points.isFinite else { throw SpecError(key: "\(key).categories.\(level.value)", problem: .sentence(.gridFinitePoints, arguments: [:])) }
                try decimal(level.points, "\(key).categories.\(level.value)")
                guard seen.insert(level.value).inserted else {
                    throw SpecError(key: "\(key).categories", problem: .sentence(.gridLevelTwice, arguments: ["value": "\(level.value)"]))
                }
            }
        case .perUnit(let perUnit, let cap):
            guard perUnit.isFinite, perUnit != 0 else {
                throw SpecError(key: "\(key).per_unit", problem: .sentence(.gridPerUnit, arguments: ["found": "\(perUnit)"]))
            }
            if let cap, !(cap.isFinite && cap > 0) {
                throw SpecError(key: "\(key).cap", problem: .sentence(.gridCap, arguments: ["found": "\(cap)"]))
            }
            try decimal(perUnit, "\(key).per_unit")
            if let cap { try decimal(cap, "\(key).cap") }
        case .bands(let bands):
            guard !bands.isEmpty else { throw SpecError(key: "\(key).bands", problem: .sentence(.gridOneBand, arguments: [:])) }
            for (b, band) in bands.enumerated() {
                let bandKey = "\(key).bands[\(b + 1)]"
                guard band.points.isFinite else { throw SpecError(key: bandKey, problem: .sentence(.gridFinitePoints, arguments: [:])) }
                try decimal(band.points, bandKey)
                if let from = band.from, let to = band.to, !(from < to) {
                    throw SpecError(key: bandKey, problem: .sentence(.gridBandEmpty, arguments: ["band": "\(band.interval)"]))
                }
                for (o, other) in bands[..<b].enumerated() where overlap(band, other) {
                    throw SpecError(key: bandKey, problem: .sentence(.gridBandsOverlap, arguments: ["band": "\(band.interval)", "other": "\(o + 1)", "interval": "\(other.interval)"]))
                }
            }
        }
    }

    /// Points are decimals with at most 15 decimals and fewer than 16 significant digits
    /// (``GridDecimal``: |s| < 2⁵³), so that scores are exact.
    private static func decimal(_ points: Double, _ key: String) throws(SpecError) {
        guard GridDecimal(points) == nil else { return }
        guard points.magnitude < Double(GridDecimal.exactIntegerLimit) else {
            throw SpecError(key: key, problem: .sentence(.gridPointsTooLarge, arguments: ["found": "\(points)"]))
        }
        throw SpecError(key: key, problem: .sentence(.gridPointsDecimals, arguments: ["digits": "\(GridDecimal.maximumDecimals)", "found": "\(points)"]))
    }

    private static func overlap(_ a: GridBand, _ b: GridBand) -> Bool {
        let aFrom = a.from ?? -.infinity, aTo = a.to ?? .infinity
        let bFrom = b.from ?? -.infinity, bTo = b.to ?? .infinity
        return aFrom < bTo && bFrom < aTo
    }

    private func validate(_ rule: GridAllocationRule) throws(SpecError) {
        switch rule {
        case .threshold(let t):
            guard t.isFinite else { throw SpecError(key: "allocation.threshold", problem: .sentence(.gridFiniteThreshold, arguments: [:])) }
            try Self.decimal(t, "allocation.threshold")
        case .capacity(let capacity):
            try validate(capacity)
        case .proposals(let capacity, let perUnit):
            guard perUnit >= 1 else { throw SpecError(key: "allocation.per_unit", problem: .sentence(.gridProposals, arguments: ["found": "\(perUnit)"])) }
            try validate(capacity)
        }
    }

    private func validate(_ capacity: GridCapacity) throws(SpecError) {
        guard case .declared(let segments, let fallback) = capacity else { return }
        guard fallback >= 0 else { throw SpecError(key: "allocation.capacity.default", problem: .sentence(.gridDwellingsBare, arguments: [:])) }
        var seen = Set<[String]>()
        for (s, segment) in segments.enumerated() {
            let key = "allocation.capacity.segments[\(s + 1)]"
            guard segment.segment.count == segmentBy.count else {
                throw SpecError(key: key, problem: .sentence(.gridSegmentValues, arguments: ["columns": "\(segmentBy.joined(separator: ", "))", "found": "\(segment.segment.count)"]))
            }
            guard segment.k >= 0 else { throw SpecError(key: "\(key).k", problem: .sentence(.gridDwellings, arguments: ["found": "\(segment.k)"])) }
            guard seen.insert(segment.segment).inserted else { throw SpecError(key: key, problem: .sentence(.gridSegmentTwice, arguments: [:])) }
        }
    }
}

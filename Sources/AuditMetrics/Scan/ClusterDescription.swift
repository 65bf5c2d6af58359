/// A cluster in words: the shortest conjunction of conditions on the scanned columns that
/// covers most of its members and few others (`docs/scan.md`, "Described in words").
///
/// Each column proposes one condition: for a number, the range from the 5th to the 95th
/// percentile of the members' values (nearest rank, so both ends are values members have; an
/// end at the population's own minimum or maximum is left open); for a category, the fewest
/// categories holding at least 90 % of the members (most frequent first). A condition that
/// keeps the whole population is dropped. Then, greedily, the condition that most raises the
/// **precision** (the share of the applicants meeting every chosen condition who are members)
/// is added, provided the **coverage** (the share of members meeting every chosen condition)
/// stays at least 75 % and the precision rises by at least 2 points; at most three conditions,
/// and the search stops at a precision of 90 %. Aggregates only: bounds and labels, never a row.
public struct ClusterDescription: Sendable, Equatable {
    public let conditions: [ScanCondition]
    /// Share of the members meeting every condition.
    public let coverage: Double
    /// Share of those meeting every condition who are members.
    public let precision: Double

    public static let maximumConditions = 3
    public static let minimumCoverage = 0.75
    public static let targetPrecision = 0.9

    /// What describing any cluster of one population needs, computed once for all of them:
    /// the features, the population's rows, each number's lowest and highest value there and
    /// each category's codes present there.
    public struct Population: Sendable {
        let features: [ScanFeature]
        /// The data rows, ascending (4 bytes each).
        let rows: [Int32]
        /// Per feature: for a number, its lowest and highest value over the rows (`nil` when
        /// every value is missing); for a category, `nil`.
        let ranges: [(lowest: Double, highest: Double)?]
        /// Per feature: for a category, whether each code occurs among the rows; else empty.
        let present: [[Bool]]

        public init(features: [ScanFeature], rows: [Int]) {
            self.init(features: features, rows: rows.map { Int32($0) })
        }

        public init(features: [ScanFeature], rows: [Int32]) {
            self.features = features
            self.rows = rows
            var ranges: [(lowest: Double, highest: Double)?] = [], present: [[Bool]] = []
            for feature in features {
                switch feature.values {
                case .numeric, .numericByCode:
                    let range: (lowest: Double, highest: Double)? = feature.withNumbers { value in
                        var lowest = Double.infinity, highest = -Double.infinity, any = false
                        for r in rows {
                            let v = value(Int(r))
                            guard !v.isNaN else { continue }
                            any = true
                            lowest = Swift.min(lowest, v)
                            highest = Swift.max(highest, v)
                        }
                        return any ? (lowest, highest) : nil
                    } ?? nil
                    ranges.append(range)
                    present.append([])
                case .categorical(let codes, let labels, _):
                    var seen = [Bool](repeating: false, count: labels.count)
                    for r in rows { seen[Int(codes[Int(r)])] = true }
                    ranges.append(nil)
                    present.append(seen)
                }
            }
            self.ranges = ranges
            self.present = present
        }
    }

    /// Describes the members (`isMember[i]` for the population row `rows[i]`) by `features`.
    public static func describe(features: [ScanFeature], rows: [Int], isMember: [Bool]) -> ClusterDescription {
        describe(Population(features: features, rows: rows), isMember: isMember)
    }

    /// Describes the members (`isMember[i]` for the population row `population.rows[i]`).
    /// The shares are counted on sets of rows as bits (``RowSet``): the same counts as row by row.
    public static func describe(_ population: Population, isMember: [Bool]) -> ClusterDescription {
        let n = population.rows.count
        let members = isMember.indices.filter { isMember[$0] }
        let memberCount = members.count
        guard memberCount > 0 else { return ClusterDescription(conditions: [], coverage: 0, precision: 0) }
        let memberSet = RowSet(count: n) { isMember[$0] }
        var proposals: [(condition: ScanCondition, meets: RowSet)] = []
        for f in population.features.indices {
            if let proposal = propose(population, f, members: members) { proposals.append(proposal) }
        }
        var current = RowSet(count: n, full: true)
        var chosen: [ScanCondition] = []
        var used = Set<Int>()
        var precision = Double(memberCount) / Double(n), coverage = 1.0
        while chosen.count < maximumConditions, precision < targetPrecision {
            var best: (index: Int, precision: Double, coverage: Double)?
            for (k, proposal) in proposals.enumerated() where !used.contains(k) {
                // Counted without building the conjunction: only the chosen one is built.
                let (both, inside) = current.intersectionCounts(proposal.meets, memberSet)
                guard both > 0 else { continue }
                let c = Double(inside) / Double(memberCount), p = Double(inside) / Double(both)
                guard c >= minimumCoverage, p >= precision + 0.02 else { continue }
                if p > (best?.precision ?? -1) { best = (k, p, c) }
            }
            guard let b = best else { break }
            used.insert(b.index)
            chosen.append(proposals[b.index].condition)
            current.formIntersection(proposals[b.index].meets)
            precision = b.precision
            coverage = b.coverage
        }
        return ClusterDescription(conditions: chosen, coverage: coverage, precision: precision)
    }

    /// The one condition feature `f` proposes for the cluster whose members are the
    /// population's positions `members` (ascending), with the rows meeting it.
    static func propose(_ population: Population, _ f: Int, members: [Int]) -> (ScanCondition, RowSet)? {
        let feature = population.features[f], rows = population.rows
        switch feature.values {
        case .numeric, .numericByCode:
            guard let (lowest, highest) = population.ranges[f] else { return nil }
            return feature.withNumbers { value -> (ScanCondition, RowSet)? in
                var memberValues: [Double] = []
                memberValues.reserveCapacity(members.count)
                for i in members where !value(Int(rows[i])).isNaN { memberValues.append(value(Int(rows[i]))) }
                memberValues.sort()
                guard !memberValues.isEmpty else { return nil }
                let k = memberValues.count - 1
                let low = memberValues[Int((0.05 * Double(k)).rounded(.down))]
                let high = memberValues[Int((0.95 * Double(k)).rounded(.up))]
                let lowBound = low > lowest ? low : nil, highBound = high < highest ? high : nil
                guard lowBound != nil || highBound != nil else { return nil }
                // A missing bound as ±∞: `v >= −∞` and `v <= +∞` hold for every number (NaN fails both).
                let a = lowBound ?? -.infinity, b = highBound ?? .infinity
                let meets = rows.withUnsafeBufferPointer { r in RowSet(count: rows.count) { value(Int(r[$0])) >= a && value(Int(r[$0])) <= b } }
                return (ScanCondition(feature: feature.name, kind: .range(low: lowBound, high: highBound)), meets)
            } ?? nil
        case .categorical(let codes, let labels, _):
            var counts = [Int](repeating: 0, count: labels.count)
            for i in members { counts[Int(codes[Int(rows[i])])] += 1 }
            let order = labels.indices.filter { counts[$0] > 0 }.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }
            var kept: [Int] = [], running = 0
            for code in order where Double(running) < 0.9 * Double(members.count) {
                kept.append(code)
                running += counts[code]
            }
            guard kept.count < population.present[f].filter({ $0 }).count else { return nil }
            var inSet = [Bool](repeating: false, count: labels.count)
            for code in kept { inSet[code] = true }
            let meets = codes.withRawCodes { raw, shift, mask in
                rows.withUnsafeBufferPointer { r in
                    RowSet(count: rows.count) { inSet[Int(raw.loadUnaligned(fromByteOffset: Int(r[$0]) &<< shift, as: UInt32.self) & mask)] }
                }
            }
            return (ScanCondition(feature: feature.name, kind: .categories(kept.map { labels[$0] })), meets)
        }
    }
}

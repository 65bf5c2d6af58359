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

    /// Describes the members (`isMember[i]` for the population row `rows[i]`) by `features`.
    public static func describe(features: [ScanFeature], rows: [Int], isMember: [Bool]) -> ClusterDescription {
        let memberCount = isMember.filter { $0 }.count
        guard memberCount > 0 else { return ClusterDescription(conditions: [], coverage: 0, precision: 0) }
        var proposals: [(condition: ScanCondition, meets: [Bool])] = []
        for feature in features {
            if let proposal = propose(feature, rows: rows, isMember: isMember) { proposals.append(proposal) }
        }
        var current = [Bool](repeating: true, count: rows.count)
        var chosen: [ScanCondition] = []
        var used = Set<Int>()
        var precision = Double(memberCount) / Double(rows.count), coverage = 1.0
        while chosen.count < maximumConditions, precision < targetPrecision {
            var best: (index: Int, precision: Double, coverage: Double)?
            for (k, proposal) in proposals.enumerated() where !used.contains(k) {
                // Counted without building the conjunction: only the chosen one is built.
                let (both, members) = Self.count(current, proposal.meets, isMember)
                guard both > 0 else { continue }
                let c = Double(members) / Double(memberCount), p = Double(members) / Double(both)
                guard c >= minimumCoverage, p >= precision + 0.02 else { continue }
                if p > (best?.precision ?? -1) { best = (k, p, c) }
            }
            guard let b = best else { break }
            used.insert(b.index)
            chosen.append(proposals[b.index].condition)
            let meets = proposals[b.index].meets
            for i in current.indices { current[i] = current[i] && meets[i] }
            precision = b.precision
            coverage = b.coverage
        }
        return ClusterDescription(conditions: chosen, coverage: coverage, precision: precision)
    }

    /// The rows meeting both `current` and `meets`, and the members among them.
    static func count(_ current: [Bool], _ meets: [Bool], _ isMember: [Bool]) -> (both: Int, members: Int) {
        current.withUnsafeBufferPointer { a in
            meets.withUnsafeBufferPointer { b in
                isMember.withUnsafeBufferPointer { m in
                    var both = 0, members = 0
                    for i in 0..<a.count {
                        let x = a[i] && b[i]
                        both &+= x ? 1 : 0
                        members &+= x && m[i] ? 1 : 0
                    }
                    return (both, members)
                }
            }
        }
    }

    /// The one condition `feature` proposes, with whether each population row meets it.
    static func propose(_ feature: ScanFeature, rows: [Int], isMember: [Bool]) -> (ScanCondition, [Bool])? {
        switch feature.values {
        case .numeric(let values):
            var memberValues: [Double] = []
            var lowest = Double.infinity, highest = -Double.infinity, any = false
            for (i, r) in rows.enumerated() {
                let v = values[r]
                guard !v.isNaN else { continue }
                any = true
                lowest = Swift.min(lowest, v)
                highest = Swift.max(highest, v)
                if isMember[i] { memberValues.append(v) }
            }
            memberValues.sort()
            guard any, !memberValues.isEmpty else { return nil }
            let k = memberValues.count - 1
            let low = memberValues[Int((0.05 * Double(k)).rounded(.down))]
            let high = memberValues[Int((0.95 * Double(k)).rounded(.up))]
            let lowBound = low > lowest ? low : nil, highBound = high < highest ? high : nil
            guard lowBound != nil || highBound != nil else { return nil }
            let meets = rows.map { r in
                let v = values[r]
                return !v.isNaN && (lowBound.map { v >= $0 } ?? true) && (highBound.map { v <= $0 } ?? true)
            }
            return (ScanCondition(feature: feature.name, kind: .range(low: lowBound, high: highBound)), meets)
        case .categorical(let codes, let labels, _):
            var counts = [Int](repeating: 0, count: labels.count)
            var present = [Bool](repeating: false, count: labels.count)
            var members = 0
            for (i, r) in rows.enumerated() {
                present[Int(codes[r])] = true
                if isMember[i] { counts[Int(codes[r])] += 1; members += 1 }
            }
            let order = labels.indices.filter { counts[$0] > 0 }.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }
            var kept: [Int] = [], running = 0
            for code in order where Double(running) < 0.9 * Double(members) {
                kept.append(code)
                running += counts[code]
            }
            guard kept.count < present.filter({ $0 }).count else { return nil }
            var inSet = [Bool](repeating: false, count: labels.count)
            for code in kept { inSet[code] = true }
            let meets = rows.map { inSet[Int(codes[$0])] }
            return (ScanCondition(feature: feature.name, kind: .categories(kept.map { labels[$0] })), meets)
        }
    }
}

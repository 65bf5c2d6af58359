@testable import AuditMetrics
import Foundation
import Testing

/// The rank statistics read their order from a stable radix sort (``StableRadixSort``, issue 21
/// point 2): AUC, KS, quantiles, scoring rates, exposure, the ROC of the proxy models and the
/// waiting times' order, checked here against values computed independently of it — the
/// standard library's comparison sort, and the AUC by counting every (positive, negative) pair
/// (Mann–Whitney, O(n²)) — on whole-number scores (a points grid's), dyadic scores (halves and
/// quarters, exact in binary), general scores, and many ties, ±0 and negative values.
@Suite struct RankByCountingTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 42) }
    }

    enum Kind: CaseIterable { case integer, dyadic, general, signedZeros }

    /// `n` rows: group codes in 0..<3 (some −1), scores of the kind, labels 0/1.
    static func sample(_ kind: Kind, n: Int, seed: UInt64) -> (groups: [Int32], scores: [Double], labels: [UInt8]) {
        var random = Random(state: seed)
        var groups: [Int32] = [], scores: [Double] = [], labels: [UInt8] = []
        for _ in 0..<n {
            let g = Int32(random.int(4)) - 1
            groups.append(g)
            // Scores that depend on the group a little, so that AUC and KS are not trivial.
            switch kind {
            case .integer: scores.append(Double(random.int(40) + 3 * Int(max(g, 0))))
            case .dyadic: scores.append(Double(random.int(64) - 16) / 4)
            case .general: scores.append(random.uniform() * 10 - 3 + Double(g))
            case .signedZeros: scores.append([0.0, -0.0, 1, -1, 2.5][random.int(5)])
            }
            labels.append(random.uniform() < 0.3 + 0.01 * scores.last!.magnitude.truncatingRemainder(dividingBy: 20) ? 1 : 0)
        }
        return (groups, scores, labels)
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// AUC = (#{s⁺ > s⁻} + ½ #{s⁺ = s⁻}) / (n₁n₀) over every pair.
    static func pairwiseAUC(_ scores: [Double], _ labels: [UInt8]) -> Double {
        let positives = scores.indices.filter { labels[$0] == 1 }.map { scores[$0] }
        let negatives = scores.indices.filter { labels[$0] == 0 }.map { scores[$0] }
        var wins = 0.0
        for p in positives { for q in negatives { wins += p > q ? 1 : (p == q ? 0.5 : 0) } }
        return wins / Double(positives.count * negatives.count)
    }

    /// Type-7 quantile of values sorted by the standard library.
    static func type7(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        let h = Double(s.count - 1) * p
        let lo = Int(h.rounded(.down))
        return lo + 1 < s.count ? s[lo] + (h - Double(lo)) * (s[lo + 1] - s[lo]) : s[lo]
    }

    @Test(arguments: Kind.allCases)
    func scoreFairnessEqualsComparisonSortValues(kind: Kind) throws {
        let (groups, scores, labels) = Self.sample(kind, n: 1_500, seed: 7)
        let labelsOf = ["a", "b", "c"]
        var options = ScoreFairness.Options()
        options.reference = 0
        let result = try ScoreFairness.analyze(ScoreSample(groups: groups, groupLabels: labelsOf, scores: scores, labels: labels), options: options)
        let analysed = groups.indices.filter { groups[$0] >= 0 }
        // The sample's order is the comparison sort's: ascending score, ties by row.
        let sample = try ScoreSample(groups: groups, groupLabels: labelsOf, scores: scores, labels: labels)
        let expectedOrder = analysed.sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        #expect(sample.sortedScores.map(\.bitPattern) == expectedOrder.map { scores[$0].bitPattern })
        #expect(sample.sortedGroups == expectedOrder.map { groups[$0] })
        #expect(sample.sortedLabels == expectedOrder.map { labels[$0] })
        for code in [nil, 0, 1, 2] as [Int?] {
            let rows = analysed.filter { code == nil || Int(groups[$0]) == code }
            let s = rows.map { scores[$0] }, l = rows.map { labels[$0] }
            let group = code.map { result.groups[$0] } ?? result.overall
            // Quantiles and mean.
            for (p, value) in zip(ScoreDistribution.probabilities, [group.distribution.p10, group.distribution.p25, group.distribution.median, group.distribution.p75, group.distribution.p90]) {
                #expect(Self.close(value.value, Self.type7(s, p)), "\(kind) group \(String(describing: code)) p \(p)")
            }
            #expect(Self.close(group.distribution.mean.value, s.reduce(0, +) / Double(s.count), 1e-12))
            // AUC against every pair.
            #expect(Self.close(group.auc?.auc.value, Self.pairwiseAUC(s, l)), "\(kind) AUC group \(String(describing: code))")
            // KS against the rest and the reference, from the standard library's sort.
            if let g = code {
                let rest = analysed.filter { Int(groups[$0]) != g }.map { scores[$0] }
                let ks = try #require(KolmogorovSmirnov.twoSample(sorted: s.sorted(), sorted: rest.sorted()))
                #expect(Self.close(group.ksVersusRest?.distance, ks.distance), "\(kind) KS rest \(g)")
                if g != 0 {
                    let reference = analysed.filter { groups[$0] == 0 }.map { scores[$0] }
                    let versus = try #require(KolmogorovSmirnov.twoSample(sorted: s.sorted(), sorted: reference.sorted()))
                    #expect(Self.close(group.ksVersusReference?.distance, versus.distance), "\(kind) KS reference \(g)")
                }
                // LL144 scoring rate: above the overall median (numpy's).
                let all = analysed.map { scores[$0] }.sorted()
                let median = all.count % 2 == 1 ? all[all.count / 2] : 0.5 * (all[all.count / 2 - 1] + all[all.count / 2])
                let above = s.filter { $0 > median }.count
                #expect(group.scoringRate?.above == above)
            }
        }
    }

    @Test(arguments: Kind.allCases)
    func proxyAUCEqualsEveryPair(kind: Kind) {
        let (_, scores, labels) = Self.sample(kind, n: 1_200, seed: 11)
        let auc = ReceiverOperating.auc(scores: scores, labels: labels.map { $0 == 1 })
        #expect(Self.close(auc.value, Self.pairwiseAUC(scores, labels)))
    }

    @Test func waitingListOrderAndExposureEqualAComparisonSort() throws {
        var random = Random(state: 3)
        let n = 2_000
        let groups = (0..<n).map { _ in Int32(random.int(4)) - 1 }
        // Ranks: a permutation with gaps (1, 3, 5, …) shuffled.
        var rank = (0..<n).map { 2 * $0 + 1 }
        for i in stride(from: n - 1, to: 0, by: -1) { rank.swapAt(i, random.int(i + 1)) }
        let ranked = try RankedApplicants(groups: groups, groupLabels: ["a", "b", "c"], rank: rank)
        let expected = (0..<n).filter { groups[$0] >= 0 }.sorted { rank[$0] < rank[$1] }.map { groups[$0] }
        #expect(ranked.order == expected)
        var totals = [0.0, 0.0, 0.0]
        for (i, g) in expected.enumerated() { totals[Int(g)] += 1 / log2(Double(i + 2)) }
        for (g, e) in ranked.exposures().enumerated() { #expect(e.totalExposure == totals[g]) }
        // The same list from the rows in priority order (the grid's order, without ranks).
        let priority = (0..<n).sorted { rank[$0] < rank[$1] }.map { Int32($0) }
        let fromOrder = try RankedApplicants(groups: groups, groupLabels: ["a", "b", "c"], priorityOrder: priority)
        #expect(fromOrder.order == ranked.order && fromOrder.groupSizes == ranked.groupSizes && fromOrder.excluded == ranked.excluded)
        var repeated = priority
        repeated[n - 1] = repeated[0]
        #expect(throws: WaitingListInputError.invalidParameter(name: "priorityOrder", expected: "every row once")) {
            _ = try RankedApplicants(groups: groups, groupLabels: ["a", "b", "c"], priorityOrder: repeated)
        }
        #expect(throws: WaitingListInputError.lengthMismatch(argument: "priorityOrder", expected: n, found: n - 1)) {
            _ = try RankedApplicants(groups: groups, groupLabels: ["a", "b", "c"], priorityOrder: Array(priority.dropLast()))
        }
        // A duplicate rank names the same rows as the comparison sort's first duplicate.
        var twice = rank
        let a = (0..<n).first { groups[$0] >= 0 }!, b = (0..<n).last { groups[$0] >= 0 }!
        twice[b] = twice[a]
        #expect(throws: WaitingListInputError.duplicateRank(row: b, rank: rank[a], firstRow: a)) {
            _ = try RankedApplicants(groups: groups, groupLabels: ["a", "b", "c"], rank: twice)
        }
        // Waiting times: whole months with many ties, ascending, ties by row.
        let time = (0..<n).map { _ in Double(random.int(30)) / 2 }
        let event = (0..<n).map { _ in UInt8(random.int(2)) }
        let times = try WaitingTimes(groups: groups, groupLabels: ["a", "b", "c"], time: time, event: event)
        let byTime = (0..<n).filter { groups[$0] >= 0 }.sorted { time[$0] < time[$1] || (time[$0] == time[$1] && $0 < $1) }
        #expect(times.analysedRows.map { Int($0) } == byTime)
        #expect(times.analysedEvents == byTime.map { event[$0] })
    }

    @Test func radixSortIsStableOnEveryKeyShape() {
        var random = Random(state: 5)
        for kind in Kind.allCases {
            let values = Self.sample(kind, n: 3_000, seed: random.next()).scores
            let rows = (0..<Int32(values.count)).map { $0 }
            let ascending = StableRadixSort.ascending(rows) { values[$0] }
            #expect(ascending.map { Int($0) } == values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) })
            var keys = values.map(StableRadixSort.descendingKey)
            var items = rows
            StableRadixSort.sort(keys: &keys, items: &items)
            #expect(items.map { Int($0) } == values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) })
        }
    }

    /// The sort by counting (few distinct keys) and the radix sort (many) give the order of a
    /// comparison sort, ties in the order given — on more rows than the counting threshold,
    /// with −0 and +0 equal, and with one key more than the counting limit (radix taken).
    @Test func countingSortEqualsTheComparisonSort() {
        var random = Random(state: 23)
        let n = 20_000
        let shapes: [(name: String, values: [Double])] = [
            ("points", (0..<n).map { _ in Double(random.next() % 300) }),
            ("signed zeros", (0..<n).map { _ in random.next() % 3 == 0 ? -0.0 : Double(random.next() % 4) }),
            ("days", (0..<n).map { _ in Double(random.next() % 3_000) / 30.4375 }),
            ("all distinct", (0..<n).map { i in Double(i) * 1.001 - Double(random.next() % 1_000) }),
        ]
        for (name, values) in shapes {
            // Items in a shuffled order, which ties must keep.
            var items = (0..<Int32(n)).map { $0 }
            for i in stride(from: n - 1, to: 0, by: -1) { items.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            let position = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
            var sorted = items
            StableRadixSort.sort(items: &sorted) { StableRadixSort.descendingKey(values[$0]) }
            let expected = items.sorted { a, b in
                values[Int(a)] != values[Int(b)] ? values[Int(a)] > values[Int(b)] : position[a]! < position[b]!
            }
            #expect(sorted == expected, "\(name)")
            let counted = StableRadixSort.byCounting(items) { StableRadixSort.descendingKey(values[$0]) }
            #expect(counted == sorted, "\(name): counted (at most 65,536 distinct keys) as sorted")
        }
        // One key past the counting limit: the attempt gives up, the sort still orders.
        let many = (0..<(StableRadixSort.countingLimit + 1)).map { Double($0) }
        let rows = (0..<Int32(many.count)).reversed().map { $0 }
        #expect(StableRadixSort.byCounting(rows) { StableRadixSort.ascendingKey(many[$0]) } == nil)
        #expect(StableRadixSort.ascending(rows) { many[$0] } == (0..<Int32(many.count)).map { $0 })
    }
}

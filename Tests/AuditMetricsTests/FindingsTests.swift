import AuditData
@testable import AuditMetrics
import Testing

/// Verdicts on data with a known truth, and the coverage of the audit's intervals.
@Suite struct FindingsTests {
    /// An audit of one attribute with groups given as (rows, positive decisions), decision only.
    static func audit(_ groups: [(label: String, rows: Int, selected: Int)], reference: String, spec: AnalysisSpec = AnalysisSpec(minGroupSize: 30)) throws -> AuditResult {
        let data = DataSpec(path: "synthetic.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .named(reference))], decision: BinaryColumnSpec(column: "d"))
        var codes: [UInt32] = [], decision: [UInt8] = []
        for (i, g) in groups.enumerated() {
            codes += Array(repeating: UInt32(i), count: g.rows)
            decision += Array(repeating: 1, count: g.selected) + Array(repeating: 0, count: g.rows - g.selected)
        }
        let store = ColumnStore(
            rowCount: codes.count,
            attributes: [GroupColumn(attribute: "g", codes: codes, groups: groups.map(\.label), unknownCode: nil)],
            label: nil, decision: decision, score: nil, weight: nil,
            source: DataSource(path: "synthetic.csv", delimiter: ",", headerColumns: 2)
        )
        return try Audit.run(store: store, data: data, analysis: spec)
    }

    static func finding(_ r: AuditResult, _ group: String, _ kind: Finding.Kind) -> Finding {
        r.findings.first { $0.group == group && $0.kind == kind && $0.metric == MetricID(.selectionRate) }!
    }

    @Test func plantedDisparityIsFound() throws {
        // 30 % vs 15 %: a 15-point gap, ratio 0.5, on 2,000 people each.
        let r = try Self.audit([("A", 2000, 600), ("B", 2000, 300)], reference: "A")
        for kind in [Finding.Kind.difference, .ratio] {
            let f = Self.finding(r, "B", kind)
            #expect(f.verdict == .disparity, "\(f.reason)")
            #expect(f.pAdjusted! < 0.05)
        }
        #expect(Self.finding(r, "B", .difference).value == .defined(0.15 - 0.30))
        #expect(Self.finding(r, "B", .difference).test == "two_proportion_z")
    }

    @Test func equalRatesGiveNoDisparity() throws {
        // 30 % vs 30.5 % on 20,000 people each: both intervals well inside the bands.
        let r = try Self.audit([("A", 20000, 6000), ("B", 20000, 6100)], reference: "A")
        for kind in [Finding.Kind.difference, .ratio] {
            let f = Self.finding(r, "B", kind)
            #expect(f.verdict == .noDisparity, "\(f.reason)")
        }
    }

    @Test func twentyPeopleGiveInsufficientEvidence() throws {
        // Even a large gap (15 % vs 5 %) in a 20-person group is not a verdict.
        let r = try Self.audit([("A", 2000, 300), ("C", 20, 1)], reference: "A")
        let f = Self.finding(r, "C", .difference)
        #expect(f.verdict == .insufficientEvidence)
        #expect(f.reason.cause == .belowMinimumSize(.group, rows: 20, minimum: 30))
        #expect(f.reason.description == "group below the minimum size (20 < 30 rows)")
        #expect(f.test == "fisher_exact", "expected cell 20 × 301/2020 ≈ 2.98 < 5 → Fisher")
        // Its counts are still reported, and its power says what it could have seen.
        #expect(r["g"]?["C"]?.statistics.count == 20)
        #expect(f.minimumDetectableDecrease != nil)
    }

    @Test func wideIntervalStraddlingTheBandIsInsufficient() throws {
        // 30 % vs 26 % on 300 each: the difference interval crosses −0.05.
        let r = try Self.audit([("A", 300, 90), ("B", 300, 78)], reference: "A")
        let f = Self.finding(r, "B", .difference)
        #expect(f.verdict == .insufficientEvidence)
        guard case .crossesEdge(let low, let high, .difference(let tolerance)) = f.reason.cause else { Issue.record("\(f.reason)"); return }
        #expect(low < -tolerance && high > -tolerance && tolerance == 0.05)
        #expect(f.reason.description.contains("crosses the edge of the tolerance"))
    }

    @Test func holmAdjustsAcrossTheWholeAudit() throws {
        let r = try Self.audit([("A", 2000, 600), ("B", 2000, 560), ("C", 2000, 540)], reference: "A")
        let raw = r.findings.filter { $0.kind == .difference }.map { $0.pValue! } + r.independenceTests.map(\.pValue)
        let adjusted = MultipleTesting.holm(raw)
        #expect(r.findings.filter { $0.kind == .difference }.map { $0.pAdjusted! } == Array(adjusted.prefix(2)))
        #expect(r.independenceTests.map(\.pAdjusted) == Array(adjusted.suffix(1)))
        #expect(r.independenceTests.first?.degreesOfFreedom == 2)
    }

    /// Cochran's rule: a table with an expected count below 1 gets no chi-square test (a group
    /// of 3 people: expected positives 3 × 1,161/4,003 ≈ 0.87).
    @Test func chiSquareFollowsCochransRule() throws {
        let tiny = try Self.audit([("A", 2000, 600), ("B", 2000, 560), ("C", 3, 1)], reference: "A")
        #expect(tiny.independenceTests.isEmpty)
        let fine = try Self.audit([("A", 2000, 600), ("B", 2000, 560), ("C", 300, 80)], reference: "A")
        #expect(fine.independenceTests.count == 1)
    }

    /// The whole population as reference: findings compare each group with the rest.
    @Test func overallReferenceComparesWithTheRest() throws {
        let store = ColumnStore(
            rowCount: 2000,
            attributes: [GroupColumn(attribute: "g", codes: Array(repeating: 0, count: 1000) + Array(repeating: 1, count: 1000), groups: ["A", "B"], unknownCode: nil)],
            label: nil, decision: Array(repeating: 1, count: 300) + Array(repeating: 0, count: 700) + Array(repeating: 1, count: 100) + Array(repeating: 0, count: 900),
            score: nil, weight: nil, source: DataSource(path: "s.csv", delimiter: ",", headerColumns: 2)
        )
        let data = DataSpec(path: "s.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .overall)], decision: BinaryColumnSpec(column: "d"))
        let result = try Audit.run(store: store, data: data, analysis: AnalysisSpec(minGroupSize: 30))
        let b = result.findings.first { $0.group == "B" && $0.kind == .difference }!
        #expect(b.reference == "rest")
        #expect(abs(b.value.value! - (0.1 - 0.3)) < 1e-15)
        // Against the whole population, metrics.csv disparities have no analytic interval.
        #expect(result["g"]?["B"]?.disparities.first { $0.name == "selection_rate_difference" }?.interval == nil)
    }
}

/// Seeded simulations of many audits: the 95 % Wilson interval of a group's rate and
/// Newcombe's interval of the difference against the reference cover the true values
/// 94–96 % of the time.
@Suite struct IntervalCoverageTests {
    @Test func wilsonAndNewcombeCoverOver4000SimulatedAudits() throws {
        let audits = 4000
        let (n1, p1, n2, p2) = (400, 0.30, 250, 0.22)
        let data = DataSpec(path: "sim.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .named("ref"))], decision: BinaryColumnSpec(column: "d"))
        let spec = AnalysisSpec(intersections: 1)
        var wilsonCovered = 0, newcombeCovered = 0
        for a in 0..<audits {
            var random = BootstrapRandom(seed: 20261129, stream: 7, replicate: UInt64(a))
            let x1 = BinomialSampler.sample(trials: n1, probability: p1, using: &random)
            let x2 = BinomialSampler.sample(trials: n2, probability: p2, using: &random)
            // Decision-only cells: FP = selected (label 0, decision 1), TN = not selected.
            let ref = GroupStatistics(rows: SIMD4(n1 - x1, x1, 0, 0), weights: SIMD4(Double(n1 - x1), Double(x1), 0, 0), weightSquares: SIMD4(Double(n1 - x1), Double(x1), 0, 0))
            let grp = GroupStatistics(rows: SIMD4(n2 - x2, x2, 0, 0), weights: SIMD4(Double(n2 - x2), Double(x2), 0, 0), weightSquares: SIMD4(Double(n2 - x2), Double(x2), 0, 0))
            let stats = Self.statistics(["ref": ref, "grp": grp])
            let result = try Audit.result(statistics: stats, data: data, analysis: spec, hasLabel: false, hasDecision: true, weighted: false)
            let g = result["g"]!["grp"]!
            let rate = g.metrics.first { $0.name == "selection_rate" }!.interval!
            if rate.low <= p2 && p2 <= rate.high { wilsonCovered += 1 }
            let diff = g.disparities.first { $0.name == "selection_rate_difference" }!.interval!
            if diff.low <= p2 - p1 && p2 - p1 <= diff.high { newcombeCovered += 1 }
        }
        let wilson = Double(wilsonCovered) / Double(audits), newcombe = Double(newcombeCovered) / Double(audits)
        #expect((0.94...0.96).contains(wilson), "Wilson coverage \(wilson)")
        #expect((0.94...0.96).contains(newcombe), "Newcombe coverage \(newcombe)")
    }

    /// Statistics for one attribute `g` with the given groups (labels sorted as the loader would).
    static func statistics(_ groups: [String: GroupStatistics]) -> AuditStatistics {
        let labels = groups.keys.sorted()
        let store = ColumnStore(rowCount: 0, attributes: [GroupColumn(attribute: "g", codes: [], groups: labels, unknownCode: nil)],
                                label: nil, decision: [], score: nil, weight: nil, source: DataSource(path: "sim.csv", delimiter: ",", headerColumns: 2))
        var stats = AuditStatistics(empty: [Grouping(attribute: 0, of: store)])
        var overall = GroupStatistics.zero
        for (i, label) in labels.enumerated() {
            stats.setGroup(0, i, groups[label]!)
            overall += groups[label]!
        }
        stats.setOverall(overall)
        return stats
    }
}

/// The bootstrap of the central table agrees with the analytic intervals where both exist.
@Suite struct BootstrapAnalysisTests {
    @Test func percentileIntervalOfARateIsCloseToWilson() throws {
        var spec = AnalysisSpec(minGroupSize: 30)
        spec.inference.bootstrapReplicates = 4000
        spec.inference.seed = 11
        spec.inference.bootstrapMethod = .percentile
        let r = try FindingsTests.audit([("A", 2000, 600), ("B", 1500, 300)], reference: "A", spec: spec)
        #expect(r.bootstrapReplicates == 4000)
        let rate = r["g"]!["B"]!.metrics.first { $0.name == "selection_rate" }!
        let wilson = rate.interval!, boot = rate.bootstrapInterval!
        #expect(boot.method == .bootstrapPercentile)
        #expect(abs(boot.low - wilson.low) < 0.004 && abs(boot.high - wilson.high) < 0.004, "\(boot) vs \(wilson)")
        let difference = r["g"]!["B"]!.disparities.first { $0.name == "selection_rate_difference" }!
        #expect(abs(difference.bootstrapInterval!.low - difference.interval!.low) < 0.006)
        #expect(abs(difference.bootstrapInterval!.high - difference.interval!.high) < 0.006)
        // Aggregates get bootstrap intervals too; count does not (fixed by stratification).
        #expect(r["g"]!.aggregates.first { $0.name == "demographic_parity_difference" }!.bootstrapInterval != nil)
        #expect(r["g"]!["B"]!.metrics.first { $0.name == "count" }!.bootstrapInterval == nil)
    }

    /// Weighted audits: the Poisson row bootstrap's percentile interval of a rate is close to
    /// Wilson's on Kish effective counts when weights are all 2 (n_eff = n), and the score
    /// mean is bootstrapped too.
    @Test func weightedRowBootstrapIsCloseToWilson() throws {
        let data = DataSpec(path: "w.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .named("A"))], decision: BinaryColumnSpec(column: "d"), score: "s", weight: "w")
        var spec = AnalysisSpec(minGroupSize: 1)
        spec.inference.bootstrapReplicates = 2000
        spec.inference.seed = 9
        let n = 3000
        let codes = (0..<n).map { UInt32($0 % 2) }
        let decision = (0..<n).map { UInt8(($0 / 2) % 10 < 3 ? 1 : 0) }  // 30 % in each group
        let score = (0..<n).map { Double($0 % 7) }
        let store = ColumnStore(rowCount: n, attributes: [GroupColumn(attribute: "g", codes: codes, groups: ["A", "B"], unknownCode: nil)],
                                label: nil, decision: decision, score: score, weight: Array(repeating: 2, count: n),
                                source: DataSource(path: "w.csv", delimiter: ",", headerColumns: 4))
        let r = try Audit.run(store: store, data: data, analysis: spec, threads: 2)
        let rate = r["g"]!["B"]!.metrics.first { $0.name == "selection_rate" }!
        let wilson = rate.interval!, boot = rate.bootstrapInterval!
        #expect(boot.method == .bootstrapPercentile)
        #expect(abs(boot.low - wilson.low) < 0.01 && abs(boot.high - wilson.high) < 0.01, "\(boot) vs \(wilson)")
        #expect(r["g"]!["B"]!.metrics.first { $0.name == "score_mean" }!.bootstrapInterval != nil)
    }

    @Test func bcaIsTheDefaultAndThreadsDoNotMatter() throws {
        var spec = AnalysisSpec(minGroupSize: 30)
        spec.inference.bootstrapReplicates = 500
        spec.inference.seed = 3
        let groups: [(label: String, rows: Int, selected: Int)] = [("A", 900, 300), ("B", 700, 150), ("C", 50, 10)]
        var results: [AuditResult] = []
        for threads in [1, 2, 5] {
            let data = DataSpec(path: "synthetic.csv", protected: [ProtectedAttributeSpec(column: "g", reference: .named("A"))], decision: BinaryColumnSpec(column: "d"))
            var codes: [UInt32] = [], decision: [UInt8] = []
            for (i, g) in groups.enumerated() {
                codes += Array(repeating: UInt32(i), count: g.rows)
                decision += Array(repeating: 1, count: g.selected) + Array(repeating: 0, count: g.rows - g.selected)
            }
            let store = ColumnStore(rowCount: codes.count, attributes: [GroupColumn(attribute: "g", codes: codes, groups: groups.map(\.label), unknownCode: nil)],
                                    label: nil, decision: decision, score: nil, weight: nil, source: DataSource(path: "s.csv", delimiter: ",", headerColumns: 2))
            results.append(try Audit.run(store: store, data: data, analysis: spec, threads: threads))
        }
        #expect(results[0] == results[1] && results[1] == results[2])
        #expect(results[0]["g"]!["B"]!.metrics.first { $0.name == "selection_rate" }!.bootstrapInterval?.method == .bootstrapBCa)
    }
}

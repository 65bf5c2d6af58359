import AuditData
@testable import AuditMetrics
import Testing

/// `GroupFrame`: the reference rules, the most favoured comparator under mandated priorities,
/// and the comparison of two groups with intervals, each checked by hand.
@Suite("GroupFrame")
struct GroupFrameTests {
    /// A 50 rows at 0.6, B 100 at 0.4, C 10 at 0.9 (small), the missing group 200 at 0.95.
    static func frame(priorities: [Set<String>]? = nil, minimumSize: Int = 30) -> GroupFrame {
        GroupFrame(labels: ["A", "B", "C", "unknown (missing)"], values: [.defined(0.6), .defined(0.4), .defined(0.9), .defined(0.95)],
                   sizes: [50, 100, 10, 200], isMissing: [false, false, false, true], priorities: priorities,
                   overall: .defined(0.7), eligibility: RatioEligibility(minimumSize: minimumSize))
    }

    @Test func referenceRulesByHand() throws {
        let f = Self.frame()
        // Small C and the missing group are never chosen by a rule; a named group is taken as named.
        #expect(try f.reference(.largest, attribute: "x", fallbackWhenNamedIsAbsent: false).group == 1)
        #expect(try f.reference(.best, attribute: "x", fallbackWhenNamedIsAbsent: false).group == 0)
        #expect(try f.reference(.named("C"), attribute: "x", fallbackWhenNamedIsAbsent: false).group == 2)
        let overall = try f.reference(.overall, attribute: "x", fallbackWhenNamedIsAbsent: false)
        #expect(overall.group == nil && overall.label == "overall")
        #expect(throws: SpecError.self) { try f.reference(.named("Z"), attribute: "x", fallbackWhenNamedIsAbsent: false) }
        let fallback = try f.reference(.named("Z"), attribute: "x", fallbackWhenNamedIsAbsent: true)
        #expect(fallback.group == 1 && fallback.label == "B" && fallback.note == DataWarning.referenceFallbackNote("Z"))
        // No group reaches 500 rows: every known non-empty group is eligible (C's 0.9 is best).
        let small = Self.frame(minimumSize: 500)
        #expect(try small.reference(.best, attribute: "x", fallbackWhenNamedIsAbsent: false).group == 2)
        #expect(small.eligibleGroups(requireDefinedValue: false) == [0, 1, 2])
    }

    @Test func largestTakesTheFirstGroupOnATie() throws {
        let f = GroupFrame(labels: ["P", "Q"], values: [.undefined(reason: "x"), .undefined(reason: "x")], sizes: [40, 40],
                           isMissing: [false, false], eligibility: RatioEligibility(minimumSize: 30))
        // `largest` needs no defined value; `best` does, and falls back to the whole population.
        #expect(try f.reference(.largest, attribute: "x", fallbackWhenNamedIsAbsent: false).group == 0)
        let best = try f.reference(.best, attribute: "x", fallbackWhenNamedIsAbsent: false)
        #expect(best.group == nil && best.note != nil)
    }

    @Test func aMandatedPriorityGroupIsNoOneElsesComparator() {
        // A holds the priority: B is compared with B (0.4 / 0.4), A with A; C is too small to compare with.
        let f = Self.frame(priorities: [["p"], [], [], []])
        let ratios = f.mostFavouredRatios()
        #expect(f.mostFavoured(for: 1) == 1 && f.mostFavoured(for: 0) == 0)
        #expect(ratios[1].value == 1 && ratios[0].value == 1)
        #expect(abs((ratios[2].value ?? -1) - 0.9 / 0.4) < 1e-15)
        // Without the priority, everyone is compared with A (0.6).
        let plain = Self.frame()
        #expect(abs((plain.mostFavouredRatios()[1].value ?? -1) - 0.4 / 0.6) < 1e-15)
    }

    @Test func proportionsComparedByNewcombeAndKatz() throws {
        // Newcombe (1998, Stat. Med. 17:873), example (a): 56/70 − 48/80, method 10: [0.0524, 0.3339].
        // Katz: (56/70)/(48/80) · exp(±z·√(1/56 − 1/70 + 1/48 − 1/80)) = [1.076626, 1.651249].
        let f = GroupFrame(labels: ["a", "b"], values: [.defined(56.0 / 70), .defined(48.0 / 80)], sizes: [70, 80], isMissing: [false, false],
                           overall: .defined(104.0 / 150), eligibility: RatioEligibility(minimumSize: 1),
                           estimates: [.proportion(successes: 56, trials: 70), .proportion(successes: 48, trials: 80)])
        let c = f.comparison(of: 0, with: 1, level: 0.95)
        #expect(abs((c.difference.value ?? -1) - 0.2) < 1e-15)
        let d = try #require(c.differenceInterval), r = try #require(c.ratioInterval)
        #expect(abs(d.low - 0.0524) < 5e-5 && abs(d.high - 0.3339) < 5e-5 && d.method == .newcombe)
        #expect(abs(r.low - 1.076626422763193) < 1e-12 && abs(r.high - 1.6512485112663868) < 1e-12 && r.method == .katz)
        // Against the whole population, or itself: the value, no interval (not independent samples).
        let toOverall = f.comparison(of: 0, with: nil, level: 0.95)
        #expect(abs((toOverall.ratio.value ?? -1) - (56.0 / 70) / (104.0 / 150)) < 1e-15)
        #expect(toOverall.differenceInterval == nil && toOverall.ratioInterval == nil)
        #expect(f.comparison(of: 1, with: 1, level: 0.95).ratioInterval == nil)
    }

    @Test func meansComparedByWelchAndTheDeltaMethod() throws {
        // 10 (variance of the mean 0.25) against 8 (0.16): 2 ± z·√0.41; 1.25 · exp(±z·√(0.25/100 + 0.16/64)).
        let a = GroupEstimate.mean(10, varianceOfMean: 0.25), b = GroupEstimate.mean(8, varianceOfMean: 0.16)
        let d = try #require(GroupEstimate.differenceInterval(a, b, level: 0.95))
        #expect(abs(d.low - 0.7450107106096122) < 1e-12 && abs(d.high - 3.254989289390388) < 1e-12)
        let r = try #require(GroupEstimate.ratioInterval(a, b, level: 0.95))
        #expect(abs(r.low - 1.0882307027006748) < 1e-12 && abs(r.high - 1.4358168687230801) < 1e-12)
        // A non-positive mean has no log ratio; a mean and a proportion are not compared.
        #expect(GroupEstimate.ratioInterval(.mean(-1, varianceOfMean: 0.1), b, level: 0.95) == nil)
        #expect(GroupEstimate.differenceInterval(a, .proportion(successes: 1, trials: 2), level: 0.95) == nil)
        #expect(GroupEstimate.ratioInterval(.unavailable, b, level: 0.95) == nil)
    }

    @Test func estimatesReadFromEntries() {
        // A share's effective counts; a mean's standard error read back from its normal interval.
        var share = MetricEntry(.shortfallShare, .defined(0.25), n: 40)
        share.effectiveTrials = 40
        #expect(GroupEstimate.share(share) == .proportion(successes: 10, trials: 40))
        let z = Normal.quantile(0.975)
        let mean = MetricEntry(.allocationMean, .defined(5), n: 30, interval: MetricInterval(low: 5 - 2 * z, high: 5 + 2 * z, method: .normal))
        guard case let .mean(m, v) = GroupEstimate.normalMean(mean, level: 0.95) else { Issue.record("no mean"); return }
        #expect(m == 5 && abs(v - 4) < 1e-12)
        let median = MetricEntry(.allocationMedian, .defined(5), n: 30, interval: MetricInterval(low: 4, high: 6, method: .orderStatistics))
        #expect(GroupEstimate.normalMean(median, level: 0.95) == .unavailable)
    }
}

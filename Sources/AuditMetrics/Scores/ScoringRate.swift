import AuditData

/// NYC Local Law 144 scoring rate and scoring impact ratio of one group.
///
/// 6 RCNY §5-300: the *scoring rate* is "the rate at which individuals in a category receive
/// a score above the sample's median score", ScR_g = #{i ∈ g : sᵢ > median(all s)}/n_g (ties
/// at the median do not count; the median is numpy's `np.median` of every analysed score);
/// the *impact ratio* is ScR_g / max_h ScR_h over the groups included in impact ratios.
/// A group whose share of the sample is below the threshold (2 % by default) is counted but
/// gets no impact ratio (§5-301 allows excluding it) and cannot be the highest group.
public struct ScoringRate: Sendable, Equatable {
    /// Rows of the group scoring strictly above the overall median.
    public let above: Int
    /// Rows of the group with a score.
    public let n: Int
    /// above/n, with a Wilson interval; undefined for an empty group.
    public let rate: MetricValue
    public let rateInterval: MetricInterval?
    /// ScR_g / ScR_max with a Katz log interval (``RatioInterval/katzOrAdjusted(successes1:trials1:successes2:trials2:level:)``,
    /// treating the two rates as independent); no interval for the highest group itself
    /// (its ratio is 1 by construction).
    public let impactRatio: MetricValue
    public let impactRatioInterval: MetricInterval?
    /// Whether this group is the highest-scoring one (the first by code on ties).
    public let isHighest: Bool

    public init(above: Int, n: Int, rate: MetricValue, rateInterval: MetricInterval?, impactRatio: MetricValue, impactRatioInterval: MetricInterval?, isHighest: Bool) {
        self.above = above
        self.n = n
        self.rate = rate
        self.rateInterval = rateInterval
        self.impactRatio = impactRatio
        self.impactRatioInterval = impactRatioInterval
        self.isHighest = isHighest
    }

    /// The scoring rates and impact ratios of every group (indexed by code) of `sample`.
    /// - Parameter minimumShare: groups with n_g/N below this get an undefined impact ratio (LL144: 0.02).
    public static func byGroup(_ sample: ScoreSample, minimumShare: Double = 0.02, level: Double = 0.95) -> [ScoringRate] {
        byGroup(sample, sortedScores: sample.sortedScores, minimumShare: minimumShare, level: level)
    }

    /// ``byGroup(_:minimumShare:level:)`` with the sample's scores in order (`sample.sortedScores`).
    static func byGroup(_ sample: ScoreSample, sortedScores: [Double], minimumShare: Double, level: Double) -> [ScoringRate] {
        let groupCount = sample.groupLabels.count
        let sizes = sample.groupSizes
        var above = [Int](repeating: 0, count: groupCount)
        let total = sample.count
        if total > 0 {
            let median = Quantile.type7Median(sortedScores)
            // Scores are ascending: everything after the last score ≤ median is above it.
            var first = total
            var lo = 0, hi = total
            while lo < hi { let mid = (lo + hi) / 2; if sortedScores[mid] > median { hi = mid } else { lo = mid + 1 } }
            first = lo
            for i in first..<total { above[Int(sample.groups[Int(sample.rows[i])])] += 1 }
        }
        let eligible = (0..<groupCount).map { sizes[$0] > 0 && Double(sizes[$0]) >= minimumShare * Double(total) }
        // The group frame, with LL144's eligibility as a fixed set (2 % of the sample): the
        // highest scoring rate, the first code on ties. (Rates of distinct groups are quotients
        // of small integers, correctly rounded: equal rates compare equal.)
        let frame = GroupFrame(labels: sample.groupLabels, values: (0..<groupCount).map { .ratio(Double(above[$0]), Double(sizes[$0]), reason: "empty group") },
                               sizes: sizes, isMissing: sample.groupLabels.map { _ in false },
                               eligibility: RatioEligibility(minimumSize: 1, excludesMissing: false, honoursPriorities: false, fixed: (0..<groupCount).filter { eligible[$0] }))
        let highest = groupCount > 0 ? frame.mostFavoured(for: 0) : nil
        return (0..<groupCount).map { g in
            let n = sizes[g]
            let rate = MetricValue.ratio(Double(above[g]), Double(n), reason: "empty group: no row with a score")
            let rateInterval = n > 0 ? MetricInterval(ProportionInterval.wilson(successes: Double(above[g]), trials: Double(n), level: level), .wilson) : nil
            var ratio: MetricValue
            var ratioInterval: MetricInterval?
            if n == 0 {
                ratio = .undefined(reason: "empty group: no row with a score")
            } else if !eligible[g] {
                ratio = .undefined(reason: "group below \(Self.percent(minimumShare)) of the sample: excluded from impact ratios (6 RCNY §5-301)")
            } else if let h = highest, above[h] > 0 {
                ratio = .defined(Double(above[g] * sizes[h]) / Double(above[h] * n))
                if g != h {
                    ratioInterval = MetricInterval(RatioInterval.katzOrAdjusted(successes1: Double(above[g]), trials1: Double(n), successes2: Double(above[h]), trials2: Double(sizes[h]), level: level), .katz)
                }
            } else {
                ratio = .undefined(reason: "no group scores above the median: the highest scoring rate is 0")
            }
            return ScoringRate(above: above[g], n: n, rate: rate, rateInterval: rateInterval, impactRatio: ratio, impactRatioInterval: ratioInterval, isHighest: g == highest)
        }
    }

    static func percent(_ share: Double) -> String {
        let p = share * 100
        return p == p.rounded() ? "\(Int(p)) %" : "\(p) %"
    }
}

/// One per-group quantity of one attribute or intersection — a rate, a mean, a scoring rate, a
/// share — with everything needed to compare its groups: the by-group values, the overall
/// value, and the comparison of each group with the most favoured comparable group under a
/// named eligibility policy (`RatioEligibility`). Fairlearn's `MetricFrame` is the model
/// (`by_group`, `overall`, `ratio(method='between_groups')`), with the eligibility made
/// explicit and mandated priorities honoured.
///
/// Every impact ratio Vigie publishes comes from ``mostFavouredRatios()``: the audit's
/// four-fifths ratio, the model audit's `grid_impact_ratio`, the sensitivity rows, the LL144
/// tables, so one impact ratio has one definition everywhere.
public struct GroupFrame: Sendable, Equatable {
    /// The groups' labels, indexed by group code.
    public let labels: [String]
    /// The quantity per group.
    public let values: [MetricValue]
    /// Rows per group.
    public let sizes: [Int]
    /// Whether each group is (or contains) the missing group, from its code.
    public let isMissing: [Bool]
    /// The mandated priorities each group holds (`MandatedPriority.attribute` names).
    public let priorities: [Set<String>]
    /// The quantity over the whole population.
    public let overall: MetricValue
    /// Who may be a comparator.
    public let eligibility: RatioEligibility
    /// What each group's value is estimated from, for the intervals of its comparisons
    /// (``comparison(of:with:level:)``); `.unavailable` when not given.
    public let estimates: [GroupEstimate]

    public init(labels: [String], values: [MetricValue], sizes: [Int], isMissing: [Bool], priorities: [Set<String>]? = nil,
                overall: MetricValue = .undefined(reason: "no overall value given"), eligibility: RatioEligibility, estimates: [GroupEstimate]? = nil) {
        precondition(values.count == labels.count && sizes.count == labels.count && isMissing.count == labels.count, "one value, size and flag per group")
        self.labels = labels
        self.values = values
        self.sizes = sizes
        self.isMissing = isMissing
        self.priorities = priorities ?? labels.map { _ in [] }
        self.overall = overall
        self.eligibility = eligibility
        self.estimates = estimates ?? labels.map { _ in .unavailable }
        precondition(self.estimates.count == labels.count, "one estimate per group")
    }

    /// The groups that may be a comparator for some group (before the priority rule).
    public var eligible: [Int] { eligibleGroups(requireDefinedValue: true) }

    /// Whether `candidate` may be `group`'s comparator under the priority rule: it holds no
    /// mandated priority `group` does not hold.
    public func comparable(_ group: Int, with candidate: Int) -> Bool {
        !eligibility.honoursPriorities || priorities[candidate].isSubset(of: priorities[group])
    }

    /// The most favoured comparable group of `group` (highest value; the first code on ties),
    /// or `nil` when none has a defined value.
    public func mostFavoured(for group: Int) -> Int? {
        var best: Int?
        for h in eligible where comparable(group, with: h) {
            guard let v = values[h].value else { continue }
            if let b = best, let bv = values[b].value, bv >= v { continue }
            best = h
        }
        return best
    }

    /// Each group's value over its most favoured comparable group's (the impact ratio when the
    /// values are favourable-outcome rates). Undefined, with the reason, when the group's value
    /// is undefined, no comparator has a defined value, or the comparator's value is 0.
    /// - Parameters:
    ///   - noComparator: the reason when no comparable group has a defined value.
    ///   - zeroComparator: the reason when the most favoured value is 0.
    public func mostFavouredRatios(noComparator: String? = nil, zeroComparator: String = "the most favoured group's value is 0") -> [MetricValue] {
        labels.indices.map { g in
            guard let top = mostFavoured(for: g), let highest = values[top].value else {
                return .undefined(reason: noComparator ?? "no comparable group with a defined value (\(eligibility.rationale))")
            }
            switch values[g] {
            case .undefined(let reason), .suppressed(let reason), .upperBound(_, let reason): return .undefined(reason: reason)
            case .defined(let v): return .ratio(v, highest, reason: zeroComparator)
            }
        }
    }

    /// Each group's value minus its most favoured comparable group's.
    public func mostFavouredDifferences() -> [MetricValue] {
        labels.indices.map { g in
            guard let top = mostFavoured(for: g) else { return .undefined(reason: "no comparable group with a defined value (\(eligibility.rationale))") }
            return Disparity.difference(values[g], values[top])
        }
    }

    /// Group `group`'s value against group `comparator`'s (the reference, or a stratum's group),
    /// or against the overall value when `comparator` is `nil`: the difference and the ratio
    /// (``Disparity``), with intervals (``GroupEstimate``) only between two distinct groups —
    /// independent samples; never against the whole population, which contains the group.
    public func comparison(of group: Int, with comparator: Int?, level: Double) -> GroupComparison {
        let theirs = comparator.map { values[$0] } ?? overall
        let difference = Disparity.difference(values[group], theirs), ratio = Disparity.ratio(values[group], theirs)
        guard let comparator, comparator != group else {
            return GroupComparison(difference: difference, ratio: ratio, differenceInterval: nil, ratioInterval: nil)
        }
        return GroupComparison(difference: difference, ratio: ratio,
                               differenceInterval: GroupEstimate.differenceInterval(estimates[group], estimates[comparator], level: level),
                               ratioInterval: GroupEstimate.ratioInterval(estimates[group], estimates[comparator], level: level))
    }

    /// Each group's value against the overall value (Fairlearn's `to_overall`).
    public func differencesToOverall() -> [MetricValue] { values.map { Disparity.difference($0, overall) } }
    public func ratiosToOverall() -> [MetricValue] { values.map { Disparity.ratio($0, overall) } }
}

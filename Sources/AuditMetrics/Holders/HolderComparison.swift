/// What only a multi-holder audit can say (`holders.csv`, `docs/holders.md`): each holder's
/// rate per group, and whether a group's disparity against its reference is consistent across
/// holders or concentrated in some.
///
/// For each protected attribute (not the intersections) and each known group other than the
/// reference, the holders are the strata of K 2×2 tables (selected or not — the decision, or
/// the label when there is no decision — × the group or the attribute's reference group):
/// - the Mantel–Haenszel common odds ratio with its Robins–Breslow–Greenland interval
///   (``MantelHaenszel``): the disparity with the holders' own mixes held fixed;
/// - the Cochran–Mantel–Haenszel test of no association in any holder (``CochranMantelHaenszel``);
/// - Tarone's Breslow–Day test that the odds ratio is the same in every holder
///   (``BreslowDay``): a small p-value says the disparity differs between holders.
/// Their p-values form their own family, adjusted by Holm within each test (they are not in
/// `findings.csv`, which stays equal to the pooled audit's).
///
/// **Disclosure control**: the holders' rows are published as holder × attribute tables
/// beside the pooled audit's, and planned with them by the one ``SuppressionPlan`` (their
/// lines add up to the pooled groups and to each holder's total). When protecting a holder's
/// cell would hide a pooled cell the pooled audit publishes, that attribute's holder table is
/// withheld whole instead. A group's tests are withheld when any of its or its reference's
/// holder cells is hidden: the odds ratio, with the published margins, would give it away.
public struct HolderComparison: Sendable {
    /// One holder's rate for one group.
    public struct Breakdown: Sendable, Equatable {
        public let attribute: String
        public let group: String
        public let holder: String
        /// The group's rows at the holder (published, as the audit publishes group sizes).
        public let rows: Int
        /// The selection rate (base rate without a decision), or `.suppressed`.
        public let rate: MetricValue
        public let interval: MetricInterval?
    }

    /// One group's disparity against its reference across holders.
    public struct Consistency: Sendable, Equatable {
        public let attribute: String
        public let group: String
        public let reference: String
        /// Rows of the group and of its reference, over every holder.
        public let rows: Int
        public let strata: Int
        public let informativeStrata: Int
        public let oddsRatio: MetricValue
        public let interval: MetricInterval?
        public let cmhStatistic: MetricValue
        public let cmhPValue: MetricValue
        public var cmhPAdjusted: MetricValue
        public let breslowDayStatistic: MetricValue
        public let breslowDayPValue: MetricValue
        public var breslowDayPAdjusted: MetricValue
    }

    /// The rate compared: `selection_rate` with a decision, `base_rate` without.
    public let metric: GroupMetric
    public let breakdowns: [Breakdown]
    public let consistency: [Consistency]
    /// Holder cells hidden by disclosure control, and attributes whose holder table is withheld whole.
    public let hiddenCells: Int
    public let withheldAttributes: [String]

    /// Compares the holders of `merge`, whose pooled audit is `result` (before disclosure
    /// control: the plan is made here for both), at threshold `k`.
    public init(_ merge: HolderMerge, result: AuditResult, minimumCellSize k: Int) {
        let metric: GroupMetric = result.hasDecision ? .selectionRate : .baseRate
        self.metric = metric
        let inference = result.analysis.inference
        let singles = result.attributes.indices.filter { result.attributes[$0].components.count == 1 }
        let holderName = Self.holderComponent(avoiding: result.attributes.map(\.name))
        let pooled = DisclosureControl.plan(for: result, minimumCellSize: k)
        let pooledTables = result.attributes.count
        // Holder × attribute tables, withheld one by one until the pooled cells hidden are the
        // pooled audit's own.
        var published = singles
        var plan: SuppressionPlan
        while true {
            let holderTotals = SuppressionPlan.Table(name: holderName, components: [holderName], counts: merge.holders.map(\.overall.count),
                                                     profiles: merge.holders.map { DisclosureControl.profile($0.overall, hasLabel: result.hasLabel, hasDecision: result.hasDecision) })
            let extra = [holderTotals] + published.map { a in
                let cells = merge.holders.flatMap { $0.groups[a] }
                return SuppressionPlan.Table(name: "\(holderName)*\(result.attributes[a].name)", components: [holderName, result.attributes[a].name],
                                             counts: cells.map(\.count), profiles: cells.map { DisclosureControl.profile($0, hasLabel: result.hasLabel, hasDecision: result.hasDecision) })
            }
            plan = DisclosureControl.plan(for: result, extra: extra, minimumCellSize: k)
            let extraPooled = plan.suppressed.keys.filter { $0.table < pooledTables && pooled.suppressed[$0] == nil }
            guard let cell = extraPooled.min() else { break }
            // Withhold the holder table of an attribute of the cell's table (or the last one).
            let components = cell.table < 0 ? [] : result.attributes[cell.table].components
            if let drop = published.lastIndex(where: { components.contains(result.attributes[$0].name) }) {
                published.remove(at: drop)
            } else if !published.isEmpty {
                published.removeLast()
            } else {
                break
            }
        }
        // The final plan's holder cells, with the pooled audit's own hidden cells.
        var breakdowns: [Breakdown] = []
        var hiddenHolderCells: Set<String> = []
        var hiddenCount = 0
        for (p, a) in published.enumerated() {
            let attribute = result.attributes[a]
            let table = pooledTables + 1 + p
            let groupsCount = attribute.groups.count
            for (h, holder) in merge.holders.enumerated() {
                for (g, group) in attribute.groups.enumerated() {
                    let s = holder.groups[a][g]
                    guard s.count > 0 else { continue }
                    let hidden = plan.suppressed[SuppressionPlan.Cell(table: table, group: h * groupsCount + g)]
                    let rate: MetricValue
                    var interval: MetricInterval?
                    if let hidden {
                        hiddenCount += 1
                        hiddenHolderCells.insert("\(a)\u{1F}\(g)")
                        rate = .suppressed(reason: hidden == .primary ? "suppressed: fewer than \(k) rows at this holder (disclosure control)"
                                                                       : "suppressed: complementary cell, so that a smaller suppressed cell cannot be recovered from totals (disclosure control)")
                    } else {
                        rate = s.metric(metric, population: holder.overall)
                        if rate.value != nil { interval = s.interval(metric, population: holder.overall, method: inference.interval, level: inference.level) }
                    }
                    breakdowns.append(Breakdown(attribute: attribute.name, group: group.label, holder: merge.names[h], rows: s.count, rate: rate, interval: interval))
                }
            }
        }
        self.breakdowns = breakdowns
        self.hiddenCells = hiddenCount
        let withheld = singles.filter { !published.contains($0) }
        self.withheldAttributes = withheld.map { result.attributes[$0].name }
        // Consistency across holders.
        var rows: [Consistency] = []
        for a in singles {
            let attribute = result.attributes[a]
            guard let r = attribute.reference.group else { continue }
            for (g, group) in attribute.groups.enumerated() where g != r && !group.isUnknown && group.statistics.count > 0 {
                let tables = StratifiedTables(merge.holders.map { holder in
                    let x = holder.groups[a][g], y = holder.groups[a][r]
                    let (xs, xn) = Self.split(x, decision: result.hasDecision), (ys, yn) = Self.split(y, decision: result.hasDecision)
                    return TwoByTwoTable(unchecked: xs, xn, ys, yn)
                })
                let mh = MantelHaenszel(tables, level: inference.level)
                let cmh = CochranMantelHaenszel(tables)
                let bd = BreslowDay(tables)
                let why: String? = withheld.contains(a) ? "suppressed: the holders' table of this attribute is withheld (disclosure control)"
                    : pooled.isSuppressed(table: a, group: g) || pooled.isSuppressed(table: a, group: r) ? "suppressed: the group or its reference is suppressed (disclosure control)"
                    : hiddenHolderCells.contains("\(a)\u{1F}\(g)") || hiddenHolderCells.contains("\(a)\u{1F}\(r)") ? "suppressed: a holder's cell of the group or its reference is suppressed; with the published totals the odds ratio would give it away (disclosure control)"
                    : nil
                func gate(_ v: MetricValue) -> MetricValue { why.map { .suppressed(reason: $0) } ?? v }
                rows.append(Consistency(
                    attribute: attribute.name, group: group.label, reference: attribute.groups[r].label,
                    rows: group.statistics.count + attribute.groups[r].statistics.count,
                    strata: mh.strata, informativeStrata: mh.informativeStrata,
                    oddsRatio: gate(mh.oddsRatio), interval: why == nil ? MetricInterval(mh.interval, .robinsBreslowGreenland) : nil,
                    cmhStatistic: gate(cmh.statistic), cmhPValue: gate(cmh.pValue), cmhPAdjusted: gate(cmh.pValue),
                    breslowDayStatistic: gate(bd.statistic), breslowDayPValue: gate(bd.pValue), breslowDayPAdjusted: gate(bd.pValue)))
            }
        }
        // Holm within each test, over the defined p-values.
        for keyPath in [(\Consistency.cmhPValue, \Consistency.cmhPAdjusted), (\Consistency.breslowDayPValue, \Consistency.breslowDayPAdjusted)] {
            let defined = rows.indices.filter { rows[$0][keyPath: keyPath.0].value != nil }
            let adjusted = MultipleTesting.holm(defined.map { rows[$0][keyPath: keyPath.0].value! })
            for (i, row) in defined.enumerated() { rows[row][keyPath: keyPath.1] = .defined(adjusted[i]) }
        }
        self.consistency = rows
    }

    /// Selected and not-selected (label 1 and 0 without a decision) weight sums of a cell.
    static func split(_ s: GroupStatistics, decision: Bool) -> (Double, Double) {
        let w = s.weights   // TN, FP, FN, TP
        return decision ? (w[1] + w[3], w[0] + w[2]) : (w[2] + w[3], w[0] + w[1])
    }

    /// A component name for the holders that no protected attribute has.
    static func holderComponent(avoiding names: [String]) -> String {
        var name = "holder"
        let taken = Set(names.flatMap { $0.split(separator: "*").map(String.init) })
        while taken.contains(name) { name = "_" + name }
        return name
    }
}

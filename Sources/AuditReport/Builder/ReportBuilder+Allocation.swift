import AuditData
import AuditMetrics
import Foundation

extension ReportBuilder {
    /// The allocation audit: inequality overall, then per attribute the groups' means,
    /// medians, per-person amounts, shortfall, affordability and drought burden.
    func allocationSection(_ a: AllocationResult) -> ReportSection {
        var s = ReportSection(id: "allocation", title: t.runs(.sectionAllocation, ["quantity": .label(a.quantity)]))
        let o = a.overall
        func v(_ name: MetricID, _ digits: Int = 2, percent: Bool = false) -> String {
            guard let e = o[name] else { return "—" }
            guard let x = e.value.value else { return t(e.value.isSuppressed ? .wordSuppressed : .wordUndefined) }
            return percent ? t.percent(x) : t.fixed(x, digits)
        }
        s.blocks.append(.paragraph(t.runs(.allocationOverall, [
            "households": .text(t.count(o.households)), "missing": .text(t.count(a.missing)),
            "mean": .text(v(.allocationMean)), "median": .text(v(.allocationMedian)),
            "gini": .text(v(MetricID(.gini), 3)), "theil": .text(v(MetricID(.theilT), 3)), "palma": .text(v(MetricID(.palma), 2)),
        ])))
        if let ci = o[MetricID(.gini)]?.bootstrapInterval {
            s.blocks.append(.paragraph(t.runs(.allocationGiniInterval, ["level": .text(level), "low": .text(t.fixed(ci.low, 3)), "high": .text(t.fixed(ci.high, 3))])))
        }
        if o[MetricID(.quantileShare(lower: 0, upper: 0.4))]?.value.value != nil, o[MetricID(.quantileShare(lower: 0.9, upper: 1))]?.value.value != nil {
            s.blocks.append(.paragraph(t.runs(.allocationShares, ["low": .text(v(MetricID(.quantileShare(lower: 0, upper: 0.4)), percent: true)), "high": .text(v(MetricID(.quantileShare(lower: 0.9, upper: 1)), percent: true))])))
        }
        if let ci = o[.concentrationIndex], ci.value.value != nil {
            s.blocks.append(.paragraph(t.runs(.allocationConcentration, ["value": .text(v(.concentrationIndex, 3)), "rank": .label(result.data.rankBy ?? "")])))
        }
        if let share = o[.effortAbove3pctShare], share.value.value != nil {
            s.blocks.append(.paragraph(t.runs(.allocationEffort, ["share": .text(v(.effortAbove3pctShare, percent: true))])))
        }
        s.blocks += lorenzFigure(a)
        var columns: [(MetricID, Bool)] = [(.allocationMean, false), (.allocationMedian, false)]
        if o[.allocationPerCapita]?.value.value != nil { columns.append((.allocationPerCapita, false)) }
        if o[.shortfallShare]?.value.value != nil { columns.append((.shortfallShare, true)) }
        if o[.billMean] != nil { columns += [(.billMean, false), (.waterPricePerM3, false)] }
        if o[.effortAbove3pctShare] != nil { columns.append((.effortAbove3pctShare, true)) }
        if o[.droughtReductionShare] != nil { columns += [(.droughtReductionShare, true), (.droughtPersonShare, true)] }
        columns.append((MetricID(.gini), false))
        for (i, attr) in a.attributes.enumerated() where !attr.name.contains("*") {
            let rows = attr.groups.map { g -> [[ReportInline]] in
                var label: [ReportInline] = [.label(g.label)]
                if g.isReference { label.append(.text(" " + t(.wordRef))) }
                if g.belowMinSize { label.append(.text(" †")) }
                var cells = [label, [ReportInline.text(t.count(g.households))]]
                for (name, percent) in columns {
                    guard let e = g[name] else { cells.append([.text("")]); continue }
                    guard let x = e.value.value else { cells.append([.text(t(e.value.isSuppressed ? .wordSuppressed : .wordUndefined))]); continue }
                    cells.append([.text(percent ? t.percent(x) : t.fixed(x, name == MetricID(.gini) ? 3 : 2))])
                }
                let ratio = g[MetricID.allocationMean.ratio]?.value
                cells.append([.text(ratio?.value.map { t.fixed($0, 2) } ?? t(ratio?.isSuppressed == true ? .wordSuppressed : .wordUndefined))])
                return cells
            }
            s.blocks.append(.table(ReportTable(
                caption: t.runs(.allocationCaption, ["attribute": .label(attr.name), "reference": .label(attr.reference ?? "—")]),
                header: [[.text(t(.colGroup))], [.text(t(.colHouseholds))]] + columns.map { [.text(t(named: "col.\($0.0.name)"))] } + [[.text(t(.colAllocationMeanRatio))]],
                numeric: [false] + Array(repeating: true, count: columns.count + 2), rows: rows, figure: "allocation-\(i + 1)",
                chart: allocationChart(attr, quantity: a.quantity, index: i + 1)
            )))
            let d = attr.decompositions
            if let between = d.first(where: { $0.name == "theil_t_between" })?.value.value,
               let within = d.first(where: { $0.name == "theil_t_within" })?.value.value, between + within > 0 {
                s.blocks.append(.paragraph(t.runs(.allocationTheil, ["share": .text(t.percent(between / (between + within))), "attribute": .label(attr.name)])))
            }
        }
        s.blocks += allocationFindings()
        return s
    }

    /// The allocation findings, one per comparison (a mean's ratio, a share's difference).
    var allocationComparisons: [AuditMetrics.Finding] {
        result.findings.filter { $0.isAllocation && ($0.kind == .difference || AllocationFindings.means.contains($0.metric)) }
    }

    /// The allocation's burdens first: who is above the affordability line, below need, pays
    /// more per m³, loses more to a drought cut; then the bill and the volume themselves.
    static let allocationPriority: [MetricID] = [.effortAbove3pctShare, .shortfallShare, .waterPricePerM3, .droughtReductionPerPerson, .billMean, .allocationMean]

    /// The allocation findings worth reading first: disparities, then those without enough
    /// evidence, never `no_disparity`; within each, single attributes before intersections,
    /// burdens before amounts (``allocationPriority``), the largest gap first (a ratio's |ln r|,
    /// a difference's absolute value), then attribute, group and metric.
    func rankedAllocationFindings() -> [AuditMetrics.Finding] {
        func size(_ f: AuditMetrics.Finding) -> Double {
            guard let v = f.value.value else { return 0 }
            return f.kind == .ratio ? (v > 0 ? abs(log(v)) : .infinity) : abs(v)
        }
        func priority(_ f: AuditMetrics.Finding) -> Int { Self.allocationPriority.firstIndex(of: f.metric) ?? Self.allocationPriority.count }
        return allocationComparisons.filter { $0.verdict != .noDisparity && $0.value.value != nil }
            .sorted { a, b in
                let ka = (a.verdict == .disparity ? 0 : 1, a.isIntersection ? 1 : 0, priority(a), -size(a))
                let kb = (b.verdict == .disparity ? 0 : 1, b.isIntersection ? 1 : 0, priority(b), -size(b))
                if ka != kb { return ka < kb }
                return (a.attribute, a.group, a.metric) < (b.attribute, b.group, b.metric)
            }
    }

    /// A value of an allocation metric as shown: shares out of 100, amounts with 2 decimals.
    func allocationValue(_ metric: MetricID, _ x: Double) -> String {
        AllocationFindings.shares.contains(metric) ? t.fixed(x * 100, 1) : t.fixed(x, [MetricID.allocationMean, .droughtReductionPerPerson].contains(metric) ? 1 : 2)
    }

    /// One allocation finding in plain words, with its verdict.
    func plainAllocationFinding(_ f: AuditMetrics.Finding) -> [ReportInline] {
        let allocation = result.allocation?[f.attribute]
        let mine = allocation?[f.group]?[f.metric]?.value.value
        let theirs = allocation?[f.reference]?[f.metric]?.value.value
        var args: [String: ReportInline] = [
            "attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(f.reference),
            "metric": .text(words(f.metric)), "level": .text(level), "verdict": .strong([.text(verdictWord(f.verdict))]),
            "x": .text(mine.map { allocationValue(f.metric, $0) } ?? t(.wordUndefined)),
            "y": .text(theirs.map { allocationValue(f.metric, $0) } ?? t(.wordUndefined)),
            "low": .text(t(.wordUndefined)), "high": .text(t(.wordUndefined)),
        ]
        let v = f.value.value ?? 0
        if f.kind == .ratio {
            args["ratio"] = .text(t.fixed(v, 2))
            if let ci = f.interval { args["low"] = .text(t.fixed(ci.low, 2)); args["high"] = .text(t.fixed(ci.high, 2)) }
            return t.runs(.plainAllocationRatio, args)
        }
        args["gap"] = .text(points(abs(v)))
        args["direction"] = .text(t(v > 0 ? .wordHigher : .wordLower))
        if let ci = f.interval {
            let (low, high) = v < 0 ? (-ci.high, -ci.low) : (ci.low, ci.high)
            args["low"] = .text(points(low)); args["high"] = .text(points(high))
        }
        return t.runs(.plainAllocationShare, args)
    }

    /// The comparisons of the allocation between groups (``AllocationFindings``): how they are
    /// judged, the verdict counts, and a table of those not shown to be within the tolerance.
    func allocationFindings() -> [ReportBlock] {
        let all = allocationComparisons
        guard !all.isEmpty else { return [] }
        let inference = result.analysis.inference
        let tests = Set(result.findings.filter { $0.isAllocation && $0.pValue != nil }.map { "\($0.attribute)|\($0.group)|\($0.metric)" }).count
        func count(_ v: Verdict) -> ReportInline { .text(t.count(all.filter { $0.verdict == v }.count)) }
        var blocks: [ReportBlock] = [.heading(3, [.text(t(.allocationFindingsTitle))], id: "allocation-findings")]
        blocks.append(.paragraph(t.runs(.allocationFindingsIntro, [
            "level": .text(level), "tests": .text(t.count(tests)), "adjust": .text(t(named: "adjust.\(inference.adjust.rawValue)")),
            "tolerance": .text(points(inference.differenceTolerance)),
            "low": .text(t.fixed(result.analysis.impactRatioThreshold, 2)), "high": .text(t.fixed(1 / result.analysis.impactRatioThreshold, 2)),
            "disparity": count(.disparity), "no_disparity": count(.noDisparity), "insufficient": count(.insufficientEvidence),
        ])))
        let ranked = rankedAllocationFindings()
        guard !ranked.isEmpty else {
            blocks.append(.paragraph([.text(t(.allocationFindingsNone))]))
            return blocks
        }
        let rows = ranked.prefix(30).map { f -> [[ReportInline]] in
            let allocation = result.allocation?[f.attribute]
            let mine = allocation?[f.group]?[f.metric]?.value.value
            let theirs = allocation?[f.reference]?[f.metric]?.value.value
            let v = f.value.value ?? 0
            let gap = f.kind == .ratio ? t.fixed(v, 2) : points(v)
            let ci = f.interval.map { f.kind == .ratio ? t.range($0.low, $0.high, 2) : t.range($0.low * 100, $0.high * 100, 1) } ?? t(.wordUndefined)
            return [[.label(f.attribute), .text(" = "), .label(f.group), .text(" / "), .label(f.reference)], [.text(words(f.metric))],
                    [.text(mine.map { allocationValue(f.metric, $0) } ?? t(.wordUndefined))],
                    [.text(theirs.map { allocationValue(f.metric, $0) } ?? t(.wordUndefined))],
                    [.text(gap)], [.text(ci)], [.text(verdictWord(f.verdict))]]
        }
        blocks.append(.table(ReportTable(
            caption: t.runs(.allocationFindingsCaption, ["level": .text(level)]),
            header: [[.text(t(.colGroup))], [.text(t(.colCompared))], [.text(t(.colGroupValue))], [.text(t(.colReferenceValue))],
                     [.text(t(.colGap))], [.text(t(.colInterval))], [.text(t(.colVerdict))]],
            numeric: [false, false, true, true, true, false, false], rows: Array(rows)
        )))
        if ranked.count > 30 { blocks.append(.paragraph(t.runs(.findingsMore, one: .findingsMoreOne, count: ranked.count - 30, ["count": .text(t.count(ranked.count - 30)), "file": .label("findings.csv")]))) }
        return blocks
    }
}

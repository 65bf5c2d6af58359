import AuditAssessment
import AuditData
import AuditMetrics
import Foundation

extension ReportBuilder {
    /// Detailed findings: verdict counts, disparities, what cannot be told, the worst
    /// intersections, then a table per attribute.
    func findings() -> ReportSection {
        var s = ReportSection(id: "findings", title: [.text(t(.sectionFindings))])
        // Rates only: the allocation's comparisons are in the allocation section.
        let findings = result.findings.filter { !$0.isAllocation }
        let inference = result.analysis.inference
        if findings.isEmpty {
            s.blocks.append(.paragraph([.text(t(result.hasDecision || result.hasLabel ? .findingsNone : .findingsAllocationOnly))]))
        } else {
            // The family adjusted together, withheld findings included (disclosure control).
            let counted = result.comparisonCount
            let tests = counted.adjustedTests
            s.blocks.append(.paragraph(t.runs(.findingsIntro, [
                "level": .text(level), "tests": .text(t.count(tests)), "adjust": .text(t(named: "adjust.\(inference.adjust.rawValue)")),
                "tolerance": .text(points(inference.differenceTolerance)),
                "low": .text(t.fixed(result.analysis.impactRatioThreshold, 2)), "high": .text(t.fixed(1 / result.analysis.impactRatioThreshold, 2)),
            ])))
            s.blocks.append(.paragraph(t.runs(.findingsFamily, [
                "comparisons": .text(t.count(counted.comparisons)), "independence": .text(t.count(counted.independenceTests)),
                "tested": .text(t.count(counted.publishedTested)), "withheld": .text(t.count(counted.withheldTested)),
                "tests": .text(t.count(tests)),
            ])))
            func count(_ v: Verdict, _ k: AuditMetrics.Finding.Kind) -> [ReportInline] {
                [.text(t.count(findings.filter { $0.verdict == v && $0.kind == k }.count))]
            }
            s.blocks.append(.table(ReportTable(
                caption: [.text(t(.findingsCounts))],
                header: [[.text(t(.colVerdict))], [.text(t(.colOnDifference))], [.text(t(.colOnRatio))]],
                numeric: [false, true, true],
                rows: Verdict.allCases.map { v in [[.text(verdictWord(v))], count(v, .difference), count(v, .ratio)] }
            )))
            // Disparities, then gaps in favour of a mandated priority (intended, listed the same way).
            for (verdict, heading) in [(Verdict.disparity, MessageKey.findingsDisparities), (.intended, .findingsIntended)] {
            let real = findings.filter { $0.verdict == verdict && $0.kind == .difference }
                .sorted { ($0.isIntersection ? 1 : 0, harm($0) == 1 ? 0 : 1, -abs($0.value.value ?? 0), $0.attribute, $0.group, $0.metric)
                    < ($1.isIntersection ? 1 : 0, harm($1) == 1 ? 0 : 1, -abs($1.value.value ?? 0), $1.attribute, $1.group, $1.metric) }
            if !real.isEmpty {
                s.blocks.append(.heading(3, [.text(t(heading))], id: nil))
                var items = real.prefix(12).map { f -> [ReportInline] in
                    let d = f.value.value ?? 0
                    var args: [String: ReportInline] = [
                        "attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(f.reference),
                        "metric": .text(words(f.metric)), "gap": .text(points(abs(d))),
                        "direction": .text(t(d > 0 ? .wordHigher : .wordLower)), "level": .text(level),
                    ]
                    if let ci = f.interval {
                        // The interval of the gap's size, in the gap's direction.
                        let (low, high) = d < 0 ? (-ci.high, -ci.low) : (ci.low, ci.high)
                        args["low"] = .text(points(low)); args["high"] = .text(points(high))
                        return t.runs(.findingsDisparity, args) + harmSentence(f)
                    }
                    return t.runs(.findingsDisparityNoCi, args) + harmSentence(f)
                }
                if real.count > 12 { items.append(t.runs(.findingsMore, one: .findingsMoreOne, count: real.count - 12, ["count": .text(t.count(real.count - 12)), "file": .label("findings.csv")])) }
                s.blocks.append(.list(items))
            }
            }
            let unsure = findings.filter { $0.verdict == .insufficientEvidence && $0.kind == .difference && !$0.isIntersection && ($0.metric == MetricID(.selectionRate) || $0.metric == MetricID(.baseRate)) }
            if !unsure.isEmpty {
                s.blocks.append(.heading(3, t.runs(.findingsUnsure, ["metric": .text(words(unsure[0].metric))]), id: nil))
                var items = unsure.prefix(10).map { f -> [ReportInline] in
                    var runs = t.runs(.findingsUnsureItem, ["attribute": .label(f.attribute), "group": .label(f.group), "n": .text(t.count(f.groupRows))])
                    if f.groupRows > 0, result[f.attribute]?[f.group]?.belowMinSize ?? false {
                        runs.append(.text(" "))
                        runs += t.runs(.findingsUnsureSmall, ["min": .text(t.count(result.analysis.minGroupSize))])
                    } else if let gap = f.verdictDetectableGap {
                        runs.append(.text(" "))
                        runs += t.runs(.findingsUnsureDetectable, ["gap": .text(points(gap)), "power": .text(t.fixed(inference.power * 100, 0))])
                    }
                    return runs
                }
                if unsure.count > 10 { items.append(t.runs(.findingsMore, one: .findingsMoreOne, count: unsure.count - 10, ["count": .text(t.count(unsure.count - 10)), "file": .label("findings.csv")])) }
                s.blocks.append(.list(items))
            }
            let inter = findings.filter {
                $0.isIntersection && $0.kind == .ratio && ($0.metric == MetricID(.selectionRate) || $0.metric == MetricID(.baseRate))
                    && ($0.value.value ?? 0) > 0 && $0.interval != nil && (result[$0.attribute]?[$0.group]?.statistics.count ?? 0) >= result.analysis.minGroupSize
            }
            .sorted { (harm($0) == 1 ? 0 : 1, -abs(log($0.value.value!)), $0.attribute, $0.group) < (harm($1) == 1 ? 0 : 1, -abs(log($1.value.value!)), $1.attribute, $1.group) }
            if !inter.isEmpty {
                s.blocks.append(.table(ReportTable(
                    caption: t.runs(.findingsIntersections, ["metric": .text(words(inter[0].metric)), "level": .text(level)]),
                    header: [[.text(t(.colIntersection))], [.text(t(.colGroup))], [.text(t(.colRows))], [.text(t(.colRatio))], [.text(t(.colInterval))], [.text(t(.colVerdict))]],
                    numeric: [false, false, true, true, false, false],
                    rows: inter.prefix(10).map { f in
                        let ci = f.interval.map { t.range($0.low, $0.high, 2) } ?? t(.wordUndefined)
                        return [[.label(f.attribute)], [.label(f.group), .text(" / "), .label(f.reference)], [.text(t.count(f.groupRows))],
                                [.text(t.fixed(f.value.value!, 2))], [.text(ci)], [.text(verdictWord(f.verdict))]]
                    }
                )))
            }
        }
        s.blocks += power()
        if result.hasLabel || result.hasDecision {
            for (i, a) in result.attributes.enumerated() where !a.isIntersection {
                s.blocks += attributeTable(a, index: i + 1)
            }
            s.blocks += intersectionFigures()
        }
        s.blocks += undefinedValues()
        return s
    }

    /// What this audit could detect, per group of each single attribute and compared rate:
    /// the smallest true gap that would earn a `disparity` verdict with the declared power,
    /// and in brackets the smaller gap a single unadjusted test would notice.
    func power() -> [ReportBlock] {
        let rows = result.findings.filter { !$0.isIntersection && $0.kind == .difference && !$0.isAllocation }
        guard !rows.isEmpty else { return [] }
        let order = [GroupMetric.selectionRate, .fpr, .fnr, .ppv, .baseRate].map(MetricID.init)
        let metrics = Array(Set(rows.map(\.metric))).sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        let inference = result.analysis.inference
        var blocks: [ReportBlock] = [.heading(3, [.text(t(.powerTitle))], id: nil)]
        blocks.append(.paragraph(t.runs(.powerIntro, ["power": .text(t.fixed(inference.power * 100, 0)), "alpha": .text(t.fixed(inference.alpha, 2))])))
        var seen = Set<String>()
        var table: [[[ReportInline]]] = []
        for f in rows where seen.insert(f.attribute + "\u{0}" + f.group).inserted {
            var cells: [[ReportInline]] = [[.label(f.attribute), .text(" = "), .label(f.group)], [.text(t.count(result[f.attribute]?[f.group]?.statistics.count ?? 0))]]
            for m in metrics {
                let g = rows.first { $0.attribute == f.attribute && $0.group == f.group && $0.metric == m }
                let test = [g?.minimumDetectableDecrease, g?.minimumDetectableIncrease].compactMap { $0 }.max()
                if let verdict = g?.verdictDetectableGap {
                    cells.append([.text(points(verdict) + (test.map { " (" + points($0) + ")" } ?? ""))])
                } else {
                    cells.append([.text("—")])
                }
            }
            table.append(cells)
        }
        blocks.append(.table(ReportTable(
            caption: [.text(t(.powerCaption))],
            header: [[.text(t(.colGroup))], [.text(t(.colPeople))]] + metrics.map { [.text(words($0))] },
            numeric: [false, true] + metrics.map { _ in true }, rows: table
        )))
        return blocks
    }

    /// Rates with no value (their denominator is empty), per group, never shown as 0.
    func undefinedValues() -> [ReportBlock] {
        var items: [[ReportInline]] = []
        for a in result.attributes {
            for g in a.groups where g.statistics.count > 0 {
                // Withheld values are not undefined: disclosure control lists them apart.
                let names = g.metrics.filter { $0.value.value == nil && !$0.value.isSuppressed }.map(\.name)
                guard !names.isEmpty else { continue }
                var list: [ReportInline] = []
                for (i, n) in names.enumerated() {
                    if i > 0 { list.append(.text(", ")) }
                    list.append(.label(n))
                }
                items.append(t.runs(.undefinedItem, ["attribute": .label(a.name), "group": .label(g.label), "metrics": .strong(list)]))
            }
        }
        guard !items.isEmpty else { return [] }
        var blocks: [ReportBlock] = [.heading(3, [.text(t(.undefinedTitle))], id: nil), .paragraph([.text(t(.undefinedIntro))])]
        let shown = Array(items.prefix(30))
        blocks.append(.list(items.count > 30 ? shown + [t.runs(.findingsMore, one: .findingsMoreOne, count: items.count - 30, ["count": .text(t.count(items.count - 30)), "file": .label("metrics.csv")])] : shown))
        return blocks
    }

    /// One attribute: its reference, then per group the count and rates with the selection
    /// rate's interval and the impact ratio — the data table of the group-rates figure.
    func attributeTable(_ a: AttributeResult, index: Int) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(3, [.label(a.name)], id: nil)]
        var note = t.runs(.attributeReference, ["reference": .label(a.reference.label), "rule": .text(t(named: "rule.\(ruleName(a.reference.rule))"))])
        if case .quantiles = a.binning, !a.cutPoints.isEmpty {
            note.append(.text(" "))
            note += t.runs(.attributeQuantiles, ["cuts": .text(a.cutPoints.map { t.fixed($0, 2) }.joined(separator: "; "))])
        }
        blocks.append(.paragraph(note))
        var rates: [GroupMetric] = [.count]
        if result.hasDecision { rates.append(.selectionRate) }
        if result.hasLabel { rates.append(.baseRate) }
        if result.hasLabel && result.hasDecision { rates += [.tpr, .fpr, .fnr, .ppv, .accuracy] }
        if result.hasScore { rates.append(.scoreMean) }
        let columns = rates.map(MetricID.init)
        var header: [[ReportInline]] = [[.text(t(.colGroup))]] + columns.map { [.text(columnWords($0))] }
        if result.hasDecision { header.append([.text(t(.colImpactRatio))]) }
        var rows: [[[ReportInline]]] = []
        for g in a.groups where g.statistics.count > 0 {
            var label: [ReportInline] = [.label(g.label)]
            if g.isReference { label.append(.text(" " + t(.wordRef))) }
            if g.belowMinSize { label.append(.text(" †")) }
            var cells = [label]
            for metric in columns {
                guard let v = g[metric] else { cells.append([.text("")]); continue }
                guard let x = v.value else { cells.append([.text(t(v.isSuppressed ? .wordSuppressed : .wordUndefined))]); continue }
                switch metric.rate {
                case .count: cells.append([.text(t.count(Int(x)))])
                case .scoreMean: cells.append([.text(t.fixed(x, 2))])
                case .selectionRate:
                    var cell = t.percent(x)
                    if let ci = g.metrics.first(where: { $0.id == metric })?.interval { cell += " (" + t.range(ci.low * 100, ci.high * 100, 1) + ")" }
                    cells.append([.text(cell)])
                default: cells.append([.text(t.percent(x))])
                }
            }
            if result.hasDecision {
                if let ir = g.impactRatio?.value {
                    var cell: [ReportInline] = [.text(t.numbers.ratio(ir, against: result.analysis.impactRatioThreshold))]
                    if g.adverseImpact == true { cell += [.text(" "), .strong([.text("⚠")])] }
                    cells.append(cell)
                } else {
                    cells.append([.text(t(g.impactRatio?.isSuppressed == true ? .wordSuppressed : .wordUndefined))])
                }
            }
            rows.append(cells)
        }
        blocks.append(.table(ReportTable(
            caption: t.runs(.attributeCaption, ["attribute": .label(a.name), "level": .text(level)]),
            header: header, numeric: [false] + columns.map { _ in true } + (result.hasDecision ? [true] : []),
            rows: rows, figure: "group-rates-\(index)", chart: groupRatesChart(a, index: index)
        )))
        var notes: [[ReportInline]] = []
        let aggregates = a.aggregates.compactMap { e in e.value.value.map { (e.name, $0) } }
        if !aggregates.isEmpty {
            var runs: [ReportInline] = []
            for (i, (name, x)) in aggregates.enumerated() {
                if i > 0 { runs.append(.text(" · ")) }
                // In words when the catalogue names it (`aggregate.` + its metrics.csv code), else its code.
                let words: ReportInline = MessageKey.named("aggregate." + name).map { .text(t($0)) } ?? .label(name)
                runs += [words, .text(" " + t.fixed(x, 4))]
            }
            notes.append(t.runs(.attributeAggregates, ["list": .span(runs)]))
        }
        if a.groups.contains(where: { $0.belowMinSize && $0.statistics.count > 0 }) {
            notes.append(t.runs(.attributeSmall, ["min": .text(t.count(result.analysis.minGroupSize))]))
        }
        if result.hasDecision {
            notes.append(t.runs(.attributeImpactNote, ["min": .text(t.count(result.analysis.minGroupSize)), "threshold": .text(t.fixed(result.analysis.impactRatioThreshold, 2))]))
        }
        if !notes.isEmpty { blocks.append(.list(notes)) }
        return blocks
    }

    func ruleName(_ r: ReferenceRule) -> String {
        switch r {
        case .named: return "named"
        case .largest: return "largest"
        case .best: return "best"
        case .overall: return "overall"
        }
    }
}

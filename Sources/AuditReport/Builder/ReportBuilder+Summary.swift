import AuditAssessment
import AuditData
import AuditMetrics

extension ReportBuilder {
    /// The findings that matter most, at most `limit`, one per group, in this order:
    /// 0. disparities, single attributes (a gap against a mandated priority is one too);
    /// 1. the same on intersections, and the decision-rate gap of a group failing the
    ///    four-fifths rule (`ReportFacts`) (those mixing a mandated priority are compared within
    ///    their priority stratum, so their disparities are on the suspect ground);
    /// 2. gaps on suspect grounds without enough evidence, single attributes, groups of at
    ///    least the minimum size and not `unknown` (a gap that may be real is what a reader
    ///    most needs to know after a proven one);
    /// 4. gaps in favour of mandated priorities (verdict `intended`);
    /// 5. any other gap without enough evidence.
    /// Within each, gaps against the group before gaps in its favour (for a risk flag, the group
    /// flagged more often is the one harmed: `harm`), then the largest gap first (ties:
    /// attribute, group, metric), except that among
    /// gaps without enough evidence the decision's rate comes before the error rates, and
    /// equal gaps put the decision's rate first. Only differences
    /// with a value and a verdict other than `no_disparity` are ranked.
    /// `card` declares the mandated priorities (empty: none).
    public static func keyFindings(_ result: AuditResult, card: SystemCard = SystemCard(), limit: Int = 3) -> [AuditMetrics.Finding] {
        let mandated = Set(card.values[.mandatedPriorities] ?? [])
        // Groups failing the four-fifths rule (`ReportFacts`, as the legal checklist): their
        // decision-rate gap comes right after the disparities, so the list never omits what the
        // checklist reports as not met.
        let failing = Set(ReportFacts(result).fourFifthsFailures.map { $0.attribute + "\u{0}" + $0.group })
        func rank(_ f: AuditMetrics.Finding) -> Int {
            let ground = ProtectedGround.of(f.attribute, mandated: mandated)
            if f.verdict != .disparity, f.metric == MetricID(.selectionRate), failing.contains(f.attribute + "\u{0}" + f.group) { return 1 }
            switch (f.verdict, ground) {
            case (.disparity, _): return f.isIntersection ? 1 : 0
            case (.intended, _): return 4
            case (.insufficientEvidence, .suspect):
                let g = result[f.attribute]?[f.group]
                let solid = !f.isIntersection && !(g?.belowMinSize ?? true) && !(g?.isUnknown ?? true)
                return solid ? 2 : 5
            default: return 5
            }
        }
        // Among gaps without enough evidence, the decision's own rate (or the label's, without
        // a decision) before error rates, whose gaps rest on fewer people.
        let primary = MetricID(result.hasDecision ? .selectionRate : .baseRate)
        func secondary(_ f: AuditMetrics.Finding) -> Int { f.verdict == .insufficientEvidence && f.metric != primary ? 1 : 0 }
        let candidates = result.findings.filter { $0.kind == .difference && $0.value.value != nil && $0.verdict != .noDisparity && !$0.isAllocation }
            .sorted { a, b in
                let ka = (rank(a), secondary(a), harm(a, in: result) == 1 ? 0 : 1, -abs(a.value.value!), a.metric == primary ? 0 : 1)
                let kb = (rank(b), secondary(b), harm(b, in: result) == 1 ? 0 : 1, -abs(b.value.value!), b.metric == primary ? 0 : 1)
                if ka != kb { return ka < kb }
                return (a.attribute, a.group, a.metric) < (b.attribute, b.group, b.metric)
            }
        var seen = Set<String>()
        var out: [AuditMetrics.Finding] = []
        for f in candidates where seen.insert(f.attribute + "\u{0}" + f.group).inserted {
            out.append(f)
            if out.count == limit { break }
        }
        return out
    }

    /// The first page in plain words, from ``facts`` (the same facts the legal checklist
    /// reads): the disparities confirmed and the first of them, the four-fifths rule, and what
    /// the audit could not detect. Empty when the audit compares no rate.
    func headline() -> [ReportBlock] {
        guard facts.comparisons.comparisons > 0 else { return [] }
        var blocks: [ReportBlock] = []
        let tolerance = ReportInline.text(points(facts.tolerance))
        let comparisons = ReportInline.text(t.count(facts.comparisons.comparisons))
        if !facts.disparities.isEmpty {
            var runs = t.runs(.headlineDisparities, one: .headlineDisparitiesOne, count: facts.disparities.count, ["count": .strong([.text(t.count(facts.disparities.count))]), "tolerance": tolerance, "comparisons": comparisons])
            if let first = facts.disparities.first {
                runs += [.text(" "), .text(t(.headlineFirst)), .text(" ")] + plainFinding(first)
            }
            if facts.withheldDisparities > 0 { runs += [.text(" ")] + t.runs(.headlineWithheld, one: .headlineWithheldOne, count: facts.withheldDisparities, ["count": .text(t.count(facts.withheldDisparities))]) }
            blocks.append(.paragraph(runs))
        } else {
            var runs = t.runs(.headlineNoDisparity, ["tolerance": tolerance, "comparisons": comparisons])
            if facts.withheldDisparities > 0 { runs += [.text(" ")] + t.runs(.headlineWithheld, one: .headlineWithheldOne, count: facts.withheldDisparities, ["count": .text(t.count(facts.withheldDisparities))]) }
            blocks.append(.paragraph(runs))
        }
        let threshold = ReportInline.text(t.fixed(result.analysis.impactRatioThreshold, 2))
        if facts.hasDecision {
            if facts.fourFifthsFailures.isEmpty {
                blocks.append(.paragraph(t.runs(.headlineFourFifthsMet, ["min": .text(t.count(result.analysis.minGroupSize)), "threshold": threshold])))
            } else {
                var groups: [ReportInline] = []
                for (i, f) in facts.fourFifthsFailures.enumerated() {
                    if i > 0 { groups.append(.text(", ")) }
                    // Two decimals never round a ratio below the threshold up to it.
                    let ratio = f.ratio.map { t.fixed((($0 * 100).rounded(.down)) / 100, 2) } ?? t(.headlineWithheldRatio)
                    groups += [.label(f.attribute), .text(" = "), .label(f.group), .text(" (" + ratio + ")")]
                }
                blocks.append(.paragraph(t.runs(.headlineFourFifthsFail, ["groups": .strong(groups), "threshold": threshold])))
            }
        }
        blocks += whereGapsArise()
        blocks += removals()
        if let metric = facts.primaryMetric, facts.detectableGroups > 0 {
            if facts.undetectableGroups > 0, let gap = facts.largestDetectableGap, let g = facts.largestDetectableGroup {
                var args: [String: ReportInline] = [
                    "count": .text(t.count(facts.undetectableGroups)), "total": .text(t.count(facts.detectableGroups)),
                    "metric": .text(words(metric)), "gap": .text(points(gap)), "attribute": .label(g.attribute), "group": .label(g.group),
                    "n": .text(t.count(g.rows)), "tolerance": tolerance, "share": .text("—"), "rate": .text("—"),
                ]
                if let rate = facts.overallRate, rate > 0 {
                    args["share"] = .text(t.fixed(facts.tolerance / rate * 100, 0)); args["rate"] = .text(points(rate))
                }
                blocks.append(.paragraph(t.runs(.headlineUndetectable, args)))
            } else {
                blocks.append(.paragraph(t.runs(.headlineDetectable, ["tolerance": tolerance, "min": .text(t.count(result.analysis.minGroupSize)),
                                                                     "power": .text(t.fixed(result.analysis.inference.power * 100, 0))])))
            }
        }
        return blocks
    }

    /// For the groups failing the four-fifths rule (at most two), where their selection gap
    /// arises when a grid is audited with the human decision after it (`model.human`, the
    /// stage split of `docs/human-stage.md`): the grid's part and the human decision's, and the
    /// stage whose part is larger in the gap's direction.
    func whereGapsArise() -> [ReportBlock] {
        guard let human = model?.human else { return [] }
        var blocks: [ReportBlock] = []
        for f in facts.fourFifthsFailures.prefix(2) {
            guard let a = human.attributes.first(where: { $0.name == f.attribute }), let reference = a.reference,
                  let g = a.groups.first(where: { $0.label == f.group }),
                  let actual = g[.actualGap]?.value.value, let grid = g[.gridStageGap]?.value.value,
                  let people = g[.humanStageGap]?.value.value, actual != 0 else { continue }
            let direction = actual < 0 ? -1.0 : 1.0
            let signed = { (x: Double) in (x > 0 ? "+" : "") + self.points(x) }
            let key: MessageKey = people * direction > grid * direction ? .headlineWhereHuman : .headlineWhereGrid
            blocks.append(.paragraph(t.runs(key, [
                "attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(reference),
                "actual": .text(signed(actual)), "grid": .text(signed(grid)), "human": .text(signed(people)),
            ])))
        }
        return blocks
    }

    /// For the groups failing the four-fifths rule (at most two), the grid criterion whose
    /// removal raises the group's grid impact ratio most (`model.sensitivity`, scale 0), with
    /// the ratio before and after; nothing when no removal raises it.
    func removals() -> [ReportBlock] {
        guard let model else { return [] }
        var blocks: [ReportBlock] = []
        for f in facts.fourFifthsFailures.prefix(2) {
            let candidates = model.sensitivity.filter { $0.attribute == f.attribute && $0.group == f.group && $0.scale == 0 && ($0.impactRatioChange.value ?? 0) > 0 }
            guard let best = candidates.max(by: { ($0.impactRatioChange.value ?? 0, $1.criterion) < ($1.impactRatioChange.value ?? 0, $0.criterion) }),
                  let before = best.baselineImpactRatio.value, let after = best.variantImpactRatio.value else { continue }
            let named = model.criteria.first { $0.name == best.criterion }
            let criterion = (t.language == .fr ? named?.labelFR : named?.labelEN) ?? best.criterion
            // Two decimals, rounded down: a ratio below the threshold never prints as the threshold.
            let ratio = { (x: Double) in self.t.fixed((x * 100).rounded(.down) / 100, 2) }
            blocks.append(.paragraph(t.runs(.headlineRemoval, [
                "attribute": .label(f.attribute), "group": .label(f.group), "criterion": .strong([.text(criterion)]),
                "before": .text(ratio(before)), "after": .text(ratio(after)),
            ])))
        }
        return blocks
    }

    func summary() -> ReportSection {
        var s = ReportSection(id: "summary", title: [.text(t(.sectionSummary))])
        s.blocks += headline()
        if report.system == nil {
            s.blocks.append(.paragraph([.text(t(.cardNoneLine))]))
        } else {
            s.blocks.append(.paragraph(t.runs(.summarySystem, [
                "name": declaredOrMissing(.name), "owner": declaredOrMissing(.owner),
                "purpose": declaredOrMissing(.purpose), "automation": declaredOrMissing(.automation),
            ])))
            s.blocks.append(.paragraph(t.runs(.summaryOversight, ["oversight": declaredOrMissing(.humanOversight)])))
        }
        var checked: [ReportInline] = []
        for (i, p) in result.data.protected.enumerated() {
            if i > 0 { checked.append(.text(", ")) }
            checked.append(.label(p.column))
        }
        var args: [String: ReportInline] = [
            "rows": .text(t.count(result.rowCount)),
            "attributes": .strong(checked.isEmpty ? [.text("—")] : checked),
        ]
        let key: MessageKey
        if result.data.decision != nil {
            args["decision"] = decisionRun
            key = result.analysis.intersections >= 2 ? .summaryCheckedDecisionIntersections : .summaryCheckedDecision
        } else if let l = result.data.label {
            args["decision"] = .label(l.column)
            key = result.analysis.intersections >= 2 ? .summaryCheckedLabelIntersections : .summaryCheckedLabel
        } else {
            args["decision"] = .label(result.data.allocation?.column ?? "")
            key = .summaryCheckedAllocation
        }
        s.blocks.append(.paragraph(t.runs(key, args)))
        s.blocks.append(.heading(3, [.text(t(.summaryKeyFindings))], id: "key-findings"))
        let key3 = Self.keyFindings(result, card: card)
        let rates = result.findings.filter { !$0.isAllocation }
        let allocation = allocationComparisons
        if key3.isEmpty {
            if !(rates.isEmpty && !allocation.isEmpty) {
                s.blocks.append(.paragraph([.text(t(result.findings.isEmpty ? .summaryNoComparison : .summaryNoGap))]))
            }
        } else {
            s.blocks.append(.list(key3.map(plainFinding)))
            let counted = result.comparisonCount
            let disparities = facts.disparities.count
            s.blocks.append(.paragraph(t.runs(disparities == 0 ? .summaryTotalsNone : disparities == 1 ? .summaryTotalsOne : .summaryTotals, [
                "disparity": .text(t.count(facts.disparities.count)),
                "total": .text(t.count(counted.comparisons)),
                "findings": .anchor(t(.sectionFindings), id: "findings"),
            ])))
        }
        // The allocation's comparisons (a water audit: volumes, bills, affordability, need).
        if !allocation.isEmpty {
            let ranked = rankedAllocationFindings()
            if ranked.isEmpty {
                s.blocks.append(.paragraph([.text(t(.allocationFindingsNone))]))
            } else {
                var seen = Set<String>()
                let shown = ranked.filter { seen.insert($0.attribute + "\u{0}" + $0.group).inserted }.prefix(3)
                s.blocks.append(.list(shown.map(plainAllocationFinding)))
            }
            s.blocks.append(.paragraph(t.runs(.summaryAllocationTotals, [
                "disparity": .text(t.count(allocation.filter { $0.verdict == .disparity }.count)),
                "total": .text(t.count(allocation.count)),
                "section": .anchor(t(.allocationFindingsTitle), id: "allocation-findings"),
            ])))
        }
        if card.isFrenchPublicBody {
            s.blocks.append(.paragraph(t.runs(.summaryReadMore, [
                "convention": .anchor(t(.sectionConvention), id: "convention"),
                "legal": .anchor(t(.sectionLegal), id: "legal"),
            ])))
        } else {
            s.blocks.append(.paragraph(t.runs(.summaryReadMoreGeneric, [
                "fairness": .anchor(t(.sectionFairness), id: "fairness"),
                "legal": .anchor(t(.sectionLegal), id: "legal"),
            ])))
        }
        return s
    }

    /// The decision as shown: its column, with its threshold when it has one (`decile_score ≥ 5`).
    var decisionRun: ReportInline {
        guard let d = result.data.decision else { return .label("") }
        guard let th = d.threshold else { return .label(d.column) }
        return .span([.label(d.column), .text(" ≥ " + t.fixed(th, th == th.rounded() ? 0 : 2))])
    }

    /// One finding in plain words: "out of 100 …", then its verdict.
    func plainFinding(_ f: AuditMetrics.Finding) -> [ReportInline] {
        let mine = result[f.attribute]?[f.group]?.metrics.first { $0.id == f.metric }?.value.value
        let d = f.value.value ?? 0
        var runs: [ReportInline] = []
        if let mine {
            let theirs = mine - d
            var digits = 0
            if t.fixed(mine * 100, 0) == t.fixed(theirs * 100, 0) { digits = 1 }
            let known = [GroupMetric.selectionRate, .fpr, .fnr, .ppv, .baseRate].map(MetricID.init).contains(f.metric)
            let args: [String: ReportInline] = [
                "attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(f.reference),
                "x": .strong([.text(t.fixed(mine * 100, digits))]), "y": .strong([.text(t.fixed(theirs * 100, digits))]),
                "decision": decisionRun, "label": .label(result.data.label?.column ?? ""),
                "metric": .text(words(f.metric)),
            ]
            let unfavourable = decisionIsUnfavourable && [GroupMetric.selectionRate, .fpr, .fnr, .ppv].map(MetricID.init).contains(f.metric)
            runs += known ? t.runs(named: "plain.\(f.metric.name)" + (unfavourable ? ".unfavourable" : ""), args) : t.runs(.plainOther, args)
        }
        runs.append(.text(" "))
        switch f.verdict {
        case .disparity, .intended:
            var args: [String: ReportInline] = ["gap": .text(points(abs(d))), "tolerance": .text(points(result.analysis.inference.differenceTolerance)), "level": .text(level)]
            args["direction"] = .text(t(d > 0 ? .wordHigher : .wordLower))
            if let ci = f.interval {
                // The interval of the gap's size, in the gap's direction.
                let (low, high) = d < 0 ? (-ci.high, -ci.low) : (ci.low, ci.high)
                args["low"] = .text(points(low)); args["high"] = .text(points(high))
                runs += t.runs(f.verdict == .intended ? .plainVerdictIntended : .plainVerdictDisparity, args)
            } else {
                runs += t.runs(.plainVerdictDisparityNoCi, args)
            }
            if f.verdict == .disparity, ProtectedGround.of(f.attribute, mandated: Set(card.values[.mandatedPriorities] ?? [])) == .mandated {
                runs.append(.text(" "))
                runs += t.runs(.plainMandated, ["attribute": .label(f.attribute)])
            }
        case .insufficientEvidence:
            runs += t.runs(.plainVerdictInsufficient, ["n": .text(t.count(f.groupRows)), "gap": .text(points(abs(d))), "tolerance": .text(points(result.analysis.inference.differenceTolerance))])
        case .noDisparity:
            runs += t.runs(.plainVerdictNoDisparity, [:])
        }
        if f.verdict != .noDisparity { runs += harmSentence(f) }
        return runs
    }
}

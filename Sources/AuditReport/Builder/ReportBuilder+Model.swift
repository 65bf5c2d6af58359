import AuditMetrics
import ModelAudit

extension ReportBuilder {
    /// The decision model itself: per protected attribute, what each group gets from the
    /// grid, which criteria make the score gaps, how much of the selection gap the criteria
    /// explain, and which criteria act as proxies. Renders `ModelAuditResult`; computes nothing.
    func modelSection(_ m: ModelAuditResult) -> ReportSection {
        var s = ReportSection(id: "model", title: t.runs(.sectionModel, ["name": .text(m.name)]))
        s.blocks.append(.paragraph(t.runs(.modelIntro, [
            "file": .label(m.file), "rows": .text(t.count(m.rows)),
            "rule": allocationRule(m).map { .text($0) } ?? .text(t(.modelNoRule)),
            "role": m.role.map { .text($0) } ?? .strong([.text(t(.wordMissing))]),
            "selected": .text(m.selected.map(t.count) ?? "—"),
        ])))
        if m.maximumScore == nil, !m.unboundedCriteria.isEmpty {
            s.blocks.append(.note(t.runs(.modelUnbounded, ["criteria": .text(m.unboundedCriteria.joined(separator: ", "))])))
        }
        let labelOf = Dictionary(m.criteria.map { ($0.name, t.declared([.fr: $0.labelFR, .en: $0.labelEN]) ?? $0.name) }, uniquingKeysWith: { a, _ in a })
        for (index, a) in m.attributes.enumerated() {
            s.blocks.append(.heading(3, t.runs(.modelAttribute, ["attribute": .label(a.name)]), id: "model-\(index + 1)"))
            var table = groupTable(a, of: m, figure: "model-groups-\(index + 1)")
            table.chart = selectionChart(a, index: index + 1)
            s.blocks.append(.table(table))
            s.blocks.append(scoreDistributionFigure(a, index: index + 1))
            if let chi2 = a.aggregates.first(where: { $0.name == "logrank_chi2" })?.value.value,
               let p = a.aggregates.first(where: { $0.name == "logrank_p_value" })?.value.value {
                s.blocks.append(.paragraph(t.runs(.modelLogrank, ["attribute": .label(a.name), "chi2": .text(t.fixed(chi2, 1)), "p": .text(pValue(p))])))
            }
            if !a.scoreGaps.isEmpty, let reference = a.reference {
                s.blocks.append(.heading(4, [.text(t(.modelGapTitle))], id: nil))
                var items: [[ReportInline]] = []
                for (group, gap) in a.scoreGaps {
                    guard let d = gap.gap.difference.value else { continue }
                    let parts = gap.criteria.filter { $0.part.difference.value != nil }
                        .sorted { abs($0.part.difference.value!) > abs($1.part.difference.value!) }
                        .prefix(3)
                        .map { c -> String in
                            t(.modelGapPart, ["criterion": labelOf[c.criterion] ?? c.criterion, "part": t.signed(c.part.difference.value!, 1)])
                        }
                    items.append(t.runs(.modelGapLine, [
                        "group": .label(group), "reference": .label(reference), "gap": .text(t.signed(d, 1)),
                        "low": .text(gap.gap.interval.map { t.fixed($0.low, 1) } ?? "—"),
                        "high": .text(gap.gap.interval.map { t.fixed($0.high, 1) } ?? "—"),
                        "parts": .text(parts.joined(separator: "; ")),
                    ]))
                }
                s.blocks.append(.list(items))
                s.blocks.append(.note([.text(t(.modelGapNote))]))
            }
            if !a.oaxaca.isEmpty, let reference = a.reference {
                s.blocks.append(.heading(4, [.text(t(.modelOaxacaTitle))], id: nil))
                var items: [[ReportInline]] = []
                for (group, d) in a.oaxaca {
                    guard let gap = d.gap.value, let e = d.explained.value, let u = d.unexplained.value else { continue }
                    items.append(t.runs(.modelOaxacaLine, [
                        "group": .label(group), "reference": .label(reference), "gap": .text(t.signed(gap * 100, 1)),
                        "explained": .text(t.signed(e * 100, 1)), "explained_se": .text(d.explainedStandardError.value.map { t.fixed($0 * 100, 1) } ?? "—"),
                        "unexplained": .text(t.signed(u * 100, 1)), "unexplained_se": .text(d.unexplainedStandardError.value.map { t.fixed($0 * 100, 1) } ?? "—"),
                    ]))
                }
                s.blocks.append(.list(items))
                s.blocks.append(.note([.text(t(.modelOaxacaNote))]))
            }
            if let proxies = a.proxies, !proxies.ranked.isEmpty {
                s.blocks.append(.heading(4, t.runs(.modelProxyTitle, ["attribute": .label(a.name)]), id: nil))
                let rows = proxies.ranked.prefix(5).map { p -> [[ReportInline]] in
                    [[.text(labelOf[p.feature] ?? p.feature)], [.text(t(named: "measure.\(p.measure.rawValue)"))],
                     [.text(p.value.value.map { t.fixed($0, 3) } ?? t(.wordUndefined))]]
                }
                s.blocks.append(.table(ReportTable(
                    caption: t.runs(.modelProxyCaption, ["attribute": .label(a.name)]),
                    header: [[.text(t(.colCriterion))], [.text(t(.colMeasure))], [.text(t(.colAssociation))]],
                    numeric: [false, false, true], rows: Array(rows))))
                for model in proxies.models {
                    guard let auc = model.fit.auc.value, model.level >= 0, Int(model.level) < a.groups.count else { continue }
                    s.blocks.append(.paragraph(t.runs(.modelProxyJoint, [
                        "attribute": .label(a.name), "level": .label(a.groups[Int(model.level)].label), "auc": .text(t.fixed(auc, 2)),
                    ])))
                }
                s.blocks.append(.note([.text(t(.modelProxyNote))]))
            }
            s.blocks += tornadoFigure(m, a, index: index + 1, labelOf: labelOf)
        }
        if !m.sensitivity.isEmpty {
            s.blocks.append(.heading(3, [.text(t(.modelSensitivityTitle))], id: "model-sensitivity"))
            s.blocks.append(.paragraph([.text(t(.modelSensitivityIntro))]))
            let rows = m.sensitivity.prefix(12).map { e -> [[ReportInline]] in
                [[.label(e.attribute)], [.label(e.group)], [.text(labelOf[e.criterion] ?? e.criterion)],
                 [.text("× " + t.fixed(e.scale, e.scale == e.scale.rounded() ? 0 : 1))],
                 [.text(e.impactRatioChange.value.map { t.signed($0, 2) } ?? t(.wordUndefined))],
                 [.text(e.rateDifferenceChange.value.map { t.signed($0 * 100, 1) } ?? t(.wordUndefined))]]
            }
            s.blocks.append(.table(ReportTable(
                caption: [.text(t(.modelSensitivityCaption))],
                header: [[.text(t(.colAttribute))], [.text(t(.colGroup))], [.text(t(.colCriterion))], [.text(t(.colScale))],
                         [.text(t(.colImpactRatioChange))], [.text(t(.colRateDifferenceChange))]],
                numeric: [false, false, false, true, true, true], rows: Array(rows))))
            s.blocks.append(.note([.text(t(.modelSensitivityNote))]))
        }
        return s
    }

    /// Per group: grid selection, impact ratio, score, LL144 scoring rate, KS, places, wait.
    func groupTable(_ a: ModelAttributeResult, of m: ModelAuditResult, figure: String) -> ReportTable {
        func cell(_ g: ModelGroupResult, _ name: MetricID, _ format: (Double) -> String) -> [ReportInline] {
            guard let e = g[name] else { return [.text("—")] }
            if e.value.isSuppressed { return [.text(t(.modelSuppressed))] }
            guard let x = e.value.value else { return [.text(t(.wordUndefined))] }
            return [.text(format(x))]
        }
        let hasWait = a.groups.contains { $0[.kmMedianWait] != nil }
        let hasPlaces = a.groups.contains { $0[.topKShare] != nil }
        let rows = a.groups.filter { $0.count > 0 }.map { g -> [[ReportInline]] in
            var label: [ReportInline] = [.label(g.label)]
            if g.isReference { label.append(.text(" " + t(.wordRef))) }
            var row: [[ReportInline]] = [label, [.text(t.count(g.count))]]
            var selection = cell(g, .gridSelectionRate) { t.percent($0) }
            if let ci = g[.gridSelectionRate]?.interval, g[.gridSelectionRate]?.value.value != nil {
                selection.append(.text(" (" + t.range(ci.low * 100, ci.high * 100, 1) + ")"))
            }
            row.append(selection)
            var ratio = cell(g, .gridImpactRatio) { t.numbers.ratio($0, against: result.analysis.impactRatioThreshold) }
            if let r = g[.gridImpactRatio]?.value.value, r < result.analysis.impactRatioThreshold { ratio += [.text(" "), .strong([.text("⚠")])] }
            row.append(ratio)
            row.append(cell(g, MetricID(.scoreMean)) { t.fixed($0, 1) })
            row.append(cell(g, .scoreMedian) { t.fixed($0, 1) })
            row.append(cell(g, .scoringRate) { t.percent($0) })
            row.append(cell(g, .ksDistance) { t.fixed($0, 3) })
            if hasPlaces {
                if g[.topKShare]?.value.isSuppressed == true {
                    row.append([.text(t(.modelSuppressed))])
                } else {
                    let share = g[.topKShare]?.value.value.map { t.percent($0) } ?? t(.wordUndefined)
                    let applicants = g[.applicantShare]?.value.value.map { t.percent($0) } ?? t(.wordUndefined)
                    row.append([.text("\(share) / \(applicants)")])
                }
            }
            if hasWait { row.append(cell(g, .kmMedianWait) { t.fixed($0, 1) }) }
            return row
        }
        var header: [[ReportInline]] = [[.text(t(.colGroup))], [.text(t(.colCount))], [.text(t(.colGridSelection))], [.text(t(.colGridImpactRatio))],
                                        [.text(scoreHeader(m, .colScoreMean))], [.text(scoreHeader(m, .colScoreMedian))], [.text(t(.colScoringRate))], [.text(t(.colKs))]]
        if hasPlaces { header.append([.text(t(.colTopKShare))]) }
        if hasWait { header.append([.text(t(.colMedianWait))]) }
        return ReportTable(caption: t.runs(.modelTableCaption, ["attribute": .label(a.name)]), header: header,
                           numeric: [false] + Array(repeating: true, count: header.count - 1), rows: rows, figure: figure)
    }

    /// A score column's header with what the score is out of (`mean score (out of 190)`), or
    /// alone when the grid has no maximum (the model section says which criterion has none).
    func scoreHeader(_ m: ModelAuditResult, _ key: MessageKey) -> String {
        guard let maximum = m.maximumScore else { return t(key) }
        return t(.colScoreOutOf, ["column": t(key), "max": t.numbers.shortest(maximum)])
    }

    /// The grid's selection rate per group with its Wilson interval (figure `model-groups-N`).
    func selectionChart(_ a: ModelAttributeResult, index: Int) -> ReportChart {
        groupRateChart(a.groups, metric: .gridSelectionRate, id: "chart-model-groups-\(index)",
                       title: t(.chartModelSelectionTitle, ["attribute": a.name]),
                       description: { t(.chartModelSelectionDesc, ["attribute": a.name, "reference": $0]) }, axisTitle: t(.chartModelSelectionAxis))
    }

    /// One rate per non-empty group with its interval, the reference group's rate as the
    /// dashed line (a withheld value is drawn as suppressed).
    func groupRateChart(_ all: [ModelGroupResult], metric: MetricID, id: String, title: String, description: (String) -> String, axisTitle: String) -> ReportChart {
        let groups = all.filter { $0.count > 0 }
        let rows = groups.map { g -> RateChart.Row in
            let e = g[metric]
            return RateChart.Row(label: g.label, rate: e?.value.value, lower: e?.interval?.low, upper: e?.interval?.high,
                                 missing: missing(e?.value), isReference: g.isReference)
        }
        let reference = all.first { $0.isReference }
        return .groupRates(RateChart(
            id: id, title: title, description: description(reference?.label ?? "—"),
            axisTitle: axisTitle, text: chartText, rows: rows,
            referenceRate: reference?[metric]?.value.value,
            referenceLabel: t(.chartReference, ["reference": reference?.label ?? "—"]),
            format: .percent(digits: 1), domain: rateDomain(rows.flatMap { [$0.rate, $0.lower, $0.upper] })))
    }

    /// Score distributions by group (figure `model-scores-N`): box p25–p75 with the median,
    /// whiskers p10–p90 (quantiles of type 7), and the same five numbers in a table.
    func scoreDistributionFigure(_ a: ModelAttributeResult, index: Int) -> ReportBlock {
        let names: [MetricID] = [.scoreP10, .scoreP25, .scoreMedian, .scoreP75, .scoreP90]
        let groups = a.groups.filter { $0.count > 0 }
        let rows = groups.map { g -> DistributionChart.Row in
            let q = names.map { g[$0]?.value.value }
            guard q.allSatisfy({ $0 != nil }) else { return DistributionChart.Row(label: g.label, quantiles: nil, missing: missing(g[.scoreMedian]?.value)) }
            return DistributionChart.Row(label: g.label, quantiles: .init(p10: q[0]!, p25: q[1]!, median: q[2]!, p75: q[3]!, p90: q[4]!))
        }
        let chart = DistributionChart(
            id: "chart-model-scores-\(index)", title: t(.chartModelScoresTitle, ["attribute": a.name]),
            description: t(.chartModelScoresDesc, ["attribute": a.name]), axisTitle: t(.chartModelScoresAxis),
            text: chartText, rows: rows, format: .decimal(digits: 0))
        let tableRows = groups.map { g -> [[ReportInline]] in
            [[.label(g.label)]] + names.map { n in
                guard let e = g[n] else { return [.text("—")] }
                if e.value.isSuppressed { return [.text(t(.modelSuppressed))] }
                return [.text(e.value.value.map { t.fixed($0, 1) } ?? t(.wordUndefined))]
            }
        }
        return .table(ReportTable(
            caption: t.runs(.chartModelScoresTitle, ["attribute": .label(a.name)]),
            header: [[.text(t(.colGroup))], [.text("p10")], [.text("p25")], [.text(t(.colScoreMedian))], [.text("p75")], [.text("p90")]],
            numeric: [false, true, true, true, true, true], rows: tableRows, figure: "model-scores-\(index)", chart: .distributions(chart)))
    }

    /// The tornado of the group with the lowest impact ratio under the grid (not the
    /// reference): per criterion, the change in its impact ratio at × 0 and × 2, with the
    /// same values in a table (figure `model-tornado-N`). Nothing when no such group.
    func tornadoFigure(_ m: ModelAuditResult, _ a: ModelAttributeResult, index: Int, labelOf: [String: String]) -> [ReportBlock] {
        let candidates = a.groups.filter { !$0.isReference && !$0.isSuppressed && $0[.gridImpactRatio]?.value.value != nil }
        guard let worst = candidates.min(by: { $0[.gridImpactRatio]!.value.value! < $1[.gridImpactRatio]!.value.value! }) else { return [] }
        let bars = m.tornado.filter { $0.attribute == a.name && $0.group == worst.label }
        guard !bars.isEmpty else { return [] }
        let rows = bars.map { TornadoChart.Row(label: labelOf[$0.criterion] ?? $0.criterion, low: $0.lowImpactRatioChange.value, high: $0.highImpactRatioChange.value) }
        let chart = TornadoChart(
            id: "chart-model-tornado-\(index)",
            title: t(.chartModelTornadoTitle, ["attribute": a.name, "group": worst.label]),
            description: t(.chartModelTornadoDesc, ["attribute": a.name, "group": worst.label]),
            axisTitle: t(.chartModelTornadoAxis), text: chartText, baseline: 0,
            baselineLabel: t(.chartModelTornadoBaseline), lowLabel: "× 0", highLabel: "× 2", rows: rows, format: .decimal(digits: 2))
        let tableRows = chart.orderedRows.map { r -> [[ReportInline]] in
            [[.text(r.label)], [.text(r.low.map { t.signed($0, 3) } ?? t(.wordUndefined))], [.text(r.high.map { t.signed($0, 3) } ?? t(.wordUndefined))]]
        }
        return [.table(ReportTable(
            caption: t.runs(.chartModelTornadoTitle, ["attribute": .label(a.name), "group": .label(worst.label)]),
            header: [[.text(t(.colCriterion))], [.text("× 0")], [.text("× 2")]],
            numeric: [false, true, true], rows: tableRows, figure: "model-tornado-\(index)", chart: .tornado(chart)))]
    }

    /// A p-value: "< 0.001" or three decimals.
    func pValue(_ p: Double) -> String {
        p < 0.001 ? "< " + t.fixed(0.001, 3) : t.fixed(p, 3)
    }
}

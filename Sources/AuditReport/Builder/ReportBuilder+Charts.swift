import AuditAssessment
import AuditData
import AuditMetrics

/// The charts of the report's figures, built from the audit result in the report's
/// language (every title, description and axis title from the language's catalogue, numbers with
/// the language's decimal mark). Draws nothing and computes no statistic: it picks values
/// the audit computed and says which are undefined or suppressed.
extension ReportBuilder {
    /// The chart's words for missing values (short: they fit in a heat-map cell; the data
    /// table says why in full) and the decimal mark (`,` in French).
    var chartText: ChartText {
        ChartText(undefined: t(.chartUndefined), suppressed: t(.chartSuppressed), numbers: t.numbers)
    }

    /// `s` with its first letter in upper case (a title that starts with a column's word).
    func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// The rate a group-rates figure and a heat map show: the selection rate when the audit
    /// has a decision, else the base rate.
    var chartedRate: MetricID { MetricID(result.hasDecision ? .selectionRate : .baseRate) }

    /// Why a metric has no value, for a chart: suppressed (disclosure control) or undefined.
    func missing(_ v: MetricValue?) -> ChartMissing { v?.isSuppressed == true ? .suppressed : .undefined }

    /// "lowest: G (x); highest: H (y)" over the rows with a value, first in input order on ties; nil without one.
    func extremes(_ rows: [(String, Double?)], _ format: ChartNumberFormat) -> String? {
        let present = rows.compactMap { r in r.1.map { (r.0, $0) } }
        guard var low = present.first, var high = present.first else { return nil }
        for r in present.dropFirst() {
            if r.1 < low.1 { low = r }
            if r.1 > high.1 { high = r }
        }
        let numbers = chartText.numbers
        return t(.chartExtremes, ["low_group": low.0, "low": format.text(low.1, numbers: numbers),
                                    "high_group": high.0, "high": format.text(high.1, numbers: numbers)])
    }

    /// The axis of a rate chart: from 0 to a tenth above the highest rate or bound, rounded up
    /// to a multiple of 5 points (10 above 50 %), at most 1, so that small rates are not
    /// squeezed at the left.
    func rateDomain(_ values: [Double?]) -> ClosedRange<Double> {
        let high = values.compactMap { $0 }.filter(\.isFinite).max() ?? 1
        let top = max(0.01, high * 1.1), step = top <= 0.5 ? 0.05 : 0.1
        return 0...min(1, (top / step).rounded(.up) * step)
    }

    /// Group rates of one attribute (figure `group-rates-N`): each group's selection rate
    /// (or base rate) with its interval (Wilson by default, as the audit computed it), the
    /// reference group marked and its rate as the reference line. Groups with no rows are
    /// left out, as in the data table.
    func groupRatesChart(_ a: AttributeResult, index: Int) -> ReportChart {
        let metric = chartedRate
        let groups = a.groups.filter { $0.statistics.count > 0 }
        let rows = groups.map { g -> RateChart.Row in
            let entry = g.metrics.first { $0.id == metric }
            return RateChart.Row(label: g.label, rate: entry?.value.value, lower: entry?.interval?.low, upper: entry?.interval?.high,
                                 missing: missing(entry?.value), isReference: g.isReference)
        }
        let reference = a.groups.first { $0.isReference }
        let format = ChartNumberFormat.percent(digits: 1)
        var description = t(.chartGroupRatesDesc, ["metric": words(metric), "attribute": a.name, "level": level,
                                                      "reference": reference?.label ?? a.reference.label])
        if let e = extremes(rows.map { ($0.label, $0.rate) }, format) { description += " " + e }
        return .groupRates(RateChart(
            id: "chart-group-rates-\(index)",
            title: capitalised(t(.chartGroupRatesTitle, ["metric": columnWords(metric), "attribute": a.name])),
            description: description,
            axisTitle: capitalised(t(.chartGroupRatesAxis, ["metric": columnWords(metric), "level": level])),
            text: chartText, rows: rows,
            referenceRate: reference.flatMap { $0[metric]?.value },
            referenceLabel: t(.chartReference, ["reference": reference?.label ?? a.reference.label]),
            format: format, domain: rateDomain(rows.flatMap { [$0.rate, $0.lower, $0.upper] })))
    }

    /// Impact ratios of NYC LL144 (figure `impact-ratios-N`, the same values as its table):
    /// each category's ratio to the highest rate, against the four-fifths line. Categories
    /// left out of the ratios (unknown, under 2 %, undefined) say "not computed"; suppressed
    /// ones say "suppressed".
    func impactRatiosChart(_ table: ImpactRatioTable, index: Int) -> ReportChart {
        let threshold = result.analysis.impactRatioThreshold
        let rows = table.rows.map { r in
            RatioChart.Row(label: r.category, ratio: r.impactRatio, missing: r.exclusion == "suppressed" ? .suppressed : .undefined)
        }
        let computed = rows.compactMap(\.ratio)
        var text = chartText
        text.undefined = t(.chartNotComputed)
        let format = ChartNumberFormat.decimal(digits: 2)
        return .impactRatios(RatioChart(
            id: "chart-impact-ratios-\(index)",
            title: t(.ll144Caption, ["attribute": table.attribute]),
            description: t(.chartImpactDesc, [
                "below": t.count(computed.filter { $0 < threshold }.count), "computed": t.count(computed.count),
                "threshold": t.fixed(threshold, 2),
            ]),
            axisTitle: capitalised(t(.colImpactRatio)), text: text, rows: rows, threshold: threshold,
            thresholdLabel: t(.chartImpactThreshold, ["threshold": t.fixed(threshold, 2)]),
            format: format))
    }

    /// Every two-way intersection as a heat map (figure `intersection-N`): rows are the first
    /// attribute's groups, columns the second's, each cell the intersection's selection rate
    /// (or base rate); its data table holds the same grid. Rows and columns follow the single
    /// attributes' group order; a combination nobody belongs to is undefined.
    func intersectionFigures() -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        let metric = chartedRate
        var index = 0
        for a in result.attributes where a.components.count == 2 {
            let first = a.components[0], second = a.components[1]
            guard let rowAttribute = result[first], let columnAttribute = result[second] else { continue }
            let rowLabels = rowAttribute.groups.filter { $0.statistics.count > 0 }.map(\.label)
            let columnLabels = columnAttribute.groups.filter { $0.statistics.count > 0 }.map(\.label)
            func group(_ r: String, _ c: String) -> GroupResult? {
                a["\(r)*\(c)"].flatMap { $0.statistics.count > 0 ? $0 : nil }
            }
            // Only rows and columns with at least one person.
            let rows = rowLabels.filter { r in columnLabels.contains { group(r, $0) != nil } }
            let columns = columnLabels.filter { c in rows.contains { group($0, c) != nil } }
            guard !rows.isEmpty, !columns.isEmpty else { continue }
            index += 1
            let cells = rows.map { r in
                columns.map { c -> HeatMapChart.Cell in
                    let v = group(r, c)?[metric]
                    return HeatMapChart.Cell(v?.value, missing: missing(v))
                }
            }
            let format = ChartNumberFormat.percent(digits: 1)
            var named: [(String, Double?)] = []
            for (i, r) in rows.enumerated() { for (j, c) in columns.enumerated() { named.append(("\(r) × \(c)", cells[i][j].value)) } }
            var description = t(.chartHeatDesc, ["metric": words(metric), "first": first, "second": second])
            if let e = extremes(named, format) { description += " " + e }
            let title = capitalised(t(.chartHeatTitle, ["metric": columnWords(metric), "first": first, "second": second]))
            let chart = HeatMapChart(
                id: "chart-intersection-\(index)", title: title, description: description,
                rowTitle: first, columnTitle: second, text: chartText, rowLabels: rows, columnLabels: columns,
                cells: cells, format: format, domain: rateDomain(cells.flatMap { $0.map(\.value) }))
            let tableRows = rows.enumerated().map { i, r -> [[ReportInline]] in
                [[.label(r)]] + cells[i].map { cell -> [ReportInline] in
                    cell.value.map { [.text(t.percent($0))] } ?? [.text(t(cell.missing == .suppressed ? .wordSuppressed : .wordUndefined))]
                }
            }
            if index == 1 { blocks.append(.heading(3, [.text(t(.chartHeatHeading))], id: "intersections")) }
            blocks.append(.table(ReportTable(
                caption: t.runs(.chartHeatTitle, ["metric": .text(capitalised(columnWords(metric))), "first": .label(first), "second": .label(second)]),
                header: [[.label(first), .text(" \\ "), .label(second)]] + columns.map { [.label($0)] },
                numeric: [false] + columns.map { _ in true }, rows: tableRows,
                figure: "intersection-\(index)", chart: .heatMap(chart))))
        }
        return blocks
    }

    /// Mean allocation per group of one attribute (figure `allocation-N`): each group's mean
    /// with its bootstrap interval when the audit computed one, the reference group marked
    /// and its mean as the reference line.
    func allocationChart(_ attr: AllocationAttributeResult, quantity: String, index: Int) -> ReportChart {
        let rows = attr.groups.map { g -> RateChart.Row in
            let entry = g[.allocationMean]
            return RateChart.Row(label: g.label, rate: entry?.value.value, lower: entry?.bootstrapInterval?.low,
                                 upper: entry?.bootstrapInterval?.high, missing: missing(entry?.value), isReference: g.isReference)
        }
        let reference = attr.groups.first { $0.isReference }
        let values = rows.flatMap { [$0.rate, $0.lower, $0.upper] }.compactMap { $0 }.filter(\.isFinite)
        let digits = (values.max() ?? 0) >= 100 ? 0 : 1
        let format = ChartNumberFormat.decimal(digits: digits)
        var description = t(.chartAllocationDesc, ["quantity": quantity, "attribute": attr.name, "reference": reference?.label ?? "—"])
        if let e = extremes(rows.map { ($0.label, $0.rate) }, format) { description += " " + e }
        return .groupRates(RateChart(
            id: "chart-allocation-\(index)",
            title: t(.chartAllocationTitle, ["quantity": quantity, "attribute": attr.name]),
            description: description,
            axisTitle: t(.chartAllocationAxis, ["quantity": quantity]),
            text: chartText, rows: rows,
            referenceRate: reference?[.allocationMean]?.value.value,
            referenceLabel: reference.map { t(.chartReference, ["reference": $0.label]) } ?? "",
            format: format, domain: 0...(values.max() ?? 1)))
    }

    /// The Lorenz curve of the allocation and, when the audit ranks by income, its
    /// concentration curve (figure `lorenz`), with the Gini and concentration indices in the
    /// legend; the data table lists the points.
    func lorenzFigure(_ a: AllocationResult) -> [ReportBlock] {
        guard !a.lorenz.isEmpty else { return [] }
        let numbers = chartText.numbers
        func note(_ key: MessageKey, _ name: MetricID) -> String? {
            a.overall[name]?.value.value.map { t(key, ["value": ChartNumber.fixed($0, digits: 3, numbers: numbers)]) }
        }
        var series = [LorenzChart.Series(
            label: t(.chartLorenzLorenz), points: a.lorenz.map { .init(population: $0.p, share: $0.share) },
            note: note(.chartLorenzGini, MetricID(.gini)), missing: missing(a.overall[MetricID(.gini)]?.value))]
        let rank = result.data.rankBy ?? ""
        if let c = a.concentration, !c.isEmpty {
            series.append(.init(label: t(.chartLorenzConcentration, ["rank": rank]), points: c.map { .init(population: $0.p, share: $0.share) },
                                note: note(.chartLorenzIndex, .concentrationIndex)))
        }
        let chart = LorenzChart(
            id: "chart-lorenz", title: t(.chartLorenzTitle, ["quantity": a.quantity]),
            description: t(a.concentration == nil ? .chartLorenzDesc : .chartLorenzDescConcentration, ["quantity": a.quantity, "rank": rank]),
            xTitle: t(.chartLorenzX), yTitle: t(.chartLorenzY, ["quantity": a.quantity]),
            equalityLabel: t(.chartLorenzEquality), text: chartText, series: series)
        var header: [[ReportInline]] = [[.text(t(.chartLorenzX))], [.text(t(.chartLorenzLorenz))]]
        if a.concentration != nil { header.append([.text(t(.chartLorenzConcentration, ["rank": rank]))]) }
        let rows = a.lorenz.map { p -> [[ReportInline]] in
            var cells: [[ReportInline]] = [[.text(t.percent(p.p, 0))], [.text(t.percent(p.share))]]
            if let c = a.concentration {
                // The concentration curve's point at the same population share, if it has one.
                cells.append([.text(c.first { abs($0.p - p.p) < 1e-9 }.map { t.percent($0.share) } ?? "—")])
            }
            return cells
        }
        return [.table(ReportTable(
            caption: t.runs(.chartLorenzTitle, ["quantity": .label(a.quantity)]), header: header,
            numeric: header.map { _ in true }, rows: rows, figure: "lorenz", chart: .lorenz(chart)))]
    }
}

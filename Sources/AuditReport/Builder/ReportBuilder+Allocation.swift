import AuditData
import AuditMetrics

extension ReportBuilder {
    /// The allocation audit: inequality overall, then per attribute the groups' means,
    /// medians, per-person amounts, shortfall, affordability and drought burden.
    func allocationSection(_ a: AllocationResult) -> ReportSection {
        var s = ReportSection(id: "allocation", title: t.runs(.sectionAllocation, ["quantity": .label(a.quantity)]))
        let o = a.overall
        func v(_ name: String, _ digits: Int = 2, percent: Bool = false) -> String {
            guard let e = o[name] else { return "—" }
            guard let x = e.value.value else { return t(e.value.isSuppressed ? .wordSuppressed : .wordUndefined) }
            return percent ? t.percent(x) : t.fixed(x, digits)
        }
        s.blocks.append(.paragraph(t.runs(.allocationOverall, [
            "households": .text(t.count(o.households)), "missing": .text(t.count(a.missing)),
            "mean": .text(v("allocation_mean")), "median": .text(v("allocation_median")),
            "gini": .text(v("gini", 3)), "theil": .text(v("theil_t", 3)), "palma": .text(v("palma", 2)),
        ])))
        if let ci = o["gini"]?.bootstrapInterval {
            s.blocks.append(.paragraph(t.runs(.allocationGiniInterval, ["level": .text(level), "low": .text(t.fixed(ci.low, 3)), "high": .text(t.fixed(ci.high, 3))])))
        }
        if o["share_0_40"]?.value.value != nil, o["share_90_100"]?.value.value != nil {
            s.blocks.append(.paragraph(t.runs(.allocationShares, ["low": .text(v("share_0_40", percent: true)), "high": .text(v("share_90_100", percent: true))])))
        }
        if let ci = o["concentration_index"], ci.value.value != nil {
            s.blocks.append(.paragraph(t.runs(.allocationConcentration, ["value": .text(v("concentration_index", 3)), "rank": .label(result.spec.rankBy ?? "")])))
        }
        if let share = o["effort_above_3pct_share"], share.value.value != nil {
            s.blocks.append(.paragraph(t.runs(.allocationEffort, ["share": .text(v("effort_above_3pct_share", percent: true))])))
        }
        s.blocks += lorenzFigure(a)
        var columns: [(String, Bool)] = [("allocation_mean", false), ("allocation_median", false)]
        if o["allocation_per_capita"]?.value.value != nil { columns.append(("allocation_per_capita", false)) }
        if o["shortfall_share"]?.value.value != nil { columns.append(("shortfall_share", true)) }
        if o["bill_mean"] != nil { columns += [("bill_mean", false), ("water_price_per_m3", false)] }
        if o["effort_above_3pct_share"] != nil { columns.append(("effort_above_3pct_share", true)) }
        if o["drought_reduction_share"] != nil { columns += [("drought_reduction_share", true), ("drought_person_share", true)] }
        columns.append(("gini", false))
        for (i, attr) in a.attributes.enumerated() where !attr.name.contains("*") {
            let rows = attr.groups.map { g -> [[ReportInline]] in
                var label: [ReportInline] = [.label(g.label)]
                if g.isReference { label.append(.text(" " + t(.wordRef))) }
                if g.belowMinSize { label.append(.text(" †")) }
                var cells = [label, [ReportInline.text(t.count(g.households))]]
                for (name, percent) in columns {
                    guard let e = g[name] else { cells.append([.text("")]); continue }
                    guard let x = e.value.value else { cells.append([.text(t(e.value.isSuppressed ? .wordSuppressed : .wordUndefined))]); continue }
                    cells.append([.text(percent ? t.percent(x) : t.fixed(x, name == "gini" ? 3 : 2))])
                }
                let ratio = g["allocation_mean_ratio"]?.value
                cells.append([.text(ratio?.value.map { t.fixed($0, 2) } ?? t(ratio?.isSuppressed == true ? .wordSuppressed : .wordUndefined))])
                return cells
            }
            s.blocks.append(.table(ReportTable(
                caption: t.runs(.allocationCaption, ["attribute": .label(attr.name), "reference": .label(attr.reference ?? "—")]),
                header: [[.text(t(.colGroup))], [.text(t(.colHouseholds))]] + columns.map { [.text(t(named: "col.\($0.0)"))] } + [[.text(t(.colAllocationMeanRatio))]],
                numeric: [false] + Array(repeating: true, count: columns.count + 2), rows: rows, figure: "allocation-\(i + 1)",
                chart: allocationChart(attr, quantity: a.quantity, index: i + 1)
            )))
            let d = attr.decompositions
            if let between = d.first(where: { $0.name == "theil_t_between" })?.value.value,
               let within = d.first(where: { $0.name == "theil_t_within" })?.value.value, between + within > 0 {
                s.blocks.append(.paragraph(t.runs(.allocationTheil, ["share": .text(t.percent(between / (between + within))), "attribute": .label(attr.name)])))
            }
        }
        return s
    }
}

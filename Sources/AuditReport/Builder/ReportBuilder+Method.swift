import AuditData
import AuditMetrics
import Foundation

extension ReportBuilder {
    /// Method, data, limitations and the auditor's warnings.
    func method() -> ReportSection {
        var s = ReportSection(id: "method", title: [.text(t("section.method"))])
        let data = result.data, spec = result.analysis
        s.blocks.append(.heading(3, [.text(t("method.data_title"))], id: nil))
        let file = data.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data"
        s.blocks.append(.paragraph(t.runs(result.weighted ? "method.data.weighted" : "method.data", [
            "file": .label(file), "rows": .text(t.count(result.rowCount)), "weight": .label(data.weight ?? ""),
            "sources": declaredOrMissing(.dataSources),
        ])))
        if let d = data.decision {
            var args: [String: ReportInline] = ["decision": .label(d.column), "favourable": .text(t(spec.decisionIs == .favourable ? "word.favourable" : "word.unfavourable"))]
            if let th = d.threshold {
                args["threshold"] = .text(t.fixed(th, 2))
                s.blocks.append(.paragraph(t.runs("method.decision.threshold", args)))
            } else {
                s.blocks.append(.paragraph(t.runs("method.decision", args)))
            }
        }
        if let l = data.label { s.blocks.append(.paragraph(t.runs("method.label", ["label": .label(l.column)]))) }
        s.blocks.append(.heading(3, [.text(t("method.how_title"))], id: nil))
        var items: [[ReportInline]] = []
        if result.hasLabel || result.hasDecision {
            items.append([.text(t("method.rates"))])
            items.append(t.runs("method.impact_ratio", ["threshold": .text(t.fixed(spec.impactRatioThreshold, 2)), "min": .text(t.count(spec.minGroupSize))]))
            items.append(t.runs("method.intervals", [
                "level": .text(level), "interval": .text(t("interval.\(spec.inference.interval.rawValue)")),
                "adjust": .text(t("adjust.\(spec.inference.adjust.rawValue)")), "tolerance": .text(points(spec.inference.differenceTolerance)),
            ]))
            items.append([.text(t("method.verdicts"))])
        }
        if result.allocation != nil { items.append([.text(t("method.allocation"))]) }
        items.append(t.runs("method.unknown", ["unknown": .label("unknown")]))
        if let d = result.disclosure {
            if d.minimumCellSize > 0 {
                items.append(t.runs("method.disclosure", [
                    "k": .text(t.count(d.minimumCellSize)), "primary": .text(t.count(d.primaryCount)),
                    "complementary": .text(t.count(d.complementaryCount)), "findings": .text(t.count(d.suppressedFindings)),
                ]))
            } else {
                items.append([.text(t("method.disclosure_off"))])
            }
        }
        items.append(t.runs("method.reproducible", ["manifest": .label("manifest.json"), "verify": .label("vigie verify")]))
        s.blocks.append(.list(items))
        s.blocks.append(.heading(3, [.text(t("method.limits_title"))], id: nil))
        var limits: [[ReportInline]] = [
            [.text(t("limit.association"))],
            [.text(t("limit.declared"))],
            t.runs("limit.small", ["min": .text(t.count(spec.minGroupSize))]),
            [.text(t("limit.proxies"))],
        ]
        if !result.hasLabel { limits.append([.text(t("limit.no_label"))]) }
        limits.append([.text(t(suppressionThreshold == nil ? "limit.no_suppression" : "limit.suppression"))])
        s.blocks.append(.list(limits))
        if !result.warnings.isEmpty {
            s.blocks.append(.heading(3, [.text(t("method.warnings_title"))], id: nil))
            s.blocks.append(.paragraph([.text(t("method.warnings_note"))]))
            s.blocks.append(.list(result.warnings.sorted().map { [.text($0)] }))
        }
        return s
    }

    /// The glossary: each term and its definition in the report's language.
    func glossary() -> ReportSection {
        var s = ReportSection(id: "glossary", title: [.text(t("section.glossary"))])
        let terms = ["selection_rate", "impact_ratio", "four_fifths", "base_rate", "fpr", "fnr", "ppv", "interval", "adjusted", "verdict", "reference", "intersection", "unknown", "measured", "declared", "missing"]
        s.blocks.append(.table(ReportTable(
            caption: [.text(t("glossary.caption"))], header: [[.text(t("glossary.term"))], [.text(t("glossary.definition"))]],
            numeric: [false, false], rows: terms.map { [[.strong([.text(t("term.\($0)"))])], [.text(t("term.\($0).def"))]] }
        )))
        return s
    }
}

import AuditData
import AuditMetrics
import Foundation

extension ReportBuilder {
    /// Method, data, limitations and the auditor's warnings.
    func method() -> ReportSection {
        var s = ReportSection(id: "method", title: [.text(t(.sectionMethod))])
        let data = result.data, spec = result.analysis
        s.blocks.append(.heading(3, [.text(t(.methodDataTitle))], id: nil))
        let file = data.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data"
        s.blocks.append(.paragraph(t.runs(result.weighted ? .methodDataWeighted : .methodData, [
            "file": .label(file), "rows": .text(t.count(result.rowCount)), "weight": .label(data.weight ?? ""),
            "sources": declaredOrMissing(.dataSources),
        ])))
        if let d = data.decision {
            var args: [String: ReportInline] = ["decision": .label(d.column), "favourable": .text(t(spec.decisionIs == .favourable ? .wordFavourable : .wordUnfavourable))]
            if let th = d.threshold {
                args["threshold"] = .text(t.fixed(th, 2))
                s.blocks.append(.paragraph(t.runs(.methodDecisionThreshold, args)))
            } else {
                s.blocks.append(.paragraph(t.runs(.methodDecision, args)))
            }
        }
        if let l = data.label { s.blocks.append(.paragraph(t.runs(.methodLabel, ["label": .label(l.column)]))) }
        s.blocks.append(.heading(3, [.text(t(.methodHowTitle))], id: nil))
        var items: [[ReportInline]] = []
        if result.hasLabel || result.hasDecision {
            items.append([.text(t(.methodRates))])
            items.append(t.runs(.methodImpactRatio, ["threshold": .text(t.fixed(spec.impactRatioThreshold, 2)), "min": .text(t.count(spec.minGroupSize))]))
            items.append(t.runs(.methodIntervals, [
                "level": .text(level), "interval": .text(t(named: "interval.\(spec.inference.interval.rawValue)")),
                "adjust": .text(t(named: "adjust.\(spec.inference.adjust.rawValue)")), "tolerance": .text(points(spec.inference.differenceTolerance)),
            ]))
            items.append([.text(t(.methodVerdicts))])
        }
        if result.allocation != nil { items.append([.text(t(.methodAllocation))]) }
        items.append(t.runs(.methodUnknown, ["unknown": .label("unknown")]))
        if let d = result.disclosure {
            if d.minimumCellSize > 0 {
                items.append(t.runs(.methodDisclosure, [
                    "k": .text(t.count(d.minimumCellSize)), "primary": .text(t.count(d.primaryCount)),
                    "complementary": .text(t.count(d.complementaryCount)), "findings": .text(t.count(d.suppressedFindings)),
                ]))
                if d.attributeDisclosureCount > 0 {
                    items.append(t.runs(.methodDisclosureAttribute, one: .methodDisclosureAttributeOne, count: d.attributeDisclosureCount, ["count": .text(t.count(d.attributeDisclosureCount))]))
                }
            } else {
                items.append([.text(t(.methodDisclosureOff))])
            }
        }
        items.append(t.runs(.methodReproducible, ["manifest": .label("manifest.json"), "verify": .label("vigie verify")]))
        s.blocks.append(.list(items))
        s.blocks.append(.heading(3, [.text(t(.methodLimitsTitle))], id: nil))
        var limits: [[ReportInline]] = [
            [.text(t(.limitAssociation))],
            [.text(t(.limitDeclared))],
            t.runs(.limitSmall, ["min": .text(t.count(spec.minGroupSize))]),
            [.text(t(.limitProxies))],
        ]
        if !result.hasLabel { limits.append([.text(t(.limitNoLabel))]) }
        limits.append([.text(t(suppressionThreshold == nil ? .limitNoSuppression : .limitSuppression))])
        s.blocks.append(.list(limits))
        if !result.warnings.isEmpty {
            s.blocks.append(.heading(3, [.text(t(.methodWarningsTitle))], id: nil))
            s.blocks.append(.paragraph([.text(t(.methodWarningsNote))]))
            s.blocks.append(.list(result.warnings.sorted().map { [.text(t.warning($0))] }))
        }
        return s
    }

    /// The glossary: each term and its definition in the report's language.
    func glossary() -> ReportSection {
        var s = ReportSection(id: "glossary", title: [.text(t(.sectionGlossary))])
        let terms = ["selection_rate", "impact_ratio", "four_fifths", "base_rate", "fpr", "fnr", "ppv", "interval", "adjusted", "verdict", "reference", "intersection", "unknown", "measured", "declared", "missing"]
        s.blocks.append(.table(ReportTable(
            caption: [.text(t(.glossaryCaption))], header: [[.text(t(.glossaryTerm))], [.text(t(.glossaryDefinition))]],
            numeric: [false, false], rows: terms.map { term in
                // A risk flag's rates are defined as "flagged", never as a "positive decision".
                let flagged = decisionIsUnfavourable && ["selection_rate", "fpr", "fnr", "ppv"].contains(term)
                return [[.strong([.text(t(named: "term.\(term)"))])], [.text(t(named: "term.\(term).def" + (flagged ? ".unfavourable" : "")))]]
            }
        )))
        return s
    }
}

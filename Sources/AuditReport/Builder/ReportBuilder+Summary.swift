import AuditData
import AuditMetrics

extension ReportBuilder {
    /// The findings that matter most, at most `limit`, one per group: disparities on suspect
    /// grounds first, then on mandated priorities, then gaps without enough evidence; within
    /// each, the largest gap first (ties: attribute, group, metric). Only differences with a
    /// value are ranked.
    public static func keyFindings(_ result: AuditResult, limit: Int = 3) -> [AuditMetrics.Finding] {
        let mandated = Set(result.spec.system?.values[.mandatedPriorities] ?? [])
        func rank(_ f: AuditMetrics.Finding) -> Int {
            switch f.verdict {
            case .disparity: return ConventionAssessment.isSuspect(f.attribute, mandated: mandated) ? 0 : 1
            case .insufficientEvidence: return 2
            case .noDisparity: return 3
            }
        }
        let candidates = result.findings.filter { $0.kind == .difference && $0.value.value != nil && $0.verdict != .noDisparity }
            .sorted { a, b in
                let ka = (rank(a), -abs(a.value.value!)), kb = (rank(b), -abs(b.value.value!))
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

    func summary() -> ReportSection {
        var s = ReportSection(id: "summary", title: [.text(t("section.summary"))])
        s.blocks.append(.paragraph(t.runs("summary.system", [
            "name": declaredOrMissing(.name), "owner": declaredOrMissing(.owner),
            "purpose": declaredOrMissing(.purpose), "automation": declaredOrMissing(.automation),
        ])))
        s.blocks.append(.paragraph(t.runs("summary.oversight", ["oversight": declaredOrMissing(.humanOversight)])))
        var checked: [ReportInline] = []
        for (i, p) in result.spec.protected.enumerated() {
            if i > 0 { checked.append(.text(", ")) }
            checked.append(.label(p.column))
        }
        var args: [String: ReportInline] = [
            "rows": .text(t.count(result.rowCount)),
            "attributes": .strong(checked.isEmpty ? [.text("—")] : checked),
        ]
        let key: String
        if let d = result.spec.decision {
            args["decision"] = .label(d.column)
            key = result.spec.intersections >= 2 ? "summary.checked.decision.intersections" : "summary.checked.decision"
        } else if let l = result.spec.label {
            args["decision"] = .label(l.column)
            key = result.spec.intersections >= 2 ? "summary.checked.label.intersections" : "summary.checked.label"
        } else {
            args["decision"] = .label(result.spec.allocation?.column ?? "")
            key = "summary.checked.allocation"
        }
        s.blocks.append(.paragraph(t.runs(key, args)))
        s.blocks.append(.heading(3, [.text(t("summary.key_findings"))], id: "key-findings"))
        let key3 = Self.keyFindings(result)
        if key3.isEmpty {
            s.blocks.append(.paragraph([.text(t(result.findings.isEmpty ? "summary.no_comparison" : "summary.no_gap"))]))
        } else {
            s.blocks.append(.list(key3.map(plainFinding)))
            let disparities = result.findings.filter { $0.kind == .difference && $0.verdict == .disparity }.count
            s.blocks.append(.paragraph(t.runs("summary.totals", [
                "disparity": .text(t.count(disparities)),
                "total": .text(t.count(result.findings.filter { $0.kind == .difference }.count)),
                "findings": .anchor(t("section.findings"), id: "findings"),
            ])))
        }
        s.blocks.append(.paragraph(t.runs("summary.read_more", [
            "convention": .anchor(t("section.convention"), id: "convention"),
            "legal": .anchor(t("section.legal"), id: "legal"),
        ])))
        return s
    }

    /// One finding in plain words: "out of 100 …", then its verdict.
    func plainFinding(_ f: AuditMetrics.Finding) -> [ReportInline] {
        let mine = result[f.attribute]?[f.group]?.metrics.first { $0.name == f.metric }?.value.value
        let d = f.value.value ?? 0
        var runs: [ReportInline] = []
        if let mine {
            let theirs = mine - d
            var digits = 0
            if t.fixed(mine * 100, 0) == t.fixed(theirs * 100, 0) { digits = 1 }
            let known = ["selection_rate", "fpr", "fnr", "ppv", "base_rate"].contains(f.metric)
            runs += t.runs(known ? "plain.\(f.metric)" : "plain.other", [
                "attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(f.reference),
                "x": .strong([.text(t.fixed(mine * 100, digits))]), "y": .strong([.text(t.fixed(theirs * 100, digits))]),
                "decision": .label(result.spec.decision?.column ?? ""), "label": .label(result.spec.label?.column ?? ""),
                "metric": .text(words(f.metric)),
            ])
        }
        runs.append(.text(" "))
        switch f.verdict {
        case .disparity:
            var args: [String: ReportInline] = ["gap": .text(points(abs(d))), "tolerance": .text(points(result.spec.inference.differenceTolerance)), "level": .text(level)]
            if let ci = f.interval {
                args["low"] = .text(points(ci.low)); args["high"] = .text(points(ci.high))
                runs += t.runs("plain.verdict.disparity", args)
            } else {
                runs += t.runs("plain.verdict.disparity_no_ci", args)
            }
            if !ConventionAssessment.isSuspect(f.attribute, mandated: Set(card.values[.mandatedPriorities] ?? [])) {
                runs.append(.text(" "))
                runs += t.runs("plain.mandated", ["attribute": .label(f.attribute)])
            }
        case .insufficientEvidence:
            runs += t.runs("plain.verdict.insufficient", ["n": .text(t.count(f.groupRows)), "gap": .text(points(abs(d)))])
        case .noDisparity:
            runs += t.runs("plain.verdict.no_disparity", [:])
        }
        return runs
    }
}

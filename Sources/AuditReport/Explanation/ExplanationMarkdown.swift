import Foundation
import DecisionModels

/// `explanation.md`: the explanation owed to one applicant (CRPA
/// R311-3-1-2), in French or English, with the four items as numbered
/// sections (`docs/explain.md`). Values from the data are code spans and
/// text from the grid file is escaped, so neither can inject Markdown or HTML.
public enum ExplanationMarkdown {
    public static func render(_ e: ApplicantExplanation, language: ExplanationLanguage) -> String {
        let p = ExplanationPhrases.markdown(language, scoreDecimals: e.scoreDecimals)
        var md = "# " + p.t("title", ["id": p.code(e.applicantID)]) + "\n\n"
        md += p.t("intro", ["grid": p.prose(e.gridName)]) + "\n\n"

        md += "## " + p.t("heading.summary") + "\n\n"
        md += "- " + p.t("summary.score", ["total": p.number(e.totalScore)]) + "\n"
        md += "- " + p.t("summary.rank", ["rank": p.count(e.standing.rank), "count": p.count(e.standing.comparableCount),
                                           "segment": p.segment(e.standing)]) + "\n"
        if let verdict = p.verdict(e.standing) { md += "- " + verdict + "\n" }
        md += "- " + p.wait(e.wait) + "\n\n"

        md += "## " + p.t("heading.role") + "\n\n"
        md += (e.role.map { p.t("role.declared", ["role": p.prose($0)]) } ?? p.t("role.undeclared")) + "\n\n"
        md += p.allocationRule(e.standing) + "\n\n"

        md += "## " + p.t("heading.data") + "\n\n" + p.t("data.intro") + "\n\n"
        md += table(p.t("data.columns"), e.data.map { item in
            [p.code(item.column), p.value(item.value),
             item.source.map(p.prose).map { s in item.description.map { s + " — " + p.prose($0) } ?? s } ?? p.t("data.source.undeclared"),
             item.uses.map { p.t("use." + $0) }.joined(separator: ", ")]
        })

        md += "## " + p.t("heading.criteria") + "\n\n"
        md += table(p.t("criteria.columns"), e.criteria.map { c in
            [p.label(c), p.rule(c.kind), p.value(c.value), p.number(c.points), p.t(c.counted ? "counted.yes" : "counted.no")]
        })
        let notes = e.criteria.flatMap { p.notes($0, in: e) }
        if !notes.isEmpty { md += notes.map { "- " + $0 + "\n" }.joined() + "\n" }

        md += "## " + p.t("heading.operations") + "\n\n"
        md += p.operations(e).enumerated().map { "\($0.offset + 1). \($0.element)\n" }.joined() + "\n"

        md += "## " + p.t("heading.rights") + "\n\n"
        md += "- " + p.t("rights.communication") + "\n- " + p.t("rights.cada") + "\n"
        return md
    }

    /// A GFM table; `header` is the cells joined by " | ".
    static func table(_ header: String, _ rows: [[String]]) -> String {
        let columns = header.components(separatedBy: " | ").count
        var out = "| " + header + " |\n|" + String(repeating: "---|", count: columns) + "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }
}

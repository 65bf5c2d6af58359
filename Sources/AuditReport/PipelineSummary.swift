import AuditData
import AuditMetrics
import Foundation

/// `vigie audit --summary-md FILE`: a short Markdown summary of an audit for a pull-request
/// comment or a CI job summary (GitHub's `$GITHUB_STEP_SUMMARY`, a GitLab note).
///
/// In order: a heading naming the system (the system card's `name`, else the data file); the
/// gates' outcome in one line — *gate failed* when a gate the command enforces trips
/// (`AuditGates.failsEnforced`), *gate passed* when the enforced gates hold, *no gate
/// enforced* otherwise — with the row count and the verdict counts; a table of both gates
/// (failed / passed / not applicable, enforced or not); the groups below the impact-ratio
/// threshold (at most `groupLimit`, with their ratios); the findings that matter most
/// (`worstFindings`: disparities first, then the report's own ranking; at most
/// `findingLimit`) with their difference and interval in percentage points and their
/// verdict; a link to the full report.
///
/// Same escaping as `report.md` (`MarkdownEscape`: labels in code spans, no HTML passes).
/// Suppressed groups never appear: their findings were withheld and they carry no
/// impact-ratio flag (`DisclosureControl`). In the spec's language (`--lang`).
public struct PipelineSummary {
    let result: AuditResult
    let gates: AuditGates
    let reportLink: String
    let t: ReportText
    /// How many findings and groups are listed.
    public var findingLimit = 5
    public var groupLimit = 5

    /// - Parameter reportLink: where the full report is (a URL, or a path relative to the
    ///   summary), written as the link's target.
    public init(_ result: AuditResult, gates: AuditGates, reportLink: String, language: ReportLanguage? = nil) {
        self.result = result
        self.gates = gates
        self.reportLink = reportLink
        self.t = ReportText(language ?? result.spec.language)
    }

    /// The summary's Markdown text.
    public func render() -> String {
        let file = result.spec.dataPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data"
        let name: ReportInline = result.spec.system?[.name].map { .text($0) } ?? .label(file)
        var md = "### " + inline(t.runs("summary_md.title", ["name": name])) + "\n\n"

        let outcome = gates.failsEnforced ? "summary_md.outcome.failed" : gates.enforcesAny ? "summary_md.outcome.passed" : "summary_md.outcome.none"
        let count = { (v: Verdict) in t.count(result.findings.filter { $0.verdict == v }.count) }
        md += "**" + MarkdownEscape.text(t(outcome)) + "** — " + inline(t.runs("summary_md.audited", [
            "rows": .text(t.count(result.rowCount)), "file": .label(file),
            "disparity": .text(count(.disparity)), "no_disparity": .text(count(.noDisparity)), "insufficient": .text(count(.insufficientEvidence)),
        ])) + "\n\n"

        md += "| " + MarkdownEscape.text(t("summary_md.col.gate")) + " | " + MarkdownEscape.text(t("summary_md.col.outcome")) + " |\n|---|---|\n"
        let threshold = t.fixed(gates.impactRatioThreshold, 2)
        md += gateRow(t("junit.gate.impact_ratio", ["threshold": threshold]), applicable: gates.hasDecision, fails: gates.impactRatioFails,
                      enforced: gates.enforcesImpactRatio, flag: "--fail-on-disparity")
        md += gateRow(t("junit.gate.verdicts"), applicable: !result.findings.isEmpty, fails: gates.verdictsFail,
                      enforced: gates.enforcesVerdicts, flag: "--fail-on-verdict")
        md += "\n"

        if gates.impactRatioFails {
            var groups: [ReportInline] = []
            for (i, g) in gates.belowThreshold.prefix(groupLimit).enumerated() {
                if i > 0 { groups.append(.text(", ")) }
                groups += [.label(g.attribute), .text(" = "), .label(g.group.label), .text(" " + (g.group.impactRatio?.value.map { t.fixed($0, 2) } ?? t("word.undefined")))]
            }
            if gates.belowThreshold.count > groupLimit {
                groups += [.text(" ")] + t.runs("summary_md.more", ["count": .text(t.count(gates.belowThreshold.count - groupLimit))])
            }
            md += inline(t.runs("summary_md.below", ["groups": .span(groups)])) + "\n\n"
        }

        md += "#### " + MarkdownEscape.text(t("summary_md.worst")) + "\n\n"
        let worst = Self.worstFindings(result, limit: findingLimit)
        if worst.isEmpty {
            md += MarkdownEscape.text(t("summary_md.no_gap")) + "\n\n"
        } else {
            let level = t.fixed(result.spec.inference.level * 100, 0)
            md += "| " + [t("summary_md.col.finding"), t("summary_md.col.difference"), t("summary_md.col.interval", ["level": level]), t("summary_md.col.verdict")]
                .map(MarkdownEscape.text).joined(separator: " | ") + " |\n|---|---:|---|---|\n"
            for f in worst {
                let finding = inline(t.runs("summary_md.finding", [
                    "attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(f.reference), "metric": .text(t("metric.\(f.metric)")),
                ]), inTable: true)
                let interval = f.interval.map { "[" + points($0.low) + (t.language == .fr ? " ; " : ", ") + points($0.high) + "]" } ?? t("word.undefined")
                let cells = [finding, MarkdownEscape.text(f.value.value.map(points) ?? t("word.undefined")), MarkdownEscape.text(interval),
                             MarkdownEscape.text(t("verdict.\(f.verdict.rawValue)"))]
                md += "| " + cells.joined(separator: " | ") + " |\n"
            }
            md += "\n"
        }
        let link = "[" + MarkdownEscape.text(t("summary_md.report_link")) + "](" + Self.linkTarget(reportLink) + ")"
        md += MarkdownEscape.text(t("summary_md.report", ["report": "VIGIEREPORTLINK"])).replacingOccurrences(of: "VIGIEREPORTLINK", with: link) + "\n"
        return md
    }

    /// The findings a pipeline shows: the report's ranking (`ReportBuilder.keyFindings`: one
    /// per group, suspect grounds first, the largest gaps first), with the `disparity`
    /// verdicts — what the verdict gate fails on — moved before the gaps without enough
    /// evidence; at most `limit`.
    public static func worstFindings(_ result: AuditResult, limit: Int) -> [Finding] {
        let ranked = ReportBuilder.keyFindings(result, limit: Int.max)
        return Array((ranked.filter { $0.verdict == .disparity } + ranked.filter { $0.verdict != .disparity }).prefix(limit))
    }

    /// One row of the gates' table.
    func gateRow(_ name: String, applicable: Bool, fails: Bool, enforced: Bool, flag: String) -> String {
        let state = !applicable ? "summary_md.gate.skipped" : fails ? "summary_md.gate.failed" : "summary_md.gate.passed"
        let enforcement = enforced ? t("summary_md.gate.enforced", ["flag": flag]) : t("summary_md.gate.not_enforced")
        let word = MarkdownEscape.text(t(state))
        return "| " + MarkdownEscape.text(name) + " | " + (fails && applicable ? "**" + word + "**" : word) + " — " + MarkdownEscape.text(enforcement) + " |\n"
    }

    /// A difference of rates in percentage points, signed, one decimal.
    func points(_ x: Double) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "−∞" }
        let s = t.fixed(x * 100, 1)
        return x > 0 && !s.hasPrefix("-") ? "+" + s : s
    }

    func inline(_ runs: [ReportInline], inTable: Bool = false) -> String { MarkdownReport.inline(runs, inTable: inTable) }

    /// A link target as CommonMark reads it (§6.3): spaces, parentheses, angle brackets,
    /// backslashes, backticks, control characters and non-ASCII bytes (UTF-8) percent-encoded,
    /// so the link cannot be broken out of.
    static func linkTarget(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case 0...0x20, 0x7F...0xFF, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "`"):
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

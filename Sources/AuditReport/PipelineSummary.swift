import AuditAssessment
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
/// A ``ReportDocument`` rendered by `MarkdownReport` like every document for people (same
/// escaping as `report.md`: labels in code spans, no HTML passes), then the link line.
/// Suppressed groups never appear: their findings were withheld and they carry no
/// impact-ratio flag (`DisclosureControl`). In the spec's language (`--lang`).
public struct PipelineSummary {
    let result: AuditResult
    let gates: AuditGates
    let reportLink: String
    let t: ReportText
    let system: SystemCard?
    /// How many findings and groups are listed.
    public var findingLimit = 5
    public var groupLimit = 5

    /// - Parameter reportLink: where the full report is (a URL, or a path relative to the
    ///   summary), written as the link's target.
    ///   - report: the spec's report part: the summary's language and the system's name.
    public init(_ result: AuditResult, gates: AuditGates, reportLink: String, report: ReportSpec = ReportSpec()) {
        self.result = result
        self.gates = gates
        self.reportLink = reportLink
        self.system = report.system
        self.t = ReportText(report.language)
    }

    /// The summary as a document: the outcome, the gates, the groups below the threshold,
    /// then the findings that matter most.
    public func document() -> ReportDocument {
        let file = result.data.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data"
        let name: ReportInline = system?[.name].map { .text($0) } ?? .label(file)
        var preamble: [ReportBlock] = []

        let outcome: MessageKey = gates.failsEnforced ? .summaryMdOutcomeFailed : gates.enforcesAny ? .summaryMdOutcomePassed : .summaryMdOutcomeNone
        // Comparisons, each counted once (``ComparisonCount``), the allocation's with the rates'.
        let counted = result.comparisonCount
        let allocation = result.findings.filter { $0.isAllocation && ($0.kind == .difference || AllocationFindings.means.contains($0.metric)) }
        let count = { (v: Verdict) in ReportInline.text(t.count(counted[v] + allocation.filter { $0.verdict == v }.count)) }
        preamble.append(.paragraph([.strong([.text(t(outcome))]), .text(" — ")] + t.runs(.summaryMdAudited, [
            "rows": .text(t.count(result.rowCount)), "file": .label(file),
            "disparity": count(.disparity), "no_disparity": count(.noDisparity), "insufficient": count(.insufficientEvidence),
        ])))

        let threshold = t.fixed(gates.impactRatioThreshold, 2)
        preamble.append(.table(ReportTable(
            caption: [], header: [[.text(t(.summaryMdColGate))], [.text(t(.summaryMdColOutcome))]], numeric: [false, false],
            rows: [
                gateRow(t(.junitGateImpactRatio, ["threshold": threshold]), applicable: gates.hasDecision, fails: gates.impactRatioFails,
                        enforced: gates.enforcesImpactRatio, flag: "--fail-on-disparity"),
                gateRow(t(.junitGateVerdicts), applicable: !result.findings.isEmpty, fails: gates.verdictsFail,
                        enforced: gates.enforcesVerdicts, flag: "--fail-on-verdict"),
            ])))

        if gates.impactRatioFails {
            var groups: [ReportInline] = []
            for (i, g) in gates.belowThreshold.prefix(groupLimit).enumerated() {
                if i > 0 { groups.append(.text(", ")) }
                groups += [.label(g.attribute), .text(" = "), .label(g.group.label), .text(" " + (g.withheld ? t(.wordSuppressed) : g.group.impactRatio?.value.map { t.numbers.ratio($0, against: gates.impactRatioThreshold) } ?? t(.wordUndefined)))]
            }
            if gates.belowThreshold.count > groupLimit {
                groups += [.text(" ")] + t.runs(.summaryMdMore, one: .summaryMdMoreOne, count: gates.belowThreshold.count - groupLimit, ["count": .text(t.count(gates.belowThreshold.count - groupLimit))])
            }
            preamble.append(.paragraph(t.runs(.summaryMdBelow, ["groups": .span(groups)])))
        }

        var worstSection = ReportSection(id: "worst", title: [.text(t(.summaryMdWorst))])
        let worst = Self.worstFindings(result, limit: findingLimit)
        if worst.isEmpty {
            worstSection.blocks.append(.paragraph([.text(t(.summaryMdNoGap))]))
        } else {
            let level = t.fixed(result.analysis.inference.level * 100, 0)
            worstSection.blocks.append(.table(ReportTable(
                caption: [],
                header: [t(.summaryMdColFinding), t(.summaryMdColDifference), t(.summaryMdColInterval, ["level": level]), t(.summaryMdColVerdict)].map { [.text($0)] },
                numeric: [false, true, false, false],
                rows: worst.map { f in
                    let interval = f.interval.map { t(.junitInterval, ["low": points($0.low), "high": points($0.high)]) } ?? t(.wordUndefined)
                    return [
                        t.runs(.summaryMdFinding, ["attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(f.reference),
                                                   "metric": .text(t(named: "metric.\(f.metric)"))]),
                        [.text(f.value.value.map(points) ?? t(.wordUndefined))], [.text(interval)], [.text(t(named: "verdict.\(f.verdict.rawValue)"))],
                    ]
                })))
        }
        return ReportDocument(language: t.language, title: t.runs(.summaryMdTitle, ["name": name]), preamble: preamble,
                              sections: [worstSection], contents: t(.navContents))
    }

    /// The summary's Markdown text: the document, then the link to the full report (a
    /// document links only inside itself, so the link is written here).
    public func render() -> String {
        let link = "[" + MarkdownEscape.text(t(.summaryMdReportLink)) + "](" + Self.linkTarget(reportLink) + ")"
        return MarkdownReport.render(document())
            + MarkdownEscape.text(t(.summaryMdReport, ["report": "VIGIEREPORTLINK"])).replacingOccurrences(of: "VIGIEREPORTLINK", with: link) + "\n"
    }

    /// The findings a pipeline shows: the report's ranking (`ReportBuilder.keyFindings`: one
    /// per group, suspect grounds first, the largest gaps first), with the `disparity`
    /// verdicts — what the verdict gate fails on — moved before the gaps without enough
    /// evidence; at most `limit`.
    public static func worstFindings(_ result: AuditResult, limit: Int) -> [Finding] {
        let ranked = ReportBuilder.keyFindings(result, limit: Int.max)
        return Array((ranked.filter { $0.verdict == .disparity } + ranked.filter { $0.verdict != .disparity }).prefix(limit))
    }

    /// One row of the gates' table: the gate, its outcome (strong when it fails) and whether
    /// the command enforces it.
    func gateRow(_ name: String, applicable: Bool, fails: Bool, enforced: Bool, flag: String) -> [[ReportInline]] {
        let state: MessageKey = !applicable ? .summaryMdGateSkipped : fails ? .summaryMdGateFailed : .summaryMdGatePassed
        let enforcement = enforced ? t(.summaryMdGateEnforced, ["flag": flag]) : t(.summaryMdGateNotEnforced)
        let word: ReportInline = fails && applicable ? .strong([.text(t(state))]) : .text(t(state))
        return [[.text(name)], [word, .text(" — " + enforcement)]]
    }

    /// A difference of rates in percentage points, signed, one decimal.
    func points(_ x: Double) -> String { t.signed(x * 100, 1) }

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

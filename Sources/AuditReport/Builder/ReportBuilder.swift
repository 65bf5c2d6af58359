import AuditAssessment
import AuditData
import AuditMetrics
import Foundation
import ModelAudit

/// Builds the report document — the same for `report.html` and `report.md` — from an audit
/// result, in the spec's language. Renders the central table and the assessments; computes
/// no statistic.
public struct ReportBuilder {
    let result: AuditResult
    let t: ReportText
    /// The spec's report part.
    let report: ReportSpec
    let card: SystemCard
    /// Small-cell suppression threshold applied to the outputs (`nil`: none applied).
    let suppressionThreshold: Int?
    /// The audit of the decision model itself, when the spec names one.
    let model: ModelAuditResult?
    /// The scan for groups no one declared, when the spec asks for it (`scan:`).
    let scan: ScanReport.Input?
    /// The facts stated first, computed once: the plain first page, the findings that matter
    /// most and the legal checklist read them (`ReportFacts`).
    let facts: ReportFacts

    /// - Parameters:
    ///   - report: the spec's report part: the language (unless `language` overrides it) and
    ///     the system card.
    public init(_ result: AuditResult, model: ModelAuditResult? = nil, scan: ScanReport.Input? = nil, report: ReportSpec = ReportSpec(),
                language: ReportLanguage? = nil, suppressionThreshold: Int? = nil) {
        self.result = result
        self.model = model
        self.scan = scan
        self.report = report
        self.t = ReportText(language ?? report.language)
        self.card = report.card
        self.facts = ReportFacts(result)
        self.suppressionThreshold = suppressionThreshold ?? result.disclosure.flatMap { $0.minimumCellSize > 0 ? $0.minimumCellSize : nil }
    }

    /// The document of a result, in the language of the spec's report part.
    public static func document(_ result: AuditResult, report: ReportSpec = ReportSpec()) -> ReportDocument {
        ReportBuilder(result, report: report).document()
    }

    public func document() -> ReportDocument {
        let name = card[.name]
        let title = name.map { t(.titleSystem, ["name": $0]) } ?? t(.titlePlain)
        var subtitle: [[ReportInline]] = []
        // Without a system card, no line of "missing": the card section says it once.
        if report.system != nil {
            subtitle.append(t.runs(.subtitleDate, ["date": declaredOrMissing(.date)]))
            subtitle.append(t.runs(.subtitleOwner, ["owner": declaredOrMissing(.owner), "contact": declaredOrMissing(.contact)]))
        }
        let file = result.data.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data"
        subtitle.append(t.runs(.subtitleData, ["file": .label(file), "rows": .text(t.count(result.rowCount))]))
        subtitle.append(t.runs(.subtitleGenerator, ["version": .text(ReportVersion.vigie)]))
        // The convention and French administrative law apply to a French public body's system
        // only (`SystemCard.isFrenchPublicBody`); any other gets the generic fairness checks.
        var sections = [summary(), systemCard(), card.isFrenchPublicBody ? convention() : fairness(), legal(), findings()]
        if let allocation = result.allocation { sections.append(allocationSection(allocation)) }
        if let model { sections.append(modelSection(model)) }
        if let human = model?.human { sections.append(humanSection(human, rule: model.flatMap(allocationRule))) }
        if let scan { sections.append(ScanReport.section(scan, t)) }
        sections.append(method())
        sections.append(glossary())
        // Codes become the spec's readable names (`labels:`) wherever a person reads.
        return ReportDocument(language: t.language, title: [.text(title)], subtitle: subtitle, sections: sections, contents: t(.navContents), paper: report.paper)
            .relabelled(report.labels)
    }

    // MARK: shared pieces

    /// A declared field as text, or the word "missing" in bold.
    func declaredOrMissing(_ field: SystemCard.Field) -> ReportInline {
        card[field].map { ReportInline.text($0) } ?? .strong([.text(t(.wordMissing))])
    }

    func status(_ s: AssessmentStatus) -> [ReportInline] {
        [.status(s.rawValue, t(named: "status.\(s.rawValue)"))]
    }

    func value(_ v: EvidenceValue) -> ReportInline {
        switch v {
        case .declared(let s): return .text(s)
        case .label(let s): return .label(s)
        case .count(let n): return .text(t.count(n))
        case .percent(let x): return .text(t.percent(x))
        case .number(let x, let digits): return .text(t.fixed(x, digits))
        case .word(let key): return .text(t(named: key))
        }
    }

    /// A piece of evidence with its source: "measured: …".
    func evidence(_ e: Evidence) -> [ReportInline] {
        t.runs(.evidenceWithSource, ["source": .text(t(named: "source.\(e.source.rawValue)"))]) + sentence(e)
    }

    /// The sentence of a piece of evidence, without its source.
    func sentence(_ e: Evidence) -> [ReportInline] {
        var args: [String: ReportInline] = [:]
        for (k, v) in e.values { args[k] = value(v) }
        return t.runs(named: e.key, args)
    }

    /// Several pieces of evidence in one table cell, separated by " · ".
    func evidenceCell(_ items: [Evidence]) -> [ReportInline] {
        var out: [ReportInline] = []
        for (i, e) in items.enumerated() {
            if i > 0 { out.append(.text(" · ")) }
            out += evidence(e)
        }
        return out
    }

    /// A metric in words; the decision's rate says "flagged" when the decision is unfavourable
    /// (`decision_is: unfavourable`), never "positive decision".
    func words(_ metric: String) -> String {
        if metric == "selection_rate" && decisionIsUnfavourable { return t(.metricSelectionRateUnfavourable) }
        return t(named: "metric.\(metric)")
    }
    /// A metric identifier in words (``words(_:)-(String)`` on its published name).
    func words(_ metric: MetricID) -> String { words(metric.name) }
    /// A metric identifier as a column or axis title.
    func columnWords(_ metric: MetricID) -> String { columnWords(metric.name) }
    /// A metric as a column or axis title, with the same rule as ``words(_:)``.
    func columnWords(_ metric: String) -> String {
        if metric == "selection_rate" && decisionIsUnfavourable { return t(.colFlaggedRate) }
        return t(named: "col.\(metric)")
    }
    /// Whether the audited decision is the unfavourable one (a risk flag).
    var decisionIsUnfavourable: Bool { result.analysis.decisionIs == .unfavourable }
    /// Which side a finding's gap harms (``harm(_:in:)``).
    func harm(_ f: AuditMetrics.Finding) -> Int { Self.harm(f, in: result) }

    /// Which side a finding's gap harms: +1 the group (it gets less of a favourable decision or
    /// more of an unfavourable one — for a risk flag, the group flagged more often), −1 the
    /// reference, 0 when no side is harmed or the metric has no direction
    /// (`GroupMetric.favourableDirection`).
    static func harm(_ f: AuditMetrics.Finding, in result: AuditResult) -> Int {
        guard let metric = f.metric.rate, let v = f.value.value,
              let direction = metric.favourableDirection(decisionIsFavourable: result.analysis.decisionIs == .favourable) else { return 0 }
        let sign = f.kind == .difference ? v : v - 1
        if sign * Double(direction) < 0 { return 1 }
        if sign * Double(direction) > 0 { return -1 }
        return 0
    }

    /// The sentence saying which side a gap harms, or nothing.
    func harmSentence(_ f: AuditMetrics.Finding) -> [ReportInline] {
        let args: [String: ReportInline] = ["attribute": .label(f.attribute), "group": .label(f.group), "reference": .label(f.reference)]
        switch harm(f) {
        case 1: return [.text(" ")] + t.runs(.plainAgainstGroup, args)
        case -1: return [.text(" ")] + t.runs(.plainAgainstReference, args)
        default: return []
        }
    }
    func verdictWord(_ v: Verdict) -> String { t(named: "verdict.\(v.rawValue)") }
    var level: String { t.fixed(result.analysis.inference.level * 100, 0) }
    func points(_ x: Double) -> String { t.fixed(x * 100, 1) }
}

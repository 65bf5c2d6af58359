import AuditData
import DecisionModels
import Foundation

/// Renderers of `vigie amend` (``GridAmendment``, `docs/amend.md`): `proposals.csv` and
/// `amend.md`, in English or French. Aggregates only; a group of fewer than `min_cell_size`
/// applicants shows its size and nothing else (disclosure control).
public enum AmendmentReport {
    /// What the renderers read: the search's result and its proposals, re-evaluated in full.
    public struct Input: Sendable {
        public let gridName: String
        public let attribute: String
        public let applicants: Int
        public let result: GridAmendment.Result
        public let proposals: [AmendmentProposal]
        /// The proposal files, `proposal-N.yaml`, in the proposals' order.
        public let files: [String]
        /// The column name of each feature (`dalo`, `heberge[hotel]`).
        public let featureNames: [String]
        /// Per proposal, per target, the metric on the holdout file; `nil` without `--holdout`.
        public let holdout: [[Double?]]?
        public let minCellSize: Int
        /// With `--allow band-edges`, the column name of each movable edge (`anciennete edge 18`),
        /// in ``AmendmentCandidate/edges`` order; empty otherwise (no edge column).
        public let edgeNames: [String]

        public init(gridName: String, attribute: String, applicants: Int, result: GridAmendment.Result, proposals: [AmendmentProposal],
                    files: [String], featureNames: [String], holdout: [[Double?]]?, minCellSize: Int, edgeNames: [String] = []) {
            self.edgeNames = edgeNames
            self.gridName = gridName
            self.attribute = attribute
            self.applicants = applicants
            self.result = result
            self.proposals = proposals
            self.files = files
            self.featureNames = featureNames
            self.holdout = holdout
            self.minCellSize = minCellSize
        }
    }

    /// Each design feature's column name in `proposals.csv`: the criterion's name, followed by
    /// `[level]` or `[from,to)` when it has several features.
    public static func featureNames(_ design: GridDesign) -> [String] {
        design.featureDefinitions.indices.map { f in
            let c = design.featureCriterion[f]
            let name = design.grid.criteria[c].name
            guard design.featureCriterion.filter({ $0 == c }).count > 1 else { return name }
            switch design.featureDefinitions[f].definition {
            case .level(let v): return "\(name)[\(v)]"
            case .band(let from, let to): return "\(name)[\(from.map(NumberFormat.exact) ?? ""),\(to.map(NumberFormat.exact) ?? ""))"
            case .flag, .units: return name
            }
        }
    }

    /// `proposals.csv`: one line per proposal (non-dominated, best first): `rank`, `file`,
    /// `meets_all_targets`, each feature's points, per target its metric and interval (and the
    /// holdout's value), `changed_share`, `total_change_points`, `kendall_tau`. Exact numbers;
    /// undefined values empty.
    public static func csv(_ input: Input) -> String {
        var header = ["rank", "file", "meets_all_targets"] + input.featureNames + input.edgeNames
        for t in input.result.targets {
            header += [t.metricName, t.metricName + "_low", t.metricName + "_high"]
            if input.holdout != nil { header.append(t.metricName + "_holdout") }
        }
        header += ["changed_share", "total_change_points", "kendall_tau"]
        var out = CSVText.line(header.map(CSVText.text))
        func number(_ x: Double?) -> String { x.map(NumberFormat.exact) ?? "" }
        for (i, p) in input.proposals.enumerated() {
            var cells = [String(i + 1), CSVText.text(input.files[i]), p.candidate.meetsEveryTarget ? "true" : "false"]
            cells += p.weights.map(NumberFormat.exact)
            if !input.edgeNames.isEmpty { cells += p.candidate.edges.map(NumberFormat.exact) }
            for (t, v) in p.targetValues.enumerated() {
                cells += [number(v.value), number(v.interval?.low), number(v.interval?.high)]
                if let holdout = input.holdout { cells.append(number(holdout[i][t])) }
            }
            cells += [NumberFormat.exact(p.changedShare), NumberFormat.exact(p.totalChange), number(p.kendallTau)]
            out += CSVText.line(cells)
        }
        return out
    }

    /// `amend.md` as a document.
    public static func document(_ input: Input, language: ReportLanguage = .en) -> ReportDocument {
        let t = ReportText(language)
        let r = input.result
        func value(_ x: Double?) -> String { x.map { t.fixed($0, 3) } ?? t(.amendUndefined) }
        func points(_ x: Double) -> String { NumberFormat.exact(x) }
        var blocks: [ReportBlock] = [
            .paragraph([.text(t(input.edgeNames.isEmpty ? .amendIntro : .amendIntroEdges, ["grid": input.gridName, "count": t.count(input.applicants), "s_count": t.s(input.applicants), "attribute": input.attribute,
                                              "targets": r.targets.map(t.target).joined(separator: ", "),
                                              "evaluated_clause": t(t.isSingular(r.evaluated) ? .amendEvaluatedOne : .amendEvaluatedMany, ["evaluated": t.count(r.evaluated)]),
                                              "front_clause": t(t.isSingular(r.front.count) ? .amendFrontOne : .amendFrontMany, ["front": t.count(r.front.count)])]))]),
        ]
        if !input.edgeNames.isEmpty { blocks.append(.paragraph([.text(t(.amendEdgesAllowed))])) }
        // What can and cannot be reached.
        for (k, target) in r.targets.enumerated() {
            let best = r.bestReachable[k]
            if best.candidate.shortfalls[k] == 0 {
                blocks.append(.paragraph([.text(t(.amendReachable, ["target": t.target(target)]))]))
            } else {
                blocks.append(.paragraph([.strong([.text(t(.amendUnreachable, ["target": t.target(target), "value": value(best.value)]))])]))
            }
        }
        blocks.append(.paragraph([.text(t(.amendHonesty))]))
        // The linear surrogate: which proposal came from its seed, or why there is none.
        let focus = r.targets.indices.first { r.baseline.shortfalls[$0] > 0 } ?? 0
        let seedProposal = r.surrogate.steps.flatMap { seed in input.proposals.firstIndex { $0.candidate.steps == seed } }
        switch r.surrogate {
        case .seed(_, _, let total, _):
            let words: [String: String] = ["total": points(total), "target": t.target(r.targets[focus]), "n": seedProposal.map { String($0 + 1) } ?? ""]
            blocks.append(.paragraph([.text(t(seedProposal == nil ? .amendSurrogateDominated : .amendSurrogateProposal, words))]))
        case .infeasible: blocks.append(.paragraph([.text(t(.amendSurrogateInfeasible, ["target": t.target(r.targets[focus])]))]))
        case .noGap: blocks.append(.paragraph([.text(t(.amendSurrogateNoGap, ["target": t.target(r.targets[focus])]))]))
        case .failed(let reason): blocks.append(.paragraph([.text(t(.amendSurrogateFailed, ["reason": reason]))]))
        }
        for (i, p) in input.proposals.enumerated() {
            blocks.append(.heading(2, [.text(t(.amendProposal, ["n": String(i + 1), "file": input.files[i]]))], id: "proposal-\(i + 1)"))
            blocks.append(.paragraph([.text(t(p.candidate.meetsEveryTarget ? .amendMeets : .amendMisses))]))
            if i == seedProposal { blocks.append(.paragraph([.text(t(.amendFromSurrogate))])) }
            if p.changes.isEmpty && p.edgeChange == nil {
                blocks.append(.paragraph([.text(t(.amendNoChange))]))
            } else {
                var items: [[ReportInline]] = p.edgeChange.map { e in
                    [[.text(t(.amendMoveEdge, ["criterion": e.criterion, "from": points(e.before), "to": points(e.after)]))]]
                } ?? []
                items += p.changes.map { c in
                    let name = c.feature.map { "\(c.criterion) (\($0))" } ?? c.criterion
                    return [.text(t(c.after < c.before ? .amendLower : .amendRaise, ["criterion": name, "from": points(c.before), "to": points(c.after)]))]
                }
                blocks.append(.list(items))
            }
            var lines: [[ReportInline]] = []
            for (k, target) in r.targets.enumerated() {
                let v = p.targetValues[k]
                if let ci = v.interval {
                    lines.append([.text(t(.amendMetric, ["metric": t.targetMetric(target), "value": value(v.value), "low": t.fixed(ci.low, 3), "high": t.fixed(ci.high, 3)]))])
                } else {
                    lines.append([.text(t(.amendMetricNoInterval, ["metric": t.targetMetric(target), "value": value(v.value)]))])
                }
                if let holdout = input.holdout {
                    lines.append([.text(t(.amendHoldout, ["metric": t.targetMetric(target), "value": value(holdout[i][k])]))])
                }
            }
            lines.append([.text(t(.amendSummary, ["share": t.percent(p.changedShare), "changed": t.count(p.candidate.measure.changed),
                                                  "count": t.count(input.applicants), "total": points(p.totalChange),
                                                  "tau": p.kendallTau.map { t.fixed($0, 3) } ?? t(.amendUndefined)]))])
            blocks.append(.list(lines))
            let hidden = { (g: AmendmentProposal.GroupRow) in g.count < input.minCellSize }
            blocks.append(.table(ReportTable(
                caption: [.text(t(.amendGroupsCaption))],
                header: [[.text(t(.colGroup))], [.text(t(.colCount))], [.text(t(.amendColBefore))], [.text(t(.amendColAfter))],
                         [.text(t(.compareGridColGain))], [.text(t(.compareGridColLose))]],
                numeric: [false, true, true, true, true, true],
                rows: p.groups.filter { $0.count > 0 }.map { g in
                    let counts = hidden(g) ? ["—", "—", "—", "—"] : [g.selectedBefore, g.selectedAfter, g.gainers, g.losers].map(t.count)
                    return [[.label(g.group)], [.text(t.count(g.count))]] + counts.map { [.text($0)] }
                })))
            if p.groups.contains(where: hidden) {
                blocks.append(.paragraph([.text(t(.amendSuppressed, ["min": t.count(input.minCellSize)]))]))
            }
        }
        return ReportDocument(language: language, title: [.text(t(.amendTitle))], preamble: blocks)
    }

    /// `amend.md`.
    public static func markdown(_ input: Input, language: ReportLanguage = .en) -> String {
        MarkdownReport.render(document(input, language: language))
    }

    /// `amend.html`: the same document as `amend.md`, self-contained (no script, no request).
    public static func html(_ input: Input, language: ReportLanguage = .en) -> String {
        HTMLReport.render(document(input, language: language))
    }
}

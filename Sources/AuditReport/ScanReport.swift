import AuditMetrics
import Foundation

/// Renderers of `vigie scan` (``BiasScan``, `docs/scan.md`): `scan.csv`, and `scan.md` and
/// `scan.html` in English or French. Aggregates only: a cluster is shown only when it has at
/// least `min_cell_size` applicants inside and outside on the held-out half (``BiasScan``
/// tests no other); its description gives bounds and category labels, never a row.
public enum ScanReport {
    /// One scanned population and what the scan found in it.
    public struct Population: Sendable {
        /// `grid_selected`, `grid_not_selected` or `all`.
        public let name: String
        public let result: ScanResult
        /// The description of each reported cluster, in the order of `result.reported`.
        public let descriptions: [ClusterDescription]
        /// Whether the outcome is yes/no (means are shares).
        public let binary: Bool

        public init(name: String, result: ScanResult, descriptions: [ClusterDescription], binary: Bool) {
            self.name = name
            self.result = result
            self.descriptions = descriptions
            self.binary = binary
        }
    }

    /// What the renderers read.
    public struct Input: Sendable {
        /// The data file's name (no folder).
        public let dataName: String
        public let applicants: Int
        /// The grid's name and the decision column (nil when only the relative wait is scanned),
        /// or nil for an outcome column.
        public let grid: (name: String, decision: String?)?
        public let outcome: String?
        public let columns: [String]
        public let seed: UInt64
        public let alpha: Double
        public let minCellSize: Int
        /// The minimum cluster size asked for (`nil`: each population's default).
        public let minClusterSize: Int?
        public let populations: [Population]

        public init(dataName: String, applicants: Int, grid: (name: String, decision: String?)?, outcome: String?, columns: [String],
                    seed: UInt64, alpha: Double, minCellSize: Int, minClusterSize: Int? = nil, populations: [Population]) {
            self.minClusterSize = minClusterSize
            self.dataName = dataName
            self.applicants = applicants
            self.grid = grid
            self.outcome = outcome
            self.columns = columns
            self.seed = seed
            self.alpha = alpha
            self.minCellSize = minCellSize
            self.populations = populations
        }
    }

    public static let header = ["cluster", "population", "size", "description", "difference", "ci_low", "ci_high", "p_value", "p_adjusted"]

    /// `scan.csv`: one line per reported cluster, numbered from 1 across populations.
    /// `size`: its applicants in the held-out half; `difference`: its mean outcome minus the
    /// rest's (same population, held-out half), negative when worse; `ci_low`, `ci_high`: the
    /// 95 % interval (empty when undefined); `p_value` and `p_adjusted` (Bonferroni), never
    /// below 1e-300 (``PublishedPValue``). Text cells neutralised (``CSVText``).
    public static func csv(_ input: Input) -> String {
        var out = CSVText.line(header)
        var number = 0
        for population in input.populations {
            for (cluster, description) in zip(population.result.reported, population.descriptions) {
                number += 1
                let c = cluster.heldOut
                let cells = [String(number), CSVText.text(population.name), String(c.clusterSize), CSVText.text(plain(description)),
                             NumberFormat.exact(c.difference), c.interval.map { NumberFormat.exact($0.low) } ?? "",
                             c.interval.map { NumberFormat.exact($0.high) } ?? "",
                             c.pValue.map { NumberFormat.exact(PublishedPValue.bounded($0).value) } ?? "",
                             NumberFormat.exact(PublishedPValue.bounded(cluster.pAdjusted).value)]
                out += CSVText.line(cells)
            }
        }
        return out
    }

    /// A description as one language-neutral cell: `col in [a, b]`, `col >= a`, `col <= b`,
    /// `col in {A | B}`, joined by ` & `.
    public static func plain(_ d: ClusterDescription) -> String {
        d.conditions.map { c in
            switch c.kind {
            case .range(let low?, let high?): "\(c.feature) in [\(NumberFormat.exact(low)), \(NumberFormat.exact(high))]"
            case .range(let low?, nil): "\(c.feature) >= \(NumberFormat.exact(low))"
            case .range(nil, let high?): "\(c.feature) <= \(NumberFormat.exact(high))"
            case .range(nil, nil): c.feature
            case .categories(let values): "\(c.feature) in {\(values.joined(separator: " | "))}"
            }
        }.joined(separator: " & ")
    }

    /// A description in words: feature names and category labels as data labels (escaped, literal).
    static func words(_ d: ClusterDescription, _ t: ReportText) -> [ReportInline] {
        guard !d.conditions.isEmpty else { return [.text(t(.scanNoDescription))] }
        var runs: [ReportInline] = []
        for (i, c) in d.conditions.enumerated() {
            if i > 0 { runs.append(.text(t(.scanAnd))) }
            let feature = ReportInline.label(c.feature)
            switch c.kind {
            case .range(let low?, let high?):
                runs += t.runs(.scanRange, ["feature": feature, "low": .text(t.numbers.shortest(low)), "high": .text(t.numbers.shortest(high))])
            case .range(let low?, nil): runs += t.runs(.scanAtLeast, ["feature": feature, "low": .text(t.numbers.shortest(low))])
            case .range(nil, let high?): runs += t.runs(.scanAtMost, ["feature": feature, "high": .text(t.numbers.shortest(high))])
            case .range(nil, nil): runs.append(feature)
            case .categories(let values):
                var list: [ReportInline] = []
                for (k, v) in values.enumerated() {
                    if k > 0 { list.append(.text(t(.scanOr))) }
                    list.append(.label(v))
                }
                runs += t.runs(.scanCategories, ["feature": feature, "values": .span(list)])
            }
        }
        return runs
    }

    /// `scan.md` and `scan.html` as a document.
    public static func document(_ input: Input, language: ReportLanguage = .en) -> ReportDocument {
        let t = ReportText(language)
        let (preamble, sections) = parts(input, t, headingLevel: nil)
        return ReportDocument(language: language, title: [.text(t(.scanTitle))], preamble: preamble, sections: sections, contents: t(.navContents))
    }

    /// The audit report's section "Groups no one declared" (`vigie audit` with a `scan:`
    /// block), after the human decision: the same words as `scan.md`, one sub-heading per
    /// population.
    package static func section(_ input: Input, _ t: ReportText) -> ReportSection {
        let (preamble, sections) = parts(input, t, headingLevel: 3)
        var blocks = [ReportBlock.paragraph([.text(t(.scanAuditIntro))])] + preamble
        for s in sections {
            blocks.append(.heading(3, s.title, id: s.id))
            blocks += s.blocks
        }
        return ReportSection(id: "scan", title: [.text(t(.sectionScan))], blocks: blocks)
    }

    /// The introduction, method and limits, and one section per population.
    static func parts(_ input: Input, _ t: ReportText, headingLevel: Int?) -> (preamble: [ReportBlock], sections: [ReportSection]) {
        var blocks: [ReportBlock] = []
        let columns = input.columns.joined(separator: ", ")
        if let grid = input.grid {
            // The decision column as a code, which the spec's labels name (`ReportDocument.relabelled`).
            blocks.append(.paragraph(t.runs(.scanIntroGrid, ["data": .text(input.dataName), "count": .text(t.count(input.applicants)), "grid": .text(grid.name),
                                                             "decision": grid.decision.map { .label($0) } ?? .text("—"), "columns": .text(columns), "seed": .text(String(input.seed))])))
        } else {
            blocks.append(.paragraph([.text(t(.scanIntroOutcome, ["data": input.dataName, "count": t.count(input.applicants),
                                                                   "outcome": input.outcome ?? "", "columns": columns, "seed": String(input.seed)]))]))
        }
        blocks.append(.paragraph([.text(t(.scanMethod, ["alpha": t.numbers.shortest(input.alpha)]))]))
        blocks.append(.paragraph([.text(t(.scanLimits, ["min": t.count(input.minCellSize)]))]))
        var number = 0
        var sections: [ReportSection] = []
        for population in input.populations {
            let title: String
            switch population.name {
            case "grid_selected": title = t(.scanPopulationSelected)
            case "grid_not_selected": title = t(.scanPopulationNotSelected)
            case "allocated": title = t(.scanPopulationWait)
            default: title = t(.scanPopulationAll, ["outcome": input.outcome ?? ""])
            }
            var blocks: [ReportBlock] = []
            let r = population.result
            if population.name == "allocated" { blocks.append(.paragraph([.text(t(.scanWaitDefinition))])) }
            blocks.append(.paragraph([.text(t(.scanPopulationSummary, [
                "count": t.count(r.rows), "discovery": t.count(r.discoveryRows), "heldout": t.count(r.heldOutRows),
                "min": t.count(r.minimumClusterSize), "splits": t.count(r.splits), "candidates": t.count(r.candidates),
                "tested": t.count(r.clusters.count), "reported": t.count(r.reported.count),
            ]))]))
            if r.candidatesTooSmall > 0 {
                blocks.append(.paragraph(t.runs(.scanPopulationTooSmall, one: .scanPopulationTooSmallOne, count: r.candidatesTooSmall, ["count": .text(t.count(r.candidatesTooSmall)), "min": .text(t.count(input.minCellSize))])))
            }
            if r.reported.isEmpty { blocks.append(.paragraph([.text(t(.scanNone))])) }
            for (cluster, description) in zip(r.reported, population.descriptions) {
                number += 1
                let c = cluster.heldOut
                let share: (Double) -> String = { population.binary ? t.percent($0) : t.fixed($0, 2) }
                let gap: (Double) -> String = { population.binary ? t(.scanPoints, ["value": t.signed($0 * 100, 1)]) : t.signed($0, 2) }
                blocks.append(.heading((headingLevel ?? 3) + 1, t.runs(.scanCluster, ["n": .text(String(number)), "description": .span(words(description, t))]), id: nil))
                blocks.append(.paragraph([.text(t(.scanClusterFigures, [
                    "size": t.count(c.clusterSize), "inside": share(c.clusterMean), "rest": share(c.restMean), "difference": gap(c.difference),
                    "low": c.interval.map { gap($0.low) } ?? "—", "high": c.interval.map { gap($0.high) } ?? "—",
                    "p": c.pValue.map { pValue($0, t) } ?? "—", "adjusted": pValue(cluster.pAdjusted, t),
                ]))]))
                if !description.conditions.isEmpty {
                    blocks.append(.paragraph([.text(t(.scanClusterCoverage, ["coverage": t.percent(description.coverage, 0),
                                                                              "precision": t.percent(description.precision, 0)]))]))
                }
            }
            sections.append(ReportSection(id: "scan-\(population.name)", title: [.text(title)], blocks: blocks))
        }
        return (blocks, sections)
    }

    /// A p-value in words: `< 0.001` below a thousandth, else three decimals.
    static func pValue(_ p: Double, _ t: ReportText) -> String {
        p < 0.001 ? "< " + t.fixed(0.001, 3) : t.fixed(p, 3)
    }

    public static func markdown(_ input: Input, language: ReportLanguage = .en) -> String {
        MarkdownReport.render(document(input, language: language))
    }

    public static func html(_ input: Input, language: ReportLanguage = .en) -> String {
        HTMLReport.render(document(input, language: language))
    }
}

import AuditData
import AuditMetrics
import AuditReport
import Foundation

/// `vigie merge`: several data holders' statistics bundles audited as one population
/// (`docs/holders.md`).
///
/// The bundles must have been made with the same spec (the data file's name and CSV dialect
/// aside) by the same Vigie version; their categories are united (``HolderMerge``). The outputs
/// are those of `vigie audit` on the union of the rows — `metrics.csv` and `findings.csv`
/// equal to the pooled audit's — plus `holders.csv` (``HolderComparison``), all under the one
/// disclosure policy, written at once with a `manifest.json`.
public enum HolderMergeRun {
    /// The most bundles one merge takes (row counts stay far from overflow).
    public static let maximumBundles = 256

    /// What a merge computed.
    public struct Outcome {
        public let result: AuditResult
        public let comparison: HolderComparison
        public let files: [(name: String, data: Data)]
        /// The language of the reports (`--lang`, else the spec's `lang:`).
        public let language: ReportLanguage
    }

    /// Reads `paths`, merges them and writes the outputs into `outputDirectory`.
    /// - Parameters:
    ///   - mapping: per attribute, a holder's spelling → the united label.
    ///   - language: the reports' language (`vigie merge --lang`); `nil` keeps the bundles' spec's.
    @discardableResult
    public static func run(paths: [String], mapping: [String: [String: String]], outputDirectory: String, threads: Int, force: Bool,
                           language: ReportLanguage? = nil) throws -> Outcome {
        guard paths.count >= 2 else { throw HolderMergeError(.sentence(.holderTwoBundles, arguments: [:])) }
        guard paths.count <= maximumBundles else { throw HolderMergeError(.sentence(.holderTooMany, arguments: ["count": "\(paths.count)", "maximum": "\(maximumBundles)"])) }
        try ReportWriter.checkTarget(outputDirectory, force: force)
        let bundles = try paths.map(StatisticsBundleFile.read)
        var spec = try compatibleSpec(bundles, paths: paths)
        if let language { spec.report.language = language }
        var seen: [String: String] = [:]
        for (bundle, path) in zip(bundles, paths) {
            if let other = seen[bundle.statistics.holder] {
                throw HolderBundleError(file: path, message: "holder '\(bundle.statistics.holder)' is also the holder of \(other): give each holder its own name (vigie stats --holder NAME)")
            }
            seen[bundle.statistics.holder] = path
        }
        let merge = try HolderMerge(bundles.map(\.statistics), mapping: mapping)
        let first = bundles[0].statistics
        let warnings = bundles.flatMap { b in b.statistics.warnings.map { DataWarning.holder(name: b.statistics.holder, warning: .recorded($0)) } }
        let result = try Audit.run(statistics: merge.pooled, data: spec.data, analysis: spec.auditedAnalysis, hasLabel: first.hasLabel,
                                   hasDecision: first.hasDecision, weighted: first.weighted, warnings: warnings, threads: threads)
        let comparison = HolderComparison(merge, result: result, minimumCellSize: spec.analysis.minCellSize)
        let controlled = DisclosureControl.apply(to: result, minimumCellSize: spec.analysis.minCellSize)
        let files = try AuditPipeline.render(controlled, spec: spec) + [("holders.csv", Data(HoldersCSV.render(comparison, level: spec.analysis.inference.level).utf8))]
        try ReportWriter.write(files, to: outputDirectory, force: force, writtenBy: "merge")
        return Outcome(result: controlled, comparison: comparison, files: files, language: spec.report.language)
    }

    /// The spec the bundles share, the data file unnamed; an error naming the first bundle and
    /// the part of the spec that differs from the first bundle's, or a Vigie version that differs.
    static func compatibleSpec(_ bundles: [StatisticsBundleFile], paths: [String]) throws -> AuditSpec {
        func normalised(_ spec: AuditSpec) -> AuditSpec {
            var s = spec
            s.data.path = nil
            s.data.csv = AuditSpec().data.csv
            return s
        }
        let reference = normalised(bundles[0].spec)
        for (bundle, path) in zip(bundles, paths).dropFirst() {
            guard bundle.vigie.version == bundles[0].vigie.version else {
                throw HolderBundleError(file: path, message: "written by Vigie \(bundle.vigie.version), the first bundle by \(bundles[0].vigie.version): make every bundle with the same version")
            }
            let spec = normalised(bundle.spec)
            guard spec == reference else {
                let part = spec.data != reference.data ? "data columns (protected attributes, label, decision, score, weight)"
                    : spec.analysis != reference.analysis ? "analysis (reference, intersections, thresholds, inference)"
                    : spec.models != reference.models ? "decision models" : "report and system card"
                throw HolderBundleError(file: path, message: "made with another spec than \(paths[0]): its \(part) differ; make every bundle with the same spec file")
            }
        }
        return reference
    }
}

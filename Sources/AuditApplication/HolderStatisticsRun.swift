import AuditData
import AuditMetrics
import Foundation

/// `vigie stats`: one data holder's sufficient statistics, written as a bundle
/// (``StatisticsBundleFile``) for `vigie merge` (`docs/holders.md`). The rows never leave the
/// holder: the bundle holds counts and sums per group, no row and no identifier.
public enum HolderStatisticsRun {
    /// Checks that `spec` describes an audit computed exactly from grouped counts (merged from
    /// holders, or pushed down to a database): decisions and
    /// labels (and scores) per group, no decision model or allocation (their analyses need
    /// the rows), no quantile bands (their cut points need every holder's rows), no weighted
    /// bootstrap (it resamples rows).
    /// - Parameter what: the kind of audit asking, for the messages.
    public static func validateAuditableFromCounts(_ spec: AuditSpec, what: String = "a multi-holder audit merges") throws(SpecError) {
        try spec.validate()
        if spec.models.grid != nil || spec.models.tariff != nil || spec.models.drought != nil || spec.data.allocation != nil {
            let key = spec.models.grid != nil ? "model" : spec.models.tariff != nil ? "tariff" : spec.models.drought != nil ? "drought" : "allocation"
            // Text, not a named sentence: `what` (which audit reads counts) has variants, each a sentence of its own that the command line finds from the text.
            throw SpecError(key: key, message: "\(what) decisions, labels and scores per group; the analysis of a decision model or an allocation needs the rows, which it does not read: audit them from a file with `vigie audit`")
        }
        for (i, p) in spec.data.protected.enumerated() {
            if case .quantiles = p.binning {
                // Text, not a named sentence: `what` (which audit reads counts) has variants, each a sentence of its own that the command line finds from the text.
                throw SpecError(key: "protected[\(i)]", message: "'\(p.column)' is banded by quantiles, whose cut points depend on every row (\(what) grouped counts); give fixed edges (\(p.column):18,26,36,51,66)")
            }
        }
        if spec.data.weight != nil, spec.analysis.inference.bootstrapReplicates > 0 {
            // Text, not a named sentence: `what` (which audit reads counts) has variants, each a sentence of its own that the command line finds from the text.
            throw SpecError(key: "bootstrap", message: "a weighted audit's bootstrap resamples rows (\(what) grouped counts); use the analytic intervals (bootstrap: 0)")
        }
    }

    /// Reads the data of `spec`, computes its statistics and writes the bundle to `output`
    /// (all at once: nothing is written on failure). Returns what was written.
    /// - Parameters:
    ///   - holder: the holder's name in `holders.csv`; by default the data file's name without extension.
    ///   - force: replace a file at `output` that is not a statistics bundle.
    @discardableResult
    public static func run(spec: AuditSpec, holder: String?, output: String, threads: Int, force: Bool) throws -> StatisticsBundleFile {
        try validateAuditableFromCounts(spec)
        try checkTarget(output, force: force)
        guard let path = spec.data.path else { throw SpecError(key: "data", problem: .sentence(.specNoData, arguments: [:])) }
        try AuditPipeline.requireRegularFile(path)
        let (store, _) = try AuditPipeline.load(spec)
        let groupings = Grouping.all(for: store, order: spec.analysis.intersections)
        let statistics = AuditStatistics(store: store, groupings: groupings, threads: threads)
        let name = holder ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let content = try HolderStatistics(holder: name, statistics: statistics, hasLabel: store.label != nil, hasDecision: store.decision != nil,
                                           weighted: store.weight != nil, warnings: store.warnings.map(\.description))
        let hash = try SHA256Hashing.file(path)
        var recorded = spec
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        recorded.data.path = fileName
        let bundle = StatisticsBundleFile(spec: recorded, data: Manifest.Input(role: "data", path: nil, name: fileName, sha256: hash.sha256, bytes: hash.bytes),
                                          statistics: content)
        let bytes = try bundle.encoded()
        try AtomicFile.write(to: output) { try $0.write(contentsOf: bytes) }
        return bundle
    }

    /// Refuses, before any work, an output that is a folder, or a file that is not a
    /// statistics bundle (unless `force`).
    static func checkTarget(_ output: String, force: Bool) throws {
        switch POSIXFiles.kind(of: output) {
        case .absent: return
        case .folder: throw ReportWriterError(problem: .sentence(.holderBundleFolder, arguments: ["path": "\(output)"]))
        default:
            guard !force else { return }
            let handle = FileHandle(forReadingAtPath: output)
            let head = (try? handle?.read(upToCount: 64)) ?? nil
            try? handle?.close()
            guard let head, String(decoding: head, as: UTF8.self).hasPrefix("VIGIE STATISTICS BUNDLE") else {
                throw ReportWriterError(problem: .sentence(.holderBundleExists, arguments: ["path": "\(output)"]))
            }
        }
    }
}

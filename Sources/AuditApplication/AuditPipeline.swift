import AuditAssessment
import AuditReport
import AuditData
import AuditMetrics
import DecisionModels
import Foundation
import ModelAudit

/// The whole audit, as the command line runs it: load, compute, render, write.
/// Everything is computed and rendered in memory before the first byte is written, so a
/// failure leaves no partial output.
public enum AuditPipeline {
    /// The file names written into the output folder (`model-metrics.csv` too when the spec
    /// names a decision model, `scan.csv` when it has a `scan:` block).
    public static let files = ["report.json", "metrics.csv", "findings.csv", "report.md", "report.html"]

    /// Runs the audit described by `spec` and writes the reports into `outputDirectory`
    /// (``ReportWriter``: all at once, replacing the folder whole).
    /// - Parameters:
    ///   - specFile: the spec file `spec` was read from, if any, hashed into `manifest.json`.
    ///   - commandLine: the `vigie audit` arguments that give a spec, recorded in
    ///     `manifest.json` for the spec as recorded (the command line computes them: only it
    ///     knows its flags).
    ///   - knownHashes: inputs already hashed, by absolute path (`vigie verify` hashes them
    ///     before re-running); the others are hashed here, the data file while it loads.
    ///   - alongside: files rendered from the result and written with the reports, in the
    ///     same all-or-nothing step, outside the output folder and the manifest (`vigie audit
    ///     --junit`, `--summary-md`).
    ///   - force: replace `outputDirectory` even when it is not a Vigie output folder.
    public static func run(
        spec: AuditSpec, outputDirectory: String, threads: Int, progress: ((LoadProgress) -> Void)? = nil,
        specFile: String? = nil, commandLine: ((AuditSpec) -> [String]?)? = nil, knownHashes: [String: (sha256: String, bytes: Int)] = [:],
        force: Bool = false, alongside: (AuditResult) throws -> [(path: String, data: Data)] = { _ in [] }
    ) throws -> AuditResult {
        if let path = spec.data.path { try requireRegularFile(path) }
        // The data file's hash for the manifest is computed on the other core while it loads
        // (after it, on the same thread, with one thread).
        let hashing = spec.data.path.map(AuditSpec.absolute).flatMap {
            knownHashes[$0] == nil ? BackgroundHash(path: $0, concurrently: threads > 1) : nil
        }
        var store: ColumnStore
        let grid: PointsGrid?
        (store, grid) = try load(spec, threads: threads, progress: progress)
        let result = try compute(store: store, spec: spec, threads: threads)
        // The audit's score column is read by the audit alone (8 bytes a row).
        store.score = nil
        // The grid applied to the rows once, for the model audit and the scan: its design, then
        // (once the columns only the design read are released) the applicants' scores and
        // whom it selects.
        var design = try grid.map { try GridDesign(grid: $0, store: store).forgettingIdentifiers() }
        if let grid, design != nil { releaseDesignOnlyColumns(&store, grid: grid, spec: spec) }
        var outcome = try grid.flatMap { g in try design.map { try GridOutcome(design: $0, grid: g) } }
        let model: ModelAuditResult?, scan: ScanReport.Input?
        if threads > 1 && store.rowCount <= sideBySideRows {
            // The scan beside the model audit, on its own thread: neither reads what the other
            // computes, and each gives the same result on any number of threads (their passes
            // sum in fixed chunks), so running them side by side changes no byte. The model's
            // BLAS calls keep their own thread count.
            let scanning = BackgroundWork(concurrently: true) { [store, grid, design, outcome] in
                try computeScan(store: store, spec: spec, grid: grid, design: design, allocation: outcome?.allocation, threads: threads)
            }
            do {
                model = try computeModel(store: store, spec: spec, result: result, grid: grid, design: design, outcome: outcome, threads: threads)
            } catch {
                scanning.settle()
                throw error
            }
            scan = try scanning.wait()
        } else {
            // One after the other (one thread, or more rows than `sideBySideRows`): the scan
            // once the model audit's buffers are gone, with what it reads alone — the grid's
            // selection, the decision and the scanned columns.
            model = try computeModel(store: store, spec: spec, result: result, grid: grid, design: design, outcome: outcome, threads: threads)
            let scanRun = ScanRun(audit: spec)
            let allocation = outcome?.allocation
            outcome = nil
            if !(scanRun?.relativeWait ?? false) {
                design = nil
                store.dates = [:]
            }
            scan = try computeScan(store: store, spec: spec, grid: grid, design: design, allocation: allocation, threads: threads)
        }
        // Provenance (docs/provenance.md): the inputs' SHA-256, shown on the report's first
        // page, then manifest.json, written in the same atomic call.
        var known = knownHashes
        if let hashing { known[hashing.path] = try hashing.wait() }
        let inputs = try Manifest.reportInputs(spec: spec, known: &known)
        let reports = try render(result, model: model, scan: scan, spec: spec, inputs: inputs)
        try ReportWriter.write(reports, to: outputDirectory, force: force, alongside: try alongside(result)) { written in
            try Manifest.make(spec: spec, specFile: specFile, commandLine: commandLine, outputs: written, folder: outputDirectory, known: known).encoded()
        }
        return result
    }

    /// The most applicants for which the scan runs beside the model audit (with more than one
    /// thread): both phases' buffers then meet at the memory's peak — about 120 bytes an
    /// applicant together, 1.2 GB at 10 million (issue 21). Beyond, they run one after the
    /// other: the same outputs, byte for byte, each phase's buffers alone at the peak. At a
    /// million applicants side by side saves about a second of the demo's 4.
    public static let sideBySideRows = 2_000_000

    /// Releases what only the audit and the grid's design read, before the model audit and the
    /// scan (about 50 MB at 1M applicants, 0.5 GB at 10M): the applicants' ids (the grid's
    /// tie-break, now `design.tieRank`), the number columns (the grid's criteria, tie-break keys
    /// and capacity, now in the design; the audit's, already audited) and the categories other
    /// than the grid's `segment_by` columns (which the human stage checks) and the scanned
    /// columns. With a grid, the scan's outcome is the decision, a yes/no column, never a
    /// number. What the model audit and the scan read otherwise — the protected attributes,
    /// the label, the decision, the dates — stays. The model audit and the scan must then be
    /// given the design and the outcome (`computeModel`, `computeScan`): without them they would
    /// build the design again from the store, whose grid columns are gone.
    static func releaseDesignOnlyColumns(_ store: inout ColumnStore, grid: PointsGrid, spec: AuditSpec) {
        store.identifiers = [:]
        store.numbers = [:]
        let read = Set(grid.segmentBy + (ScanRun(audit: spec)?.columns ?? []))
        store.categories = store.categories.filter { read.contains($0.key) }
    }

    /// Refuses a data file that is not a regular file, before it is opened: the audit reads it
    /// twice (to audit it, and to hash it for `manifest.json`), which a pipe (`--data <(…)`,
    /// a named pipe) cannot give, and a named pipe with no writer would wait for ever.
    static func requireRegularFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }  // a missing file: the reader's error
        let kind = info.st_mode & S_IFMT
        guard kind != S_IFREG else { return }
        let what = kind == S_IFIFO ? "a pipe" : kind == S_IFDIR ? "a folder" : kind == S_IFCHR || kind == S_IFBLK ? "a device" : "a special file"
        throw CSVError(file: path, line: nil, column: nil, columnName: nil,
                       problem: .sentence(.dataNotRegular, arguments: ["what": "\(what)"]))
    }

    /// Reads everything the audit of `spec` needs, once: the spec is checked, the decision
    /// model read (when the spec names one), then the data file read in one pass into one
    /// store holding every column the audit, the allocation audit and the model audit use
    /// (`AuditSpec.columnRequests`, `ModelAudit.columnRequests`), on `threads` threads (`nil`:
    /// one per core; the store is the same whatever the number: `DataLoader`).
    public static func load(_ spec: AuditSpec, threads: Int? = nil, progress: ((LoadProgress) -> Void)? = nil) throws -> (store: ColumnStore, grid: PointsGrid?) {
        try spec.validate()
        var grid: PointsGrid?
        var requests = spec.columnRequests
        if let model = spec.models.grid {
            let points = try PointsGrid.load(path: model.path)
            requests += ModelAudit.columnRequests(model: model, grid: points)
            grid = points
        }
        if let scan = ScanRun(audit: spec) {
            try scan.check(grid: grid)
            requests += scan.columnRequests()
        }
        guard let path = spec.data.path else { throw SpecError(key: "data", problem: .sentence(.specNoData, arguments: [:])) }
        let store = try DataLoader.load(path: path, dialect: spec.data.csv, requests: requests, threads: threads, progress: progress)
        return (store, grid)
    }

    /// The audit's central table as every output shows it: the audit, the allocation audit,
    /// then disclosure control (before anything is rendered, so every output is controlled).
    public static func compute(store: ColumnStore, spec: AuditSpec, threads: Int) throws -> AuditResult {
        var result = try Audit.run(store: store, data: spec.data, analysis: spec.auditedAnalysis, threads: threads)
        result.setAllocation(try AllocationPipeline.run(store: store, result: result, models: spec.models, threads: threads))
        return DisclosureControl.apply(to: result, minimumCellSize: spec.analysis.minCellSize)
    }

    /// The audit of the decision model itself, when the spec names one (`ModelAudit`); its
    /// groups inherit the audit's disclosure control.
    /// `grid` is the spec's model as `load(_:progress:)` read it, and `store` was read with its columns.
    /// `design`: the grid applied to `store` (`GridDesign(grid:store:)`), `outcome` its scores and
    /// selection (`GridOutcome(design:grid:)`), when the caller has them — required once the
    /// store's design-only columns are released (`releaseDesignOnlyColumns`).
    public static func computeModel(store: ColumnStore, spec: AuditSpec, result: AuditResult, grid: PointsGrid?, design: GridDesign? = nil,
                                    outcome: GridOutcome? = nil, threads: Int = 1) throws -> ModelAuditResult? {
        guard let grid, let model = spec.models.grid else { return nil }
        return try ModelAudit.run(model: model, grid: grid, store: store, audit: result, design: design, outcome: outcome, threads: threads)
    }

    /// The scan for groups no one declared, when the spec has a `scan:` block (``ScanRun``,
    /// `docs/scan.md`), on the rows of `store` (read with its requests); its disclosure
    /// threshold is the spec's `min_cell_size`.
    /// `design`: the grid applied to `store`, `outcome` its scores and selection, when the caller has them.
    public static func computeScan(store: ColumnStore, spec: AuditSpec, grid: PointsGrid?, design: GridDesign? = nil, allocation: GridAllocationResult? = nil,
                                   threads: Int = 1) throws -> ScanReport.Input? {
        guard let scan = ScanRun(audit: spec) else { return nil }
        let name = spec.data.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "data"
        return try scan.scan(store: store, grid: grid, design: design, allocation: allocation, dataName: name, threads: threads)
    }

    /// The report files of a result, rendered in the language of `spec`'s report part.
    /// `inputs`: the input files as the manifest records them, named with their SHA-256 on the
    /// reports' first page (none: no provenance line).
    public static func render(_ result: AuditResult, model: ModelAuditResult? = nil, scan: ScanReport.Input? = nil, spec: AuditSpec, inputs: [ReportInput] = []) throws -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = [
            ("report.json", try ReportJSON.render(result, model: model, scan: scan, report: spec.report, models: spec.models)),
            ("metrics.csv", Data(MetricsCSV.render(result).utf8)),
            ("findings.csv", Data(FindingsCSV.render(result).utf8)),
        ]
        if let model { files.append(("model-metrics.csv", Data(ModelMetricsCSV.render(model).utf8))) }
        if let scan { files.append(("scan.csv", Data(ScanReport.csv(scan).utf8))) }
        return files + human(result, model: model, scan: scan, report: spec.report, inputs: inputs)
    }

    /// `report.md` and `report.html`, built from one document in the spec's language.
    static func human(_ result: AuditResult, model: ModelAuditResult? = nil, scan: ScanReport.Input? = nil, report: ReportSpec, inputs: [ReportInput] = []) -> [(name: String, data: Data)] {
        var document = ReportBuilder(result, model: model, scan: scan, report: report).document()
        if let line = ReportBuilder.provenance(inputs, language: report.language) { document.subtitle.append(line) }
        return [
            ("report.md", Data(MarkdownReport.render(document).utf8)),
            ("report.html", Data(HTMLReport.render(document).utf8)),
        ]
    }
}

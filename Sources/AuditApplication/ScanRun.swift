import AuditData
import AuditMetrics
import AuditReport
import DecisionModels
import Foundation

/// What `vigie scan` runs (`docs/scan.md`), and `vigie audit` with a `scan:` block: read the
/// applicants once (the scanned columns, the decision or outcome, the grid's columns), build the
/// scanned populations and their outcome, run ``BiasScan`` on each, describe the reported
/// clusters (``scan(store:grid:dataName:)``); `vigie scan` then renders `scan.csv`, `scan.md`
/// and `scan.html` and writes them with `manifest.json` all at once, or nothing.
///
/// **Populations and outcome** (higher = better for the applicant, so "worse" is always a
/// negative difference):
/// - with a grid and the actual decision: the grid is run (scores, allocation under its
///   capacities and tie-break); `grid_selected` are the applicants it selects, with outcome 1
///   when the decision kept them (a cluster is worse when the commission drops more of its
///   members); `grid_not_selected` the others, with outcome 1 when the decision added them (a
///   cluster is worse when the commission adds fewer of its members);
/// - without a grid: every applicant (`all`), with the declared outcome column.
public struct ScanRun {
    public var data: DataSpec
    public var gridPath: String?
    /// The actual decision (yes/no), with a grid.
    public var decision: String?
    /// The outcome column (a number, higher = better), without a grid.
    public var outcome: String?
    public var columns: [String]
    public var seed: UInt64
    public var minCellSize: Int
    public var minClusterSize: Int?
    public var alpha: Double
    public var language: ReportLanguage
    /// The protected attributes, which `columns` may name only when `allowProtected`.
    public var protected: [String] = []
    public var allowProtected = false
    /// How errors name the settings: the flags (`--on`) or the spec's keys (`scan.on`).
    public var keys: Keys = .flags

    /// The names of the settings in errors.
    public enum Keys: Sendable {
        case flags, spec
        func name(_ flag: String) -> String {
            switch self {
            case .flags: "--" + flag
            case .spec: "scan." + flag.replacingOccurrences(of: "-", with: "_")
            }
        }
    }

    /// A categorical scanned column may have at most this many values.
    public static let maximumCategories = 50

    public init(data: DataSpec, gridPath: String?, decision: String?, outcome: String?, columns: [String], seed: UInt64,
                minCellSize: Int, minClusterSize: Int?, alpha: Double = 0.05, language: ReportLanguage) {
        self.data = data
        self.gridPath = gridPath
        self.decision = decision
        self.outcome = outcome
        self.columns = columns
        self.seed = seed
        self.minCellSize = minCellSize
        self.minClusterSize = minClusterSize
        self.alpha = alpha
        self.language = language
    }

    /// Checks the arguments before any file is read.
    public func validate() throws(SpecError) {
        guard data.path != nil else { throw SpecError(key: "--data", message: "no data file: give --data FILE") }
        guard !columns.isEmpty else { throw SpecError(key: "--on", message: "give at least one column to scan on: --on COLUMN") }
        var seen = Set<String>()
        for c in columns where !seen.insert(c).inserted { throw SpecError(key: "--on", message: "column '\(c)' is given twice") }
        for c in columns where !allowProtected && protected.contains(c) {
            throw SpecError(key: "--on", message: "'\(c)' is a protected attribute (--protected): the scan looks for groups no one declared; to scan on it all the same, add --allow-protected")
        }
        if gridPath != nil {
            guard let decision else { throw SpecError(key: "--decision", message: "with --model, give the actual decision column: --decision COLUMN") }
            guard outcome == nil else { throw SpecError(key: "--outcome", message: "give either --model with --decision, or --outcome, not both") }
            guard !columns.contains(decision) else { throw SpecError(key: "--on", message: "'\(decision)' is the decision: it cannot also be scanned on") }
        } else {
            guard let outcome else { throw SpecError(key: "--outcome", message: "give a grid and the decision (--model GRID --decision COLUMN) or an outcome column (--outcome COLUMN)") }
            guard decision == nil else { throw SpecError(key: "--decision", message: "--decision needs --model GRID (without a grid, give --outcome COLUMN)") }
            guard !columns.contains(outcome) else { throw SpecError(key: "--on", message: "'\(outcome)' is the outcome: it cannot also be scanned on") }
        }
        guard minCellSize >= 1 else { throw SpecError(key: "--min-cell-size", message: "expected at least 1, found \(minCellSize)") }
        if let m = minClusterSize, m < minCellSize {
            throw SpecError(key: "--min-cluster-size", message: "expected at least the disclosure threshold \(minCellSize), found \(m)")
        }
        guard alpha > 0, alpha < 1 else { throw SpecError(key: "--alpha", message: "expected a number between 0 and 1, found \(alpha)") }
    }

    /// The rendered files (without the manifest) and the report's input.
    public func render() throws -> (files: [ReportWriter.File], report: ScanReport.Input) {
        try validate()
        guard let path = data.path else { throw SpecError(key: "--data", message: "no data file: give --data FILE") }
        let grid = try gridPath.map { try PointsGrid.load(path: $0) }
        try check(grid: grid)
        var requests = columnRequests()
        if let grid, let decision {
            requests += grid.columnRequests + [ColumnRequest(decision, .decision(.standard), reader: keys.name("decision"))]
        }
        let store = try DataLoader.load(path: path, dialect: data.csv, requests: requests)
        let input = try scan(store: store, grid: grid, dataName: URL(fileURLWithPath: path).lastPathComponent)
        let files: [ReportWriter.File] = [
            ("scan.csv", Data(ScanReport.csv(input).utf8)),
            ("scan.md", Data(ScanReport.markdown(input, language: language).utf8)),
            ("scan.html", Data(ScanReport.html(input, language: language).utf8)),
        ]
        return (files, input)
    }

    /// Refuses a grid that selects no one (no allocation rule): the scan compares the decision with its selection.
    public func check(grid: PointsGrid?) throws(SpecError) {
        if let grid, grid.allocation == nil {
            throw SpecError(key: keys == .flags ? "--model" : "model", message: "grid '\(grid.name)' declares no allocation rule: the scan compares the decision with the grid's selection")
        }
    }

    /// The store requests of the scanned columns and of the outcome column (the decision and
    /// the grid's columns are the caller's: `vigie audit` reads them for the audit).
    public func columnRequests() -> [ColumnRequest] {
        var requests = columns.map { ColumnRequest($0, .category, reader: keys.name("on")) }
        if let outcome {
            let rule = NumberRule(missing: .refused { "the outcome '\(outcome)' must have a value on every row, found '\($0)'" },
                                  notANumber: { "expected a number (the outcome '\(outcome)', higher is better), found '\($0)'" })
            requests.append(ColumnRequest(outcome, .number(rule), reader: keys.name("outcome")))
        }
        return requests
    }

    /// Scans the applicants of `store` (read with ``columnRequests()``, the grid's columns and
    /// the decision as `store.decision`): the populations, ``BiasScan`` on each, the descriptions.
    public func scan(store: ColumnStore, grid: PointsGrid?, dataName: String) throws -> ScanReport.Input {
        let features = try columns.map { try feature($0, store: store) }
        let n = store.rowCount

        var populations: [(name: String, rows: [Int], outcome: [Double], binary: Bool)] = []
        if let grid, let decisionColumn = decision {
            guard let decided = store.decision else { throw SpecError(key: keys.name("decision"), message: "the decision column '\(decisionColumn)' was not read") }
            let design = try GridDesign(grid: grid, store: store)
            let allocation = try GridAllocation.allocate(scores: try design.scores(), design: design)
            let selected = (0..<n).filter { allocation.isSelected($0) }
            let others = (0..<n).filter { !allocation.isSelected($0) }
            populations.append(("grid_selected", selected, selected.map { Double(decided[$0]) }, true))
            populations.append(("grid_not_selected", others, others.map { Double(decided[$0]) }, true))
        } else if let outcome, let values = store.numbers[outcome] {
            populations.append(("all", Array(0..<n), values, values.allSatisfy { $0 == 0 || $0 == 1 }))
        }

        var scanned: [ScanReport.Population] = []
        for (index, p) in populations.enumerated() {
            let x = try ScanFeatureMatrix(features: features, rows: p.rows)
            let options = BiasScan.Options(seed: seed, stream: UInt64(index), minimumClusterSize: minClusterSize,
                                           minimumCellSize: minCellSize, alpha: alpha)
            let result = try BiasScan.run(x.matrix, outcome: p.outcome, binary: p.binary, options: options)
            let descriptions = result.reported.map { cluster in
                ClusterDescription.describe(features: features, rows: p.rows, isMember: result.leafOfRow.map { $0 == cluster.node })
            }
            scanned.append(ScanReport.Population(name: p.name, result: result, descriptions: descriptions, binary: p.binary))
        }
        return ScanReport.Input(dataName: dataName, applicants: n,
                                grid: grid.map { ($0.name, decision ?? "") }, outcome: outcome, columns: columns,
                                seed: seed, alpha: alpha, minCellSize: minCellSize, minClusterSize: minClusterSize, populations: scanned)
    }

    /// A scanned column as a number (every value that is not missing reads as a number, with
    /// the dialect's decimal mark) or a category (at most ``maximumCategories`` values).
    func feature(_ column: String, store: ColumnStore) throws -> ScanFeature {
        guard let coded = store.categories[column] else { throw SpecError(key: keys.name("on"), message: "column '\(column)' was not read") }
        let numbers: [Double?] = coded.groups.indices.map { code in
            if UInt32(code) == coded.unknownCode { return .nan }
            var text = coded.groups[code].trimmingCharacters(in: .whitespaces)
            if data.csv.decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
            guard let x = Double(text), x.isFinite, abs(x) <= NumberRule.largestMagnitude else { return nil }
            return x
        }
        if numbers.allSatisfy({ $0 != nil }), numbers.contains(where: { !($0?.isNaN ?? true) }) {
            let byCode = numbers.map { $0 ?? .nan }
            return ScanFeature(name: column, values: .numeric(coded.codes.map { byCode[Int($0)] }))
        }
        let distinct = coded.groups.count - (coded.unknownCode == nil ? 0 : 1)
        guard distinct <= Self.maximumCategories else {
            let firstText = numbers.firstIndex { $0 == nil } ?? 0
            let row = coded.firstRows[firstText]
            throw store.error(row: row, column: column,
                              "the scanned column has \(distinct) distinct values and this one is not a number: expected numbers, or a category of at most \(Self.maximumCategories) values")
        }
        return ScanFeature(name: column, values: .categorical(codes: coded.codes, labels: coded.groups, missing: coded.unknownCode))
    }

    /// Renders, then writes every file and `manifest.json` into `folder` at once, or nothing.
    public func write(to folder: String, force: Bool, command: [String]) throws -> ScanReport.Input {
        let (files, input) = try render()
        var inputs: [(role: String, path: String)] = []
        if let gridPath { inputs.append(("model", gridPath)) }
        if let path = data.path { inputs.append(("data", path)) }
        try ReportWriter.write(files, to: folder, force: force) { written in
            try AmendmentManifest.make(inputs: inputs, command: command, outputs: written, folder: folder, writtenBy: "scan").encoded()
        }
        return input
    }
}

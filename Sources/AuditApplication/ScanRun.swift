import AuditData
import AuditMetrics
import AuditReport
import DecisionModels
import Foundation
import ModelAudit

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
/// - with a grid and its dates, when `relativeWait`: the allocated applicants (`allocated`), with
///   their wait relative to applicants of similar score (``RelativeWait``: the median wait of
///   the allocated applicants of their stratum of the grid's order minus their own, in months);
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
    /// With a grid and its dates: also scan the allocated applicants on their relative wait.
    public var relativeWait = false
    /// The date columns (else the grid's `dates:`) and the censoring date, for `relativeWait`.
    public var applicationDate: String?
    public var allocationDate: String?
    public var asOf: String?
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
        guard data.path != nil else { throw SpecError(key: "--data", problem: .sentence(.cliNoDataFile, arguments: [:])) }
        guard !columns.isEmpty else { throw SpecError(key: "--on", problem: .sentence(.scanOnOption, arguments: [:])) }
        var seen = Set<String>()
        for c in columns where !seen.insert(c).inserted { throw SpecError(key: "--on", problem: .sentence(.specColumnGivenTwice, arguments: ["column": "\(c)"])) }
        for c in columns where !allowProtected && protected.contains(c) {
            throw SpecError(key: "--on", problem: .sentence(.scanProtectedOption, arguments: ["column": "\(c)"]))
        }
        if gridPath != nil {
            guard decision != nil || relativeWait else {
                throw SpecError(key: "--decision", problem: .sentence(.scanModelDecision, arguments: [:]))
            }
            guard outcome == nil else { throw SpecError(key: "--outcome", problem: .sentence(.scanModelOrOutcome, arguments: [:])) }
            if let decision, columns.contains(decision) { throw SpecError(key: "--on", problem: .sentence(.scanIsDecision, arguments: ["column": "\(decision)"])) }
            if (applicationDate == nil) != (allocationDate == nil) {
                throw SpecError(key: "--application-date", problem: .sentence(.scanBothDates, arguments: [:]))
            }
            if let asOf, ISODate.days(asOf) == nil { throw SpecError(key: "--as-of", problem: .sentence(.specDate, arguments: ["found": "\(asOf)"])) }
        } else {
            guard !relativeWait else { throw SpecError(key: "--relative-wait", problem: .sentence(.scanNeedsGridDates, arguments: [:])) }
            guard let outcome else { throw SpecError(key: "--outcome", problem: .sentence(.scanNeedsGridDecision, arguments: [:])) }
            guard decision == nil else { throw SpecError(key: "--decision", problem: .sentence(.scanDecisionNeedsModel, arguments: [:])) }
            guard !columns.contains(outcome) else { throw SpecError(key: "--on", problem: .sentence(.scanIsOutcome, arguments: ["column": "\(outcome)"])) }
        }
        guard minCellSize >= 1 else { throw SpecError(key: "--min-cell-size", problem: .sentence(.cliAtLeastOneBare, arguments: ["found": "\(minCellSize)"])) }
        if let m = minClusterSize, m < minCellSize {
            throw SpecError(key: "--min-cluster-size", problem: .sentence(.scanClusterOption, arguments: ["threshold": "\(minCellSize)", "found": "\(m)"]))
        }
        guard alpha > 0, alpha < 1 else { throw SpecError(key: "--alpha", problem: .sentence(.specBetweenZeroOne, arguments: ["found": "\(alpha)"])) }
    }

    /// The rendered files (without the manifest) and the report's input.
    public func render() throws -> (files: [ReportWriter.File], report: ScanReport.Input) {
        try validate()
        guard let path = data.path else { throw SpecError(key: "--data", problem: .sentence(.cliNoDataFile, arguments: [:])) }
        let grid = try gridPath.map { try PointsGrid.load(path: $0) }
        try check(grid: grid)
        var requests = columnRequests()
        if let grid {
            requests += grid.columnRequests
            if let decision { requests.append(ColumnRequest(decision, .decision(.standard), reader: keys.name("decision"))) }
            if relativeWait {
                let (a, b) = try dateColumns(grid: grid)
                requests += WaitingDates.columnRequests(application: a, allocation: b)
            }
        }
        let store = try DataLoader.load(path: path, dialect: data.csv, requests: requests)
        let input = try scan(store: store, grid: grid, dataName: URL(fileURLWithPath: path).lastPathComponent,
                             threads: ProcessInfo.processInfo.activeProcessorCount)
        let files: [ReportWriter.File] = [
            ("scan.csv", Data(ScanReport.csv(input).utf8)),
            ("scan.md", Data(ScanReport.markdown(input, language: language).utf8)),
            ("scan.html", Data(ScanReport.html(input, language: language).utf8)),
        ]
        return (files, input)
    }

    /// Refuses a grid that selects no one (no allocation rule): the scan compares the decision
    /// with its selection; and a relative wait without dates.
    public func check(grid: PointsGrid?) throws(SpecError) {
        if let grid, grid.allocation == nil {
            throw SpecError(key: keys == .flags ? "--model" : "model", problem: .sentence(.scanNoAllocation, arguments: ["name": "\(grid.name)"]))
        }
        if let grid, relativeWait { _ = try dateColumns(grid: grid) }
    }

    /// The application and allocation date columns of the relative wait: the given ones, else the grid's `dates:`.
    public func dateColumns(grid: PointsGrid) throws(SpecError) -> (String, String) {
        guard let a = applicationDate ?? grid.dates?.application, let b = allocationDate ?? grid.dates?.allocation else {
            throw SpecError(key: keys.name("relative-wait"), message: keys == .flags
                ? "needs the application and allocation dates: --application-date COL --allocation-date COL, or dates: in the grid"
                : "needs the application and allocation dates: model: {application_date, allocation_date}, or dates: in the grid")
        }
        return (a, b)
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
    /// The k-means passes run on `threads` threads; the results do not depend on it. `design`:
    /// the grid applied to `store` (`GridDesign(grid:store:)`), and `allocation` whom it selects
    /// (`GridOutcome(design:grid:)`), when the caller has them; the design is read only for the
    /// relative wait's score strata, or to allocate when `allocation` is not given.
    public func scan(store: ColumnStore, grid: PointsGrid?, design prepared: GridDesign? = nil, allocation selection: GridAllocationResult? = nil,
                     dataName: String, threads: Int = 1) throws -> ScanReport.Input {
        let features = try columns.map { try feature($0, store: store) }
        let n = store.rowCount

        // Each population: its rows and the outcome at each of its positions (read from the
        // store's columns when scanned, not written out per applicant).
        var populations: [(name: String, rows: [Int32], outcome: (Int) -> Double, binary: Bool)] = []
        if let grid {
            var built = prepared
            func design() throws -> GridDesign {
                if let built { return built }
                let d = try GridDesign(grid: grid, store: store)
                built = d
                return d
            }
            let allocation = try selection ?? GridAllocation.allocate(scores: try design().scores(), design: try design())
            if let decisionColumn = decision {
                guard let decided = store.decision else { throw SpecError(key: keys.name("decision"), problem: .sentence(.scanDecisionNotRead, arguments: ["column": "\(decisionColumn)"])) }
                // The rows of each side as 4-byte indices (40 MB at 10M applicants, not 80).
                var selected: [Int32] = [], others: [Int32] = []
                let selectedCount = allocation.selectedCount()
                selected.reserveCapacity(selectedCount)
                others.reserveCapacity(n - selectedCount)
                for i in 0..<n {
                    if allocation.isSelected(i) { selected.append(Int32(i)) } else { others.append(Int32(i)) }
                }
                populations.append(("grid_selected", selected, { [selected] in Double(decided[Int(selected[$0])]) }, true))
                populations.append(("grid_not_selected", others, { [others] in Double(decided[Int(others[$0])]) }, true))
            }
            if relativeWait {
                let (a, b) = try dateColumns(grid: grid)
                let waiting = try WaitingDates(store: store, application: a, allocation: b, asOf: asOf)
                let strata = HumanStage.scoreStrata(design: try design(), allocation: allocation)
                let relative = RelativeWait.compute(strata: strata, months: waiting.months, allocated: waiting.allocated)
                let outcome = relative.outcome
                populations.append(("allocated", relative.rows.map { Int32($0) }, { outcome[$0] }, false))
            }
        } else if let outcome, let values = store.numbers[outcome] {
            populations.append(("all", Array(0..<Int32(clamping: n)), { values[$0] }, values.allSatisfy { $0 == 0 || $0 == 1 }))
        }

        var scanned: [ScanReport.Population] = []
        for (index, p) in populations.enumerated() {
            // The population's encoding; the points of each half built when the scan needs them.
            let encoding = ScanEncoding(features: features, rows: p.rows)
            let options = BiasScan.Options(seed: seed, stream: UInt64(index), minimumClusterSize: minClusterSize,
                                           minimumCellSize: minCellSize, alpha: alpha, threads: threads)
            let result = try BiasScan.run(count: p.rows.count, outcome: p.outcome, binary: p.binary, options: options) { encoding.points(at: $0) }
            // One description per reported cluster, each on its own (on `threads` workers).
            let reported = result.reported, rows = p.rows, leafOfRow = result.leafOfRow
            let slots = DescriptionSlots(count: reported.count)
            let described = reported.isEmpty ? nil : ClusterDescription.Population(features: features, rows: rows)
            let workers = max(1, min(threads, reported.count))
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for c in stride(from: w, to: reported.count, by: workers) {
                    let node = reported[c].node
                    slots.set(c, ClusterDescription.describe(described!, isMember: leafOfRow.map { $0 == node }))
                }
            }
            let descriptions = slots.values
            scanned.append(ScanReport.Population(name: p.name, result: result, descriptions: descriptions, binary: p.binary))
        }
        return ScanReport.Input(dataName: dataName, applicants: n,
                                grid: grid.map { ($0.name, decision) }, outcome: outcome, columns: columns,
                                seed: seed, alpha: alpha, minCellSize: minCellSize, minClusterSize: minClusterSize, populations: scanned)
    }

    /// A scanned column as a number (every value that is not missing reads as a number, with
    /// the dialect's decimal mark) or a category (at most ``maximumCategories`` values).
    func feature(_ column: String, store: ColumnStore) throws -> ScanFeature {
        guard let coded = store.categories[column] else { throw SpecError(key: keys.name("on"), problem: .sentence(.scanColumnNotRead, arguments: ["column": "\(column)"])) }
        let numbers: [Double?] = coded.groups.indices.map { code in
            if UInt32(code) == coded.unknownCode { return .nan }
            var text = Self.trimmingBlanks(coded.groups[code])
            if data.csv.decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
            guard let x = Double(text), x.isFinite, abs(x) <= NumberRule.largestMagnitude else { return nil }
            return x
        }
        if numbers.allSatisfy({ $0 != nil }), numbers.contains(where: { !($0?.isNaN ?? true) }) {
            let byCode = numbers.map { $0 ?? .nan }
            return ScanFeature(name: column, values: .numericByCode(codes: coded.codes, values: byCode))
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

    /// `text` without the blanks at its ends (`trimmingCharacters(in: .whitespaces)`: tab
    /// and the space separators, Unicode's `Zs`), without Foundation when both ends are ASCII
    /// and not blank — what a number looks like, and a scanned column may have hundreds of
    /// thousands of distinct values (an income).
    static func trimmingBlanks(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last,
           first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
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

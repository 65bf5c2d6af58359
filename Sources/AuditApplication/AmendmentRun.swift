import AuditData
import AuditMetrics
import AuditReport
import DecisionModels
import Foundation

/// What `vigie amend` runs (`docs/amend.md`): load the grid and the applicants once, search
/// (``GridAmendment``), re-evaluate the proposals in full, measure them on the holdout file,
/// render `proposals.csv`, `proposal-N.yaml`, `amend.md` and `amend.html`, and write them with their
/// manifest all at once, or nothing.
public struct AmendmentRun {
    public var gridPath: String
    /// The data file, CSV dialect and protected attribute (exactly one) of the spec's data part.
    public var data: DataSpec
    public var reference: String?
    public var targets: [AmendmentTarget]
    public var constraints: AmendmentConstraints
    public var options: GridAmendment.Options
    public var holdoutPath: String?
    public var minGroupSize: Int
    public var minCellSize: Int
    public var proposals: Int
    public var language: ReportLanguage
    /// `--allow band-edges`: the search may move band edges (``AmendmentEdges``).
    public var allowBandEdges: Bool = false
    /// The spec's `system.mandated_priorities`: when one is the protected attribute, impact
    /// ratios honour it as the audit's do (``AmendmentGroups/priorities``).
    public var mandatedPriorities: [MandatedPriority] = []

    public init(gridPath: String, data: DataSpec, reference: String?, targets: [AmendmentTarget], constraints: AmendmentConstraints,
                options: GridAmendment.Options, holdoutPath: String?, minGroupSize: Int, minCellSize: Int, proposals: Int, language: ReportLanguage) {
        self.gridPath = gridPath
        self.data = data
        self.reference = reference
        self.targets = targets
        self.constraints = constraints
        self.options = options
        self.holdoutPath = holdoutPath
        self.minGroupSize = minGroupSize
        self.minCellSize = minCellSize
        self.proposals = proposals
        self.language = language
    }

    /// The run's settings, as recorded in the manifest (``AmendmentSettings``).
    public var settings: AmendmentSettings {
        AmendmentSettings(csv: data.csv, protected: data.protected, maxGroups: data.maxGroups, targets: targets.map(\.text), floors: constraints.floors,
                          maximumChanges: constraints.maximumChanges, step: constraints.step, candidates: options.budget, seed: options.seed,
                          proposals: proposals, reference: reference, minGroupSize: minGroupSize, minCellSize: minCellSize, language: language.rawValue,
                          allow: allowBandEdges ? [Self.bandEdges] : nil,
                          mandatedPriorities: mandatedPriorities.isEmpty ? nil : mandatedPriorities.map(\.declared))
    }

    /// The run a manifest's settings describe, on these files (`vigie verify`).
    /// - Throws: `SpecError` for a target or language this Vigie does not read.
    public init(gridPath: String, dataPath: String, holdoutPath: String?, settings: AmendmentSettings) throws(SpecError) {
        var data = DataSpec()
        data.path = dataPath
        data.csv = settings.csv
        data.protected = settings.protected
        data.maxGroups = settings.maxGroups
        guard let language = ReportLanguage(rawValue: settings.language) else {
            throw SpecError(key: "amend.language", problem: .sentence(.cliLanguage, arguments: ["found": "\(settings.language)"]))
        }
        var targets: [AmendmentTarget] = []
        for text in settings.targets { targets.append(try AmendmentTarget(parsing: text)) }
        self.init(gridPath: gridPath, data: data, reference: settings.reference, targets: targets,
                  constraints: AmendmentConstraints(floors: settings.floors, maximumChanges: settings.maximumChanges, step: settings.step),
                  options: GridAmendment.Options(budget: settings.candidates, seed: settings.seed), holdoutPath: holdoutPath,
                  minGroupSize: settings.minGroupSize, minCellSize: settings.minCellSize, proposals: settings.proposals, language: language)
        allowBandEdges = try Self.parseAllow(settings.allow ?? [])
        mandatedPriorities = (settings.mandatedPriorities ?? []).map(MandatedPriority.init(declared:))
    }

    /// `--allow`'s one value.
    public static let bandEdges = "band-edges"

    /// Whether `--allow` values allow band edges to move.
    /// - Throws: `SpecError` keyed `--allow` for any other value.
    public static func parseAllow(_ values: [String]) throws(SpecError) -> Bool {
        for v in values where v != bandEdges {
            throw SpecError(key: "--allow", problem: .sentence(.amendAllow, arguments: ["text": "\(v)"]))
        }
        return !values.isEmpty
    }

    /// The rendered files (without the manifest) and the report's input.
    public func render() throws -> (files: [ReportWriter.File], report: AmendmentReport.Input) {
        guard let dataPath = data.path else { throw SpecError(key: "--data", problem: .sentence(.cliNoDataFile, arguments: [:])) }
        guard data.protected.count == 1 else {
            throw SpecError(key: "--protected", problem: .sentence(.amendOneAttribute, arguments: ["count": "\(data.protected.count)"]))
        }
        guard proposals >= 1 else { throw SpecError(key: "--proposals", problem: .sentence(.cliAtLeastOneBare, arguments: ["found": "\(proposals)"])) }
        let grid = try PointsGrid.load(path: gridPath)
        guard let original = try? String(contentsOfFile: gridPath, encoding: .utf8) else {
            throw SpecError(key: "--model", problem: .sentence(.amendCannotRead, arguments: ["path": "\(gridPath)"]))
        }
        try GridAmendment.checkGroupBlind(grid, protectedColumns: data.protected.map(\.column))
        guard grid.allocation != nil else {
            throw SpecError(key: "--model", problem: .sentence(.amendNoAllocation, arguments: ["name": "\(grid.name)"]))
        }
        let (evaluator, space, store) = try load(grid: grid, path: dataPath, key: "--data")
        var edgeSearch: GridAmendment.EdgeSearch?
        if allowBandEdges {
            let edges = try AmendmentEdges(grid: grid, constraints: constraints)
            let groups = evaluator.groups, exposure = evaluator.measuresExposure, selected = evaluator.baselineSelected
            edgeSearch = GridAmendment.EdgeSearch(edges: edges, grid: grid) { moved in
                try AmendmentEvaluator(design: GridDesign(grid: moved, store: store), groups: groups, exposure: exposure, baselineSelected: selected)
            }
        }
        let result = try GridAmendment.run(evaluator: evaluator, space: space, targets: targets, options: options, edgeSearch: edgeSearch)
        let chosen = Array(result.front.prefix(proposals))
        var made: [AmendmentProposal] = [], grids: [PointsGrid] = []
        for candidate in chosen {
            // A moved edge: the moved grid, measured on its own design against the baseline's.
            if let search = edgeSearch, let e = candidate.edges.indices.first(where: { candidate.edges[$0] != search.edges.baseline[$0] }) {
                let edge = search.edges.edges[e]
                let moved = search.edges.grid(grid, moving: e, to: candidate.edges[e])
                let change = AmendmentProposal.EdgeChange(criterion: grid.criteria[edge.criterion].name, before: edge.value, after: candidate.edges[e])
                made.append(try AmendmentProposal.make(candidate: candidate, evaluator: try search.evaluator(moved), space: space, targets: targets,
                                                       baselineDesign: evaluator.design, edgeChange: change))
                grids.append(moved)
            } else {
                made.append(try AmendmentProposal.make(candidate: candidate, evaluator: evaluator, space: space, targets: targets))
                grids.append(grid)
            }
        }
        var files: [ReportWriter.File] = []
        var names: [String] = []
        for (i, p) in made.enumerated() {
            let name = "proposal-\(i + 1).yaml"
            names.append(name)
            let yaml = try grids[i].amendedYAML(original: original, weights: p.weights, name: "\(grid.name) (proposal \(i + 1))")
            files.append((name, Data(yaml.utf8)))
        }
        var holdout: [[Double?]]?
        if let holdoutPath {
            // One read and one batch for the proposals on the grid's own bands; a moved edge's
            // grid is read on its own (its band indicators differ).
            let (other, _, _) = try load(grid: grid, path: holdoutPath, key: "--holdout")
            let unmoved = made.indices.filter { made[$0].edgeChange == nil }
            var measures = [AmendmentMeasure?](repeating: nil, count: made.count)
            for (i, m) in zip(unmoved, try other.measure(unmoved.map { made[$0].weights })) { measures[i] = m }
            for i in made.indices where made[i].edgeChange != nil {
                let (moved, _, _) = try load(grid: grids[i], path: holdoutPath, key: "--holdout")
                measures[i] = try moved.measure([made[i].weights])[0]
            }
            holdout = measures.map { m in targets.map { m?.value(of: $0) } }
        }
        let input = AmendmentReport.Input(gridName: grid.name, attribute: evaluator.groups.attribute, applicants: evaluator.design.rows,
                                          result: result, proposals: made, files: names,
                                          featureNames: AmendmentReport.featureNames(evaluator.design), holdout: holdout, minCellSize: minCellSize,
                                          edgeNames: edgeSearch.map { s in s.edges.edges.map { "\(grid.criteria[$0.criterion].name) edge \(NumberFormat.exact($0.value))" } } ?? [])
        files.insert(("amend.md", Data(AmendmentReport.markdown(input, language: language).utf8)), at: 0)
        files.insert(("amend.html", Data(AmendmentReport.html(input, language: language).utf8)), at: 0)
        files.insert(("proposals.csv", Data(AmendmentReport.csv(input).utf8)), at: 0)
        return (files, input)
    }

    /// The evaluator and lattice of `grid` on the applicants of `path`.
    func load(grid: PointsGrid, path: String, key: String) throws -> (AmendmentEvaluator, AmendmentSpace, ColumnStore) {
        let store = try DataLoader.load(path: path, dialect: data.csv, requests: data.groupRequests + grid.columnRequests)
        let design = try GridDesign(grid: grid, store: store)
        guard let attribute = store.attributes.first else { throw SpecError(key: "--protected", problem: .sentence(.amendNoProtected, arguments: [:])) }
        let groups: AmendmentGroups
        do {
            groups = try AmendmentGroups(attribute: attribute, reference: reference, minGroupSize: minGroupSize, minCellSize: minCellSize, targets: targets,
                                         mandated: mandatedPriorities.first { $0.attribute == attribute.attribute })
        } catch {
            guard key == "--holdout" else { throw error }
            throw SpecError(key: key, message: "the holdout file cannot measure the targets: " + error.message)
        }
        return (try AmendmentEvaluator(design: design, groups: groups, exposure: AmendmentEvaluator.needsExposure(targets)),
                try AmendmentSpace(design: design, constraints: constraints), store)
    }

    /// Renders, then writes every file and `manifest.json` into `folder` at once, or nothing.
    public func write(to folder: String, force: Bool, command: [String]) throws -> AmendmentReport.Input {
        let (files, input) = try render()
        var inputs: [(role: String, path: String)] = [("model", gridPath)]
        if let path = data.path { inputs.append(("data", path)) }
        if let holdoutPath { inputs.append(("holdout", holdoutPath)) }
        try ReportWriter.write(files, to: folder, force: force) { written in
            try AmendmentManifest.make(inputs: inputs, command: command, outputs: written, folder: folder, settings: settings).encoded()
        }
        return input
    }
}

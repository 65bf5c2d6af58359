import AuditApplication
import ArgumentParser
import AuditData
import AuditReport
import DecisionModels
import Foundation

/// `vigie amend`: the smallest lawful amendments of a points grid that meet fairness targets
/// (`docs/amend.md`). The work is `AuditApplication/AmendmentRun`; this type maps flags.
struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Propose the smallest changes of a points grid's points that meet fairness targets.",
        discussion: """
        Searches amended grids around --model (only points move: criteria, levels, bands, caps, \
        exclusive groups, floor, allocation rule and tie-break stay; no protected attribute may \
        be a criterion). Every candidate is scored exactly and re-allocated under the grid's own \
        capacities and tie-break; targets are measured on the eligible groups of the one \
        --protected attribute (at least min_group_size and min_cell_size applicants, not unknown).

        Writes into --out, all at once: proposals.csv (the Pareto front: each proposal's points, \
        target metrics with 95 % intervals, share of applicants whose selection changes, total \
        change in points, Kendall's tau between the old and new rankings), proposal-N.yaml \
        (complete grids for --model and vigie compare), amend.md and amend.html (in words, --lang en or fr) and \
        manifest.json. Proposals meeting every target come first, by share of changed selections, \
        then total change.

        Targets: impact_ratio>=X (every eligible group's selection rate over the highest, \
        four-fifths rule), score_gap<=N (every eligible group's mean score within N points of the \
        reference group's), top_k_share_ratio>=X (every eligible group's share among the k \
        selected over its share of applicants, relative to the reference group's), exposure_ratio>=X \
        (every eligible group's mean exposure 1/log2(1+rank) in the grid's overall order over \
        everyone's, the model audit's exposure_ratio). Constraints: --keep CRITERION>=N (every number of points of the \
        criterion stays at least N), --max-change CRITERION=±N; without --max-change a \
        criterion's points stay between 0 and twice their value, and never change sign.

        With --spec FILE, the spec's model: grid and amend: section (targets, keep, \
        max_change, step, reference, holdout) are used; flags override them (docs/amend.md).

        Example:
          vigie amend --model Fixtures/housing/cotation-grid.yaml \\
            --data Fixtures/housing/applicants-sample.csv --protected nationalite \\
            --target impact_ratio>=0.8 --keep dalo>=50 --out amend
        """
    )

    @OptionGroup var options: SpecOptions

    @Option(name: .long, help: ArgumentHelp("A fairness target, repeatable: impact_ratio>=X, score_gap<=N, top_k_share_ratio>=X or exposure_ratio>=X.", valueName: "spec"))
    var target: [String] = []

    @Option(name: .long, help: ArgumentHelp("A floor, repeatable: CRITERION>=POINTS (legal priorities, e.g. dalo>=50).", valueName: "spec"))
    var keep: [String] = []

    @Option(name: .long, help: ArgumentHelp("A limit, repeatable: CRITERION=±POINTS.", valueName: "spec"))
    var maxChange: [String] = []

    @Option(name: .long, help: ArgumentHelp("The points' step (default: the grid's own, 1 for whole points).", valueName: "points"))
    var step: Double?

    @Option(name: .long, help: ArgumentHelp("Another applicants file (next year's) on which to report the proposals' metrics.", valueName: "file"))
    var holdout: String?

    @Option(name: .long, help: ArgumentHelp("Allow more than points to change: band-edges (the search may move a band criterion's edges on a small lattice).", valueName: "change"))
    var allow: [String] = []

    @Option(name: .long, help: ArgumentHelp("Candidate grids evaluated at most (default 2000).", valueName: "n"))
    var candidates = 2_000

    @Option(name: .long, help: ArgumentHelp("Proposals written at most (default 10).", valueName: "n"))
    var proposals = 10

    @Option(name: .long, help: OutputFolderHelp.out("proposals.csv, proposal-N.yaml, amend.md, amend.html and manifest.json"))
    var out = "vigie-amend"

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    func validate() throws {
        guard options.model.count <= 1 else { throw ValidationError("give one grid: --model GRID.yaml") }
        guard options.spec != nil || options.model.count == 1 else { throw ValidationError("give one grid: --model GRID.yaml (or model: in --spec)") }
        guard options.spec != nil || !target.isEmpty else { throw ValidationError("give at least one --target, e.g. --target impact_ratio>=0.8") }
        guard candidates >= 1 else { throw ValidationError("--candidates: expected at least 1, found \(candidates)") }
        guard proposals >= 1 else { throw ValidationError("--proposals: expected at least 1, found \(proposals)") }
    }

    func run() throws {
        try ReportWriter.checkTarget(out, force: force)  // before any work
        let seed = options.seed ?? 1  // --seed: the random neighbourhood's
        var spec = try options.spec.map { path throws(SpecError) in try AuditSpec(contentsOfFile: path) } ?? AuditSpec()
        // The spec's amend: section, then the flags over it (docs/amend.md, "In the spec").
        let fromSpec = spec.models.amend ?? AmendSpec()
        let targets = target.isEmpty ? fromSpec.targets : try target.map { text throws(SpecError) in try AmendmentTarget(parsing: text) }
        guard !targets.isEmpty else { throw SpecError(key: "--target", problem: .sentence(.amendNoTarget, arguments: [:])) }
        var floors = fromSpec.keep, limits = fromSpec.maxChange
        for text in keep { let (c, x) = try AmendmentConstraints.parseFloor(text); floors[c] = x }
        for text in maxChange { let (c, x) = try AmendmentConstraints.parseMaximumChange(text); limits[c] = x }
        guard let gridPath = options.model.first ?? spec.models.grid?.path else {
            throw SpecError(key: "--model", problem: .sentence(.specOneGridOption, arguments: [:]))
        }
        let step = self.step ?? fromSpec.step, holdout = self.holdout ?? fromSpec.holdout
        try options.apply(to: &spec.data)
        var reference = fromSpec.reference
        for text in options.reference {
            guard let eq = text.firstIndex(of: "=") else { throw SpecError(key: "--reference", problem: .sentence(.specAttributeGroup, arguments: ["text": "\(text)"])) }
            guard spec.data.protected.first?.column == String(text[..<eq]) else {
                throw SpecError(key: "--reference", problem: .sentence(.amendOtherAttribute, arguments: ["text": "\(text)"]))
            }
            reference = String(text[text.index(after: eq)...])
        }
        let allowBandEdges = try AmendmentRun.parseAllow(allow)
        var run = AmendmentRun(
            gridPath: gridPath, data: spec.data, reference: reference, targets: targets,
            constraints: AmendmentConstraints(floors: floors, maximumChanges: limits, step: step),
            options: GridAmendment.Options(budget: candidates, seed: seed), holdoutPath: holdout,
            minGroupSize: options.minGroupSize ?? spec.analysis.minGroupSize, minCellSize: options.minCellSize ?? spec.analysis.minCellSize,
            proposals: proposals, language: options.lang ?? spec.report.language)
        run.allowBandEdges = allowBandEdges
        // A mandated priority on the attribute measured (system card): honoured by the impact ratio.
        run.mandatedPriorities = spec.auditedAnalysis.mandatedPriorities.filter { $0.attribute == spec.data.protected.first?.column }
        // The arguments that shape the result (paths are recorded as the manifest's inputs).
        var command = targets.flatMap { ["--target", $0.text] }
        command += floors.sorted { $0.key < $1.key }.flatMap { ["--keep", "\($0.key)>=\($0.value)"] }
        command += limits.sorted { $0.key < $1.key }.flatMap { ["--max-change", "\($0.key)=±\($0.value)"] }
        command += spec.data.protected.map { "--protected=\($0.column)" } + ["--candidates", String(candidates), "--seed", String(seed), "--proposals", String(proposals)]
        if let reference { command += ["--reference", "\(spec.data.protected.first?.column ?? "")=\(reference)"] }
        if let step { command += ["--step", String(step)] }
        if allowBandEdges { command += ["--allow", AmendmentRun.bandEdges] }
        let input = try run.write(to: out, force: force, command: command)
        let first = input.proposals.first
        let meets = first?.candidate.meetsEveryTarget == true
        let language = options.lang ?? spec.report.language
        let text = ReportText(language)
        print(BidiControl.visible(Typography.set(text(.cliAmendEvaluated, [
            "evaluated": String(input.result.evaluated), "s_evaluated": text.s(input.result.evaluated),
            "proposals": String(input.proposals.count), "s_proposals": text.s(input.proposals.count),
            "meets": text(meets ? .cliAmendMeets : .cliAmendMeetsNone), "files": "\(out)/amend.md, \(out)/proposals.csv"]), language: language)))
    }
}

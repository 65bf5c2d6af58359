import AuditApplication
import ArgumentParser
import AuditData
import AuditReport
import DecisionModels
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two water tariffs on the same households, or two points grids on the same applicants.",
        discussion: """
        Give exactly one kind: two --tariff or two --model.

        Tariffs: writes compare.csv and compare.md into --out: per attribute and group, the mean \
        bill under each tariff, the mean change, the shares of households paying more and less, \
        and the share paying more than 3 % of their income under each.

        Grids (docs/model.md, "Comparing two grids"): writes compare.csv, compare.md and \
        compare.json into --out: overall and per protected group, the selection rate under A \
        and B, the change, how many gain and lose a selection, the mean score and the mean rank \
        change.

        Both go through the audit's disclosure control (--min-cell-size, min_cell_size, 10 by \
        default; 0 turns it off): a group under it, and the groups hidden with it so that it \
        cannot be recovered from the totals, show their size only.

        compare.md is in the spec's language, or --lang (en or fr).

        Examples:
          vigie compare --spec Fixtures/water/audit.yaml \\
            --tariff Fixtures/water/tariff-2023.yaml \\
            --tariff Fixtures/water/tariff-alternative.yaml --out compare
          vigie compare --model Fixtures/housing/cotation-grid.yaml \\
            --model Fixtures/housing/cotation-grid-alternative.yaml \\
            --data Fixtures/housing/applicants-sample.csv \\
            --protected nationalite --protected sexe --out compare
        """
    )

    @OptionGroup var options: SpecOptions


    @Option(name: .long, help: OutputFolderHelp.out("compare.csv, compare.md (and compare.json) and manifest.json"))
    var out = "vigie-compare"

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    func validate() throws {
        switch (options.tariff.count, options.model.count) {
        case (2, 0), (0, 2): break
        case (0, 0): throw ValidationError("give two tariffs (--tariff A.yaml --tariff B.yaml) or two grids (--model A.yaml --model B.yaml)")
        case (_, 0): throw ValidationError("give exactly two tariffs: --tariff A.yaml --tariff B.yaml")
        case (0, _): throw ValidationError("give exactly two grids: --model A.yaml --model B.yaml")
        default: throw ValidationError("give either two --tariff or two --model, not both")
        }
    }

    func run() throws {
        try ReportWriter.checkTarget(out, force: force)  // before any work
        if options.model.count == 2 { return try runModels() }
        let spec = try options.resolve(tariffOverride: options.tariff[0])
        let (rows, names) = try TariffComparison.run(spec: spec, tariffA: options.tariff[0], tariffB: options.tariff[1])
        try ReportWriter.write([
            ("compare.csv", Data(TariffComparisonReport.csv(rows).utf8)),
            ("compare.md", Data(TariffComparisonReport.markdown(rows, names: names, language: spec.report.language, minimumCellSize: spec.analysis.minCellSize).utf8)),
        ], to: out, force: force, writtenBy: "compare")
        let language = spec.report.language
        print(BidiControl.visible(Typography.set(ReportText(language)(.cliComparedTariffs, [
            "a": names.0, "b": names.1, "households": String(rows.first?.households ?? 0), "files": "\(out)/compare.md, \(out)/compare.csv"]), language: language)))
    }

    /// `--model A --model B`: the data file, protected columns and CSV dialect come from
    /// the flags, else from `--spec`; protected attributes are grouped as in an audit
    /// (categories, bands, quantiles, relabelling).
    private func runModels() throws {
        var spec = try options.spec.map { path throws(SpecError) in try AuditSpec(contentsOfFile: path) } ?? AuditSpec()
        try options.apply(to: &spec.data)
        if let lang = options.lang { spec.report.language = lang }
        guard let data = spec.data.path else { throw SpecError(key: "data", problem: .sentence(.specNoData, arguments: [:])) }
        let gridA = try PointsGrid.load(path: options.model[0]), gridB = try PointsGrid.load(path: options.model[1])
        // One read: the protected attributes as the audit groups them, and both grids' columns.
        let store = try DataLoader.load(path: data, dialect: spec.data.csv,
                                        requests: spec.data.groupRequests + GridComparison.columnRequests(gridA: gridA, gridB: gridB))
        var analysis = spec.analysis
        var protected = spec.data.protected
        try options.apply(to: &analysis, protected: &protected)
        try analysis.validate()
        let comparison = try GridComparison.run(gridA: gridA, gridB: gridB, store: store, minimumCellSize: analysis.minCellSize)
        try ReportWriter.write([
            ("compare.csv", Data(ModelComparison.csv(comparison).utf8)),
            ("compare.json", try ModelComparison.json(comparison)),
            ("compare.md", Data(ModelComparison.markdown(comparison, language: spec.report.language).utf8)),
        ], to: out, force: force, writtenBy: "compare")
        let all = comparison.rows.first
        let language = spec.report.language
        print(BidiControl.visible(Typography.set(ReportText(language)(.cliComparedGrids, [
            "a": gridA.name, "b": gridB.name, "applicants": String(all?.count ?? 0), "switches": String(all?.switches ?? 0),
            "files": "\(out)/compare.md, \(out)/compare.csv, \(out)/compare.json"]), language: language)))
    }
}

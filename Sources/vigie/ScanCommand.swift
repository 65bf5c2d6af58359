import AuditApplication
import ArgumentParser
import AuditData
import AuditReport
import Foundation

/// `vigie scan`: groups no one declared where the decision treats people worse (HBAC with a
/// held-out test, `docs/scan.md`). The work is `AuditApplication/ScanRun`; this type maps flags.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan for groups no one declared where the decision treats people worse than the grid would.",
        discussion: """
        With a grid and the actual decision (--model GRID --decision COL), the grid is run on the \
        applicants (scores, allocation under its capacities and tie-break) and two populations are \
        scanned: the applicants it selects, on whether the decision kept them, and those it does not \
        select, on whether the decision added them. Without a grid, --outcome COL (a number, higher \
        is better) is scanned over every applicant. With --relative-wait and the application and \
        allocation dates, the allocated applicants are also scanned on their wait relative to \
        applicants of similar score (docs/scan.md).

        The scan (hierarchical bias-aware clustering, after the Algorithm Audit foundation's tool) \
        splits each population at random (--seed) into two halves, finds clusters on the --on \
        columns where the outcome is worse than for the rest on the first half, and tests them on \
        the second half only, Bonferroni-adjusted. Numbers are standardised, categories one-hot, \
        and the clusters cut by k-means. A cluster is shown only with at least --min-cell-size \
        applicants inside and outside.

        Writes into --out, all at once: scan.csv (one line per confirmed cluster: cluster, \
        population, size, description, difference to the rest with its 95 % interval, p-value, \
        adjusted p-value), scan.md and scan.html (in words, --lang en or fr) and manifest.json. \
        A cluster is a question for the commission, not a proof of discrimination.

        Example:
          vigie scan --data Fixtures/housing/applicants-sample.csv \\
            --model Fixtures/housing/cotation-grid.yaml --decision propose_caleol \\
            --on commune_souhaitee --on typologie --on revenu_mensuel --on anciennete_mois --out scan
        """
    )

    @Option(name: .long, help: ArgumentHelp("The applicants (CSV).", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("The points grid (YAML) whose selection the decision is compared with.", valueName: "file"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("The actual decision, yes/no (with --model).", valueName: "column"))
    var decision: String?

    @Option(name: .long, help: ArgumentHelp("Without a grid: the outcome to scan, a number, higher is better.", valueName: "column"))
    var outcome: String?

    @Flag(name: .long, help: "With --model and dates: also scan the allocated applicants on their wait relative to applicants of similar score (the median wait of their tenth of the grid's order minus theirs).")
    var relativeWait = false

    @Option(name: .long, help: ArgumentHelp("With --relative-wait: the application-date column (YYYY-MM-DD); default: the grid's dates:.", valueName: "col"))
    var applicationDate: String?

    @Option(name: .long, help: ArgumentHelp("With --relative-wait: the allocation-date column (empty while still waiting).", valueName: "col"))
    var allocationDate: String?

    @Option(name: .long, help: ArgumentHelp("With --relative-wait: censor waiting times at this date (YYYY-MM-DD; default: the latest date in the data).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("A column to scan on, repeatable: numbers or a category of at most 50 values. Give protected attributes only if you mean to.", valueName: "column"))
    var on: [String] = []

    @Option(name: .long, help: ArgumentHelp("A protected attribute, repeatable: --on refuses it unless --allow-protected (the scan looks for groups no one declared).", valueName: "column"))
    var protected: [String] = []

    @Flag(name: .long, help: "Allow --on to name a protected attribute (--protected).")
    var allowProtected = false

    @Option(name: .long, help: ArgumentHelp("Seed of the split into halves and of k-means (default 1).", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Disclosure control: a cluster with fewer applicants inside or outside on the held-out half is not shown (default 10).", valueName: "k"))
    var minCellSize = 10

    @Option(name: .long, help: ArgumentHelp("Smallest cluster the search forms on the first half (default: the largest of --min-cell-size, 30 and 1 % of the half).", valueName: "n"))
    var minClusterSize: Int?

    @Option(name: .long, help: ArgumentHelp("Significance level of the splits and of the held-out test after Bonferroni (default 0.05).", valueName: "alpha"))
    var alpha = 0.05

    @OptionGroup var dialect: CSVDialectOptions

    @Option(name: .long, help: ArgumentHelp("Language of scan.md and scan.html: en (default) or fr.", valueName: "lang"))
    var lang: ReportLanguage = .en

    @Option(name: .long, help: OutputFolderHelp.out("scan.csv, scan.md, scan.html and manifest.json"))
    var out = "vigie-scan"

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    func validate() throws {
        do { try scanRun().validate() } catch { throw ValidationError(error.description) }
    }

    func scanRun() -> ScanRun {
        var spec = DataSpec()
        spec.path = data
        dialect.apply(to: &spec.csv)
        var run = ScanRun(data: spec, gridPath: model, decision: decision, outcome: outcome, columns: on, seed: seed,
                          minCellSize: minCellSize, minClusterSize: minClusterSize, alpha: alpha, language: lang)
        run.protected = protected
        run.allowProtected = allowProtected
        run.relativeWait = relativeWait
        run.applicationDate = applicationDate
        run.allocationDate = allocationDate
        run.asOf = asOf
        return run
    }

    /// The arguments `manifest.json` records (`--data`, `--model`, `--out` and `--force` left
    /// out: they are the inputs and output): enough for `vigie verify` to re-run the scan.
    var recordedCommand: [String] {
        var command = on.flatMap { ["--on", $0] } + ["--seed", String(seed), "--min-cell-size", String(minCellSize), "--alpha", String(alpha)]
        if let decision { command += ["--decision", decision] }
        if let outcome { command += ["--outcome", outcome] }
        if let minClusterSize { command += ["--min-cluster-size", String(minClusterSize)] }
        command += protected.flatMap { ["--protected", $0] } + (allowProtected ? ["--allow-protected"] : [])
        if relativeWait { command += ["--relative-wait"] }
        for (flag, value) in [("--application-date", applicationDate), ("--allocation-date", allocationDate), ("--as-of", asOf)] {
            if let value { command += [flag, value] }
        }
        if let delimiter = dialect.delimiter { command += ["--delimiter", delimiter.rawValue] }
        if dialect.decimalComma { command += ["--decimal-comma"] }
        command += dialect.missing.flatMap { ["--missing", $0] }
        command += ["--lang", lang.rawValue]
        return command
    }

    func run() throws {
        try ReportWriter.checkTarget(out, force: force)  // before any work
        let input = try scanRun().write(to: out, force: force, command: recordedCommand)
        let confirmed = input.populations.reduce(0) { $0 + $1.result.reported.count }
        let text = ReportText(lang)
        print(BidiControl.visible(Typography.set(text(.cliScanned, ["applicants": String(input.applicants), "columns": String(input.columns.count),
                                                                     "confirmed": String(confirmed), "files": "\(out)/scan.md, \(out)/scan.csv"]), language: lang)))
    }
}

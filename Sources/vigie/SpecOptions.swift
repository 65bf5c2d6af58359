import ArgumentParser
import AuditApplication
import AuditData
import AuditMetrics
import AuditReport
import DecisionModels

/// The audit options shared by `audit` and `compare`: each key of the spec file as a flag.
/// Flags override the file; `--protected` flags replace the file's list. Only the command
/// line knows its flags: ``resolve(tariffOverride:)`` maps them onto an `AuditSpec`, and
/// ``commandLine(for:)`` maps a spec back onto them for `manifest.json`.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data file (CSV).", valueName: "file"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("An audit spec (YAML); see docs/spec.md.", valueName: "file"))
    var spec: String?

    @Option(name: .long, help: ArgumentHelp("""
        A protected attribute; repeat for several. `sex`; `age:18,26,36,51,66` for bands \
        [18,26), [26,36)…; `income:q4` for quartiles.
        """, valueName: "column[:bands]"))
    var protected: [String] = []

    @Option(name: .long, help: ArgumentHelp("The label (ground truth) column, yes/no.", valueName: "column"))
    var label: String?

    @Option(name: .long, help: ArgumentHelp("The value that means a positive label, if not 1/true/yes/oui.", valueName: "value"))
    var positiveLabel: String?

    @Option(name: .long, help: ArgumentHelp("The decision column, yes/no (or numeric with --decision-threshold).", valueName: "column"))
    var decision: String?

    @Option(name: .long, help: ArgumentHelp("The value that means a positive decision, if not 1/true/yes/oui.", valueName: "value"))
    var positiveDecision: String?

    @Option(name: .long, help: ArgumentHelp("A numeric decision column is positive when >= this (COMPAS: decile_score >= 5).", valueName: "number"))
    var decisionThreshold: Double?

    @Option(name: .long, help: ArgumentHelp("A numeric score column.", valueName: "column"))
    var score: String?

    @Option(name: .long, help: ArgumentHelp("A sample-weight column: rates become ratios of weight sums.", valueName: "column"))
    var weight: String?

    @Option(name: .long, help: ArgumentHelp("""
        The most groups a protected attribute may hold (default 1,000; up to 1,000,000): a column \
        with more distinct values is refused, naming it (band it instead: `age:18,26,36`).
        """, valueName: "n"))
    var maxGroups: Int?

    @Option(name: .long, help: ArgumentHelp("""
        Reference group: `COL=VALUE` for one attribute (`race=Caucasian`), `COL=largest|best|overall`, \
        or `largest|best|overall` as the default for all. Repeatable.
        """, valueName: "rule"))
    var reference: [String] = []

    @Option(name: .long, help: ArgumentHelp("Highest order of intersections (default 2: all pairs; 1: none).", valueName: "k"))
    var intersections: Int?

    @Option(name: .long, help: ArgumentHelp("Impact-ratio threshold of the four-fifths rule (default 0.8).", valueName: "ratio"))
    var impactRatioThreshold: Double?

    @Option(name: .long, help: ArgumentHelp("Groups with fewer rows are flagged and never chosen as reference (default 30).", valueName: "n"))
    var minGroupSize: Int?

    @Option(name: .long, help: ArgumentHelp("Disclosure control: a group of fewer rows shows its count but no rate, and complementary cells are suppressed so that none can be recovered (default 10; 0: off).", valueName: "k"))
    var minCellSize: Int?

    @Option(name: .long, help: ArgumentHelp("Whether a positive decision is `favourable` (a flat allocated) or `unfavourable` (flagged high risk).", valueName: "kind"))
    var decisionIs: Favourability?

    /// `--delimiter`, `--decimal-comma`, `--missing` (shared with `vigie scan`), here so that
    /// `--help` lists them where it always did.
    @OptionGroup var dialect: CSVDialectOptions

    @Option(name: .long, help: ArgumentHelp("Interval for rates: `wilson` (default) or `exact` (Clopper–Pearson).", valueName: "method"))
    var interval: InferenceSpec.IntervalMethod?

    @Option(name: .long, help: ArgumentHelp("Confidence level of every interval (default 0.95).", valueName: "level"))
    var level: Double?

    @Option(name: .long, help: ArgumentHelp("Significance level after adjustment (default 0.05).", valueName: "alpha"))
    var alpha: Double?

    @Option(name: .long, help: ArgumentHelp("p-value adjustment across all tests: `holm` (default), `bh` (Benjamini–Hochberg) or `none`.", valueName: "method"))
    var adjust: InferenceSpec.Adjustment?

    @Option(name: .long, help: ArgumentHelp("Differences of rates within ± this are 'no disparity' (default 0.05; ratios use the impact-ratio band).", valueName: "d"))
    var differenceTolerance: Double?

    @Option(name: .long, help: ArgumentHelp("Rates over fewer rows than this (in the group or the reference) get 'insufficient evidence' (default 10).", valueName: "n"))
    var minDenominator: Int?

    @Option(name: .long, help: ArgumentHelp("Bootstrap replicates for intervals of every metric (default 0: off; e.g. 1000).", valueName: "B"))
    var bootstrap: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the bootstrap (default 0). The same seed gives the same bytes.", valueName: "S"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("Bootstrap interval: `bca` (default) or `percentile`.", valueName: "method"))
    var bootstrapMethod: InferenceSpec.BootstrapMethod?

    @Option(name: .long, help: ArgumentHelp("A continuous allocation to audit (water volume, subsidy, bill): means, medians, shortfall, inequality.", valueName: "column"))
    var allocation: String?

    @Option(name: .long, help: ArgumentHelp("Essential-need column: households whose allocation is below it are in shortfall.", valueName: "column"))
    var need: String?

    @Option(name: .long, help: ArgumentHelp("Household-size column: per-capita allocation = Σ allocation / Σ persons.", valueName: "column"))
    var per: String?

    @Option(name: .long, help: ArgumentHelp("A column ranking households (income): concentration curve and index.", valueName: "column"))
    var rankBy: String?

    @Option(name: .long, help: ArgumentHelp("Income column, for affordability (bill over income, share above 3 %).", valueName: "column"))
    var income: String?

    @Option(name: .long, help: ArgumentHelp("A water tariff (YAML) turning the allocation (m³) into bills; needs --meter and --income. `vigie compare` takes two.", valueName: "file"))
    var tariff: [String] = []

    @Option(name: .long, help: ArgumentHelp("Meter-type column for the tariff (individuel / collectif).", valueName: "column"))
    var meter: String?

    @Option(name: .long, help: ArgumentHelp("A decision model to run and audit itself: a points grid (YAML, docs/model.md). Its scores, allocation, score fairness, waiting-list fairness and what drives each gap are added to the reports; with --decision, its selection is put side by side with the actual decisions (agreement, overrides by group, where each gap arises, odds at equal points: docs/human-stage.md). `vigie compare` takes two.", valueName: "grid"))
    var model: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --model: the application-date column (YYYY-MM-DD), for time to allocation by group.", valueName: "col"))
    var applicationDate: String?

    @Option(name: .long, help: ArgumentHelp("With --model: the allocation-date column (empty while still waiting).", valueName: "col"))
    var allocationDate: String?

    @Option(name: .long, help: ArgumentHelp("With --model: censor waiting times at this date (YYYY-MM-DD; default: the latest date in the data).", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("A drought restriction rule (YAML) applied to the allocation; needs --drought-level.", valueName: "file"))
    var drought: String?

    @Option(name: .long, help: ArgumentHelp("Column holding each household's restriction level (vigilance, alerte, alerte_renforcee, crise).", valueName: "column"))
    var droughtLevel: String?

    @Option(name: .long, help: ArgumentHelp("Language of report.md and report.html: `en` (default) or `fr`; overrides the spec's `lang:`.", valueName: "lang"))
    var lang: ReportLanguage?

    @Option(name: .long, help: ArgumentHelp("Paper report.html prints on: `a4` (default) or `letter`; overrides the spec's `paper:`.", valueName: "paper"))
    var paper: ReportPaper?
}

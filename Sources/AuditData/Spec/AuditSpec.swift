/// Everything an audit needs to know: where the data are, which columns mean what, and the
/// rules (reference groups, intersections, thresholds) applied to them.
///
/// Written as a YAML file (see `docs/spec.md` and `AuditSpec+YAML.swift`) or assembled from
/// command-line flags; flags override the file.
public struct AuditSpec: Sendable, Equatable {
    /// Path of the data file; relative paths in a spec file are resolved against the spec's folder.
    public var dataPath: String?
    /// CSV dialect: delimiter, decimal comma, missing-value markers.
    public var csv: CSVDialect
    /// The protected attributes, in output order.
    public var protected: [ProtectedAttributeSpec]
    /// The ground truth (need confirmed on review, eligibility, reoffended), if known.
    public var label: BinaryColumnSpec?
    /// The decision of the system (allocated, proposed, flagged).
    public var decision: BinaryColumnSpec?
    /// A numeric score column (kept for score analyses).
    public var score: String?
    /// A sample-weight column; every rate becomes a ratio of weight sums.
    public var weight: String?
    /// Reference rule for attributes that do not name one.
    public var defaultReference: ReferenceRule
    /// Highest order of intersections (2: all pairs of attributes). 1 disables intersections.
    public var intersections: Int
    /// The impact-ratio threshold of the four-fifths rule (0.8).
    public var impactRatioThreshold: Double
    /// Groups with fewer rows are flagged `below_min_size`, never chosen as reference by the
    /// `largest` and `best` rules, and left out of the maximum of the impact ratio.
    public var minGroupSize: Int
    /// Disclosure control: a group (cell) of fewer rows is published with its count but
    /// none of its rates (`status: suppressed`), and further cells are suppressed so that no
    /// hidden value can be recovered from totals (`DisclosureControl`). 10 by default; 0
    /// turns suppression off.
    public var minCellSize: Int = 10
    /// Whether a positive decision is favourable to the person.
    public var decisionIs: Favourability
    /// Intervals, tests, verdicts and bootstrap.
    public var inference: InferenceSpec
    /// A continuous allocation to audit (means, medians, shortfall, inequality).
    public var allocation: AllocationSpec?
    /// A column that ranks households (income): concentration curves and indices, deciles.
    public var rankBy: String?
    /// The income column, for affordability (bill over income).
    public var income: String?
    /// A tariff turning the allocation (volumes) into bills.
    public var tariff: TariffSpec?
    /// A drought restriction applied to the allocation (volumes).
    public var drought: DroughtSpec?
    /// A decision model (points grid) to run and audit itself.
    public var model: ModelSpec?
    /// What the system's owner declares about it (`system:`); `nil` when the spec has no card.
    public var system: SystemCard?
    /// The language of the reports' human texts (`lang:`, `--lang`).
    public var language: ReportLanguage = .en

    public init(
        dataPath: String? = nil,
        csv: CSVDialect = CSVDialect(),
        protected: [ProtectedAttributeSpec] = [],
        label: BinaryColumnSpec? = nil,
        decision: BinaryColumnSpec? = nil,
        score: String? = nil,
        weight: String? = nil,
        defaultReference: ReferenceRule = .largest,
        intersections: Int = 2,
        impactRatioThreshold: Double = 0.8,
        minGroupSize: Int = 30,
        decisionIs: Favourability = .favourable,
        inference: InferenceSpec = InferenceSpec()
    ) {
        self.dataPath = dataPath
        self.csv = csv
        self.protected = protected
        self.label = label
        self.decision = decision
        self.score = score
        self.weight = weight
        self.defaultReference = defaultReference
        self.intersections = intersections
        self.impactRatioThreshold = impactRatioThreshold
        self.minGroupSize = minGroupSize
        self.decisionIs = decisionIs
        self.inference = inference
        self.allocation = nil
        self.rankBy = nil
        self.income = nil
        self.tariff = nil
        self.drought = nil
    }

    /// Checks the rules that do not depend on the data; called before any file is read.
    public func validate() throws(SpecError) {
        guard dataPath != nil else { throw SpecError(key: "data", message: "no data file: give --data FILE or 'data:' in the spec") }
        guard !protected.isEmpty else {
            throw SpecError(key: "protected", message: "at least one protected attribute is needed (--protected COL)")
        }
        guard label != nil || decision != nil || allocation != nil || model != nil else {
            throw SpecError(key: "decision", message: "give a decision column (--decision COL), a label column (--label COL), an allocation (--allocation COL), a decision model (--model GRID), or several")
        }
        if tariff != nil || drought != nil, allocation == nil {
            throw SpecError(key: tariff != nil ? "tariff" : "drought", message: "needs an allocation column (the volumes): --allocation COL")
        }
        if tariff != nil, income == nil {
            throw SpecError(key: "income", message: "a tariff audit needs the income column for affordability (--income COL)")
        }
        var seen = Set<String>()
        for attribute in protected where !seen.insert(attribute.column).inserted {
            throw SpecError(key: "protected", message: "column '\(attribute.column)' is listed twice")
        }
        guard intersections >= 1 else { throw SpecError(key: "intersections", message: "expected an order of at least 1, found \(intersections)") }
        guard impactRatioThreshold > 0, impactRatioThreshold <= 1 else {
            throw SpecError(key: "impact_ratio_threshold", message: "expected a number in (0, 1], found \(impactRatioThreshold)")
        }
        guard minCellSize >= 0 else { throw SpecError(key: "min_cell_size", message: "expected a whole number of at least 0 (0 turns suppression off), found \(minCellSize)") }
        guard minGroupSize >= 1 else { throw SpecError(key: "min_group_size", message: "expected a whole number of at least 1, found \(minGroupSize)") }
        if let m = model, (m.applicationDate == nil) != (m.allocationDate == nil) {
            throw SpecError(key: "model", message: "give both application_date and allocation_date, or neither")
        }
        if let threshold = decision?.threshold, !threshold.isFinite {
            throw SpecError(key: "decision.threshold", message: "expected a finite number")
        }
        try inference.validate()

    }
}

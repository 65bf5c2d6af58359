import AuditData

/// The spec's `amend:` section (`docs/amend.md`, "In the spec"): what `vigie amend --spec FILE`
/// searches for, with the same meaning as its flags, which override it (a flag's `--target`
/// list replaces the spec's; `--keep` and `--max-change` replace the spec's value for the
/// criteria they name).
///
/// ```yaml
/// amend:
///   targets: [impact_ratio>=0.8, score_gap<=10]
///   keep: {dalo: 50}
///   max_change: {anciennete: 0}
///   reference: FR
///   holdout: applicants-2025.csv
/// ```
public struct AmendSpec: Sendable, Equatable {
    /// `--target`, each parsed by ``AmendmentTarget/init(parsing:)``.
    public var targets: [AmendmentTarget]
    /// `--keep`: criterion → the least points of each of its numbers.
    public var keep: [String: Double]
    /// `--max-change`: criterion → the most its points move.
    public var maxChange: [String: Double]
    /// `--step`.
    public var step: Double?
    /// `--reference`: the reference group of the protected attribute (its value only).
    public var reference: String?
    /// `--holdout`: another applicants file; relative to the spec's folder.
    public var holdout: String?

    public init(targets: [AmendmentTarget] = [], keep: [String: Double] = [:], maxChange: [String: Double] = [:],
                step: Double? = nil, reference: String? = nil, holdout: String? = nil) {
        self.targets = targets
        self.keep = keep
        self.maxChange = maxChange
        self.step = step
        self.reference = reference
        self.holdout = holdout
    }
}

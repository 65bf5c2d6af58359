import AuditData
import AuditReport
import DecisionModels

/// Everything a `vigie amend` run depends on besides its input files, recorded in the amend
/// folder's `manifest.json` under `amend` so that `vigie verify` can re-run it
/// (``ManifestVerification``): the CSV dialect and protected attribute of the data, the targets,
/// floors, limits and step, the search's budget and seed, the proposals written, the reference
/// group, the disclosure thresholds and the language. Keys sorted, no path, no thread count.
public struct AmendmentSettings: Codable, Equatable, Sendable {
    public var csv: CSVDialect
    public var protected: [ProtectedAttributeSpec]
    /// The data's `max_groups`, when set.
    public var maxGroups: Int?
    /// Each target as written (`impact_ratio>=0.8`), parsed again by ``AmendmentTarget/init(parsing:)``.
    public var targets: [String]
    /// `--keep`: criterion → points.
    public var floors: [String: Double]
    /// `--max-change`: criterion → points.
    public var maximumChanges: [String: Double]
    public var step: Double?
    public var candidates: Int
    public var seed: UInt64
    public var proposals: Int
    public var reference: String?
    public var minGroupSize: Int
    public var minCellSize: Int
    /// `en` or `fr`.
    public var language: String
    /// `--allow` (`band-edges`); absent when nothing is allowed (folders written before it
    /// re-run unchanged).
    public var allow: [String]?
    /// The spec's `system.mandated_priorities` as declared (`handicap`, `handicap=oui`); absent
    /// when none is (folders written before it re-run unchanged).
    public var mandatedPriorities: [String]?

    enum CodingKeys: String, CodingKey {
        case csv, protected, targets, floors, step, candidates, seed, proposals, reference, language, allow
        case mandatedPriorities = "mandated_priorities"
        case maximumChanges = "maximum_changes"
        case minGroupSize = "min_group_size"
        case minCellSize = "min_cell_size"
        case maxGroups = "max_groups"
    }
}

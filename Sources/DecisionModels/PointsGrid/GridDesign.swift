import AuditData
import LinearAlgebra

/// The applicants of a data file read against a ``PointsGrid``: the design
/// matrix `X` (applicants × features), the grid's weights `w`, the allocation
/// segments and the tie-break order. Built from the data store by ``init(grid:store:)``
/// (the store read with ``PointsGrid/columnRequests``), or from a file by ``load(grid:csvPath:dialect:)``.
///
/// Each criterion gives one or more features (``GridCriterion/features``):
/// an indicator per flag, category level or band, and `min(value, cap/|ppu|)`
/// for a per-unit criterion, so a criterion's points are `Σ_{f∈c} X[i,f]·w_f`
/// and the linear part of the score is `X·w` (BLAS `dgemv`), or `X·W` for
/// several grids at once (BLAS `dgemm`). Exclusive groups are not linear; they
/// are added exactly afterwards (``scores(weights:)``).
public struct GridDesign: Sendable {
    /// The grid the data were read against.
    public let grid: PointsGrid
    /// Applicant ids (the grid's `id` column), in file order.
    public let ids: [String]
    /// `X`, `rows × features.count`, column-major.
    public let features: Matrix
    /// The definition and weight (under ``grid``) of each column of `X`.
    public let featureDefinitions: [GridFeature]
    /// The criterion (index into `grid.criteria`) of each column of `X`.
    public let featureCriterion: [Int]
    /// Segment of each row: index into ``segmentLabels``.
    public let segmentCodes: [Int32]
    /// Values of the `segment_by` columns for each segment, sorted; `[[]]` when there is no segmentation.
    public let segmentLabels: [[String]]
    /// Position of each row in the tie-break order alone (0 = first), a permutation of `0..<rows`.
    public let tieRank: [Int32]
    /// Number of dwellings `k_s` per segment under the grid's capacity or
    /// proposals rule; `nil` for a threshold rule or no rule.
    public let capacities: [Int]?

    /// Number of applicants.
    public var rows: Int { ids.count }

    /// `w`: the grid's weight of each column of `X`.
    public var weights: [Double] { featureDefinitions.map(\.weight) }

    init(grid: PointsGrid, ids: [String], features: Matrix, featureDefinitions: [GridFeature], featureCriterion: [Int],
         segmentCodes: [Int32], segmentLabels: [[String]], tieRank: [Int32], capacities: [Int]?) {
        self.grid = grid
        self.ids = ids
        self.features = features
        self.featureDefinitions = featureDefinitions
        self.featureCriterion = featureCriterion
        self.segmentCodes = segmentCodes
        self.segmentLabels = segmentLabels
        self.tieRank = tieRank
        self.capacities = capacities
    }
}

import AuditData
import AuditMetrics
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
/// are added exactly afterwards (``scores(weights:)``). Scores are exact: `X` and
/// the weights are scaled to whole numbers first (``GridScoreScale``).
public struct GridDesign: Sendable {
    /// The grid the data were read against.
    public let grid: PointsGrid
    /// Applicant ids (the grid's `id` column), in file order, as the store holds them
    /// (`IdentifierColumn`: one byte buffer, `ids[r]` is row `r`'s `String`); empty in a
    /// design that forgot them (``forgettingIdentifiers()``).
    public let ids: IdentifierColumn
    /// `X`, `rows × features.count`, column-major, materialised from ``featurePatterns`` on each
    /// access when the design is held compressed (`X[i, f] = featurePatterns[patternOfRow[i], f]`):
    /// for a caller that needs the rows themselves (the amendment search); scoring, the
    /// criteria's points and the sensitivity analysis work on the patterns.
    public var features: Matrix {
        guard let patternOfRow else { return featurePatterns }
        return Self.expand(featurePatterns, rows: patternOfRow)
    }
    /// The distinct rows of `X` in the order of their first applicant (``DesignPatterns``: a
    /// grid's features take few values, so a million applicants have some tens of thousands
    /// of patterns), or `X` itself when it does not compress (more distinct rows than a quarter of
    /// the applicants, or a −0 in `X`, which the patterns would fold into +0).
    public let featurePatterns: Matrix
    /// The row of ``featurePatterns`` of each applicant; nil when ``featurePatterns`` is `X`.
    public let patternOfRow: [Int32]?
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
    /// How each column of `X` becomes whole numbers for exact scoring (``GridScoreScale``).
    public let columnScales: [GridColumnScale]

    /// Number of applicants.
    public let rows: Int

    /// `w`: the grid's weight of each column of `X`.
    public var weights: [Double] { featureDefinitions.map(\.weight) }

    init(grid: PointsGrid, ids: IdentifierColumn, featurePatterns: Matrix, patternOfRow: [Int32]?, featureDefinitions: [GridFeature], featureCriterion: [Int],
         segmentCodes: [Int32], segmentLabels: [[String]], tieRank: [Int32], capacities: [Int]?, columnScales: [GridColumnScale]) {
        self.grid = grid
        self.ids = ids
        self.rows = tieRank.count
        self.featurePatterns = featurePatterns
        self.patternOfRow = patternOfRow
        self.featureDefinitions = featureDefinitions
        self.featureCriterion = featureCriterion
        self.segmentCodes = segmentCodes
        self.segmentLabels = segmentLabels
        self.tieRank = tieRank
        self.capacities = capacities
        self.columnScales = columnScales
    }

    /// The same design held as `X` itself (no patterns): every result is the same, exactly
    /// (tests compare the two).
    func uncompressed() -> GridDesign {
        GridDesign(grid: grid, ids: ids, featurePatterns: features, patternOfRow: nil, featureDefinitions: featureDefinitions, featureCriterion: featureCriterion,
                   segmentCodes: segmentCodes, segmentLabels: segmentLabels, tieRank: tieRank, capacities: capacities,
                   columnScales: columnScales)
    }

    /// The same design without the applicants' ids (``ids`` empty, ``rows`` unchanged): for a
    /// caller that never looks an applicant up by id. The audit's model audit and scan read
    /// applicants by position and the tie-break from ``tieRank``, so `vigie audit` releases
    /// the ids once the design is built (about 19 MB per million applicants at the peak).
    public func forgettingIdentifiers() -> GridDesign {
        GridDesign(grid: grid, ids: [], featurePatterns: featurePatterns, patternOfRow: patternOfRow, featureDefinitions: featureDefinitions,
                   featureCriterion: featureCriterion, segmentCodes: segmentCodes, segmentLabels: segmentLabels, tieRank: tieRank,
                   capacities: capacities, columnScales: columnScales)
    }

    /// `rows.count × m.columns`, row `i` being row `rows[i]` of `m` (column-major).
    static func expand(_ m: Matrix, rows index: [Int32]) -> Matrix {
        let n = index.count, units = m.rows, k = m.columns
        var storage = [Double](repeating: 0, count: n * k)
        m.storage.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBufferPointer { out in
                for j in 0..<k {
                    let from = j * units, to = j * n
                    for i in 0..<n { out[to + i] = source[from + Int(index[i])] }
                }
            }
        }
        // n·k elements laid out as declared: the initialiser cannot fail.
        return (try? Matrix(rows: n, columns: k, columnMajor: storage)) ?? m
    }
}

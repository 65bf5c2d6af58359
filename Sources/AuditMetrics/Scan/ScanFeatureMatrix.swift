import LinearAlgebra

/// The points k-means clusters: one row per applicant of the scanned population, one column
/// per number (standardised: `(x − mean)/sd` over the population, sd with divisor n; a missing
/// number is the mean, 0; a constant column is left out) and one per category present in the
/// population (one-hot, `1/√2` for the applicant's category, 0 otherwise, so that two
/// applicants differing in one category are at distance 1, as two a standard deviation apart
/// on one number; a missing category is a category of its own).
///
/// Standardising over the whole population reads no outcome, so the held-out half stays honest.
/// Why k-means on this encoding rather than k-prototypes: it keeps one distance, computed by
/// one pass over the points per iteration (`KMeansBisection`), and one-hot columns scaled this way give the
/// squared Euclidean distance the meaning "numbers of standard deviations plus half the
/// categories that differ" (`docs/scan.md`).
public struct ScanFeatureMatrix: Sendable {
    /// Rows: the population's applicants in the order of `rows`, stored compactly (a number
    /// column as its standardised values, a category as the applicant's one-hot column).
    public let points: ScanPoints
    /// The data rows of the population, ascending.
    public let rows: [Int]

    /// The one-hot weight, 1/√2.
    public static let categoryWeight = 0.5.squareRoot()

    /// The dense matrix (rows × columns, column-major): for small data and the tests; the scan
    /// itself reads ``points``.
    public var matrix: Matrix { get throws { try points.dense() } }

    public init(features: [ScanFeature], rows: [Int]) throws {
        self.points = ScanEncoding(features: features, rows: rows).points()
        self.rows = rows
    }
}

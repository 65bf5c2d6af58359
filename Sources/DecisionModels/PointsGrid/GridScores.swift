import LinearAlgebra

/// Exact scores of a design under one or more grids (``GridDesign/exactScores(weights:)``):
/// whole numbers of 10^−``decimals`` points, computed exactly (``GridScoreScale``).
public struct GridScores: Sendable {
    /// `rows × grids`: each score times 10^``decimals``, a whole number.
    public let scaled: Matrix
    /// D: the decimals of the scores — the grid's own decimals, those of its points and of its
    /// per-unit data together.
    public let decimals: Int

    public init(scaled: Matrix, decimals: Int) {
        self.scaled = scaled
        self.decimals = decimals
    }

    /// The scores in points: each the `Double` nearest to the exact decimal score
    /// (`scaled / 10^D`, one correctly rounded division), so equal scores are equal `Double`s
    /// and the order is the exact order.
    public var points: Matrix {
        let unit = GridDecimal.powersOfTen[decimals]
        // Matrix's storage is column-major with the same shape: no dimension can mismatch.
        return (try? Matrix(rows: scaled.rows, columns: scaled.columns, columnMajor: scaled.storage.map { $0 / unit })) ?? scaled
    }
}

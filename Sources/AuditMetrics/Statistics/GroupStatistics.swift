/// The sufficient statistics of one group: everything the group metrics depend on.
///
/// The four confusion cells are indexed `2·label + decision`: TN = 0, FP = 1, FN = 2, TP = 3.
/// An audit without a label files every row under label 0; one without a decision under
/// decision 0 — the metrics that would need the missing column are then not reported.
///
/// `GroupStatistics` is a commutative monoid under `+` (zero: `.zero`): statistics of two
/// disjoint parts of a file merge into those of the whole, exactly for the row counts and up
/// to floating-point summation order for weights. Vigie always merges in file order, so
/// results do not depend on the number of threads.
public struct GroupStatistics: Sendable, Equatable {
    /// Rows in each confusion cell (never weighted).
    public var rows: SIMD4<Int>
    /// Sum of weights in each cell (equal to `rows` when unweighted).
    public var weights: SIMD4<Double>
    /// Sum of squared weights in each cell, for Kish's effective sample size.
    public var weightSquares: SIMD4<Double>
    /// Score sums over the rows that have a score: rows, Σw, Σw·s, Σw·s².
    public var scoredRows: Int
    public var scoreWeight: Double
    public var scoreSum: Double
    public var scoreSquareSum: Double

    public init(rows: SIMD4<Int> = .zero, weights: SIMD4<Double> = .zero, weightSquares: SIMD4<Double> = .zero,
                scoredRows: Int = 0, scoreWeight: Double = 0, scoreSum: Double = 0, scoreSquareSum: Double = 0) {
        self.rows = rows
        self.weights = weights
        self.weightSquares = weightSquares
        self.scoredRows = scoredRows
        self.scoreWeight = scoreWeight
        self.scoreSum = scoreSum
        self.scoreSquareSum = scoreSquareSum
    }

    /// The identity of `+`.
    public static let zero = GroupStatistics()

    /// Statistics of the union of two disjoint sets of rows.
    public static func + (a: GroupStatistics, b: GroupStatistics) -> GroupStatistics {
        GroupStatistics(
            rows: a.rows &+ b.rows, weights: a.weights + b.weights, weightSquares: a.weightSquares + b.weightSquares,
            scoredRows: a.scoredRows &+ b.scoredRows, scoreWeight: a.scoreWeight + b.scoreWeight,
            scoreSum: a.scoreSum + b.scoreSum, scoreSquareSum: a.scoreSquareSum + b.scoreSquareSum
        )
    }

    public static func += (a: inout GroupStatistics, b: GroupStatistics) { a = a + b }

    /// Number of rows in the group.
    public var count: Int { rows.wrappedSum() }
    /// Total weight of the group.
    public var totalWeight: Double { weights.sum() }

    /// Cell index of true negatives, false positives, false negatives, true positives.
    public static let tn = 0, fp = 1, fn = 2, tp = 3
}

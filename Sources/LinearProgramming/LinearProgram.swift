/// A linear or integer programme in the form GLPK solves (Makhorin, *GNU Linear Programming
/// Kit Reference Manual*, §1.1):
///
///     minimise  Σ_j c_j·x_j
///     subject to  l_i ≤ Σ_j a_ij·x_j ≤ u_i   (each row i; a side may be absent)
///                 lower_j ≤ x_j ≤ upper_j    (each column j, both finite)
///                 x_j whole numbers when `integer`
///
/// Solved by ``solve(timeLimitMilliseconds:)`` (GLPK's simplex, or its branch-and-cut
/// `glp_intopt` when `integer`). Nothing is printed.
public struct LinearProgram: Sendable, Equatable {
    /// One constraint row: `lower ≤ Σ_j coefficients[j]·x_j ≤ upper` (`nil`: that side is free).
    public struct Row: Sendable, Equatable {
        /// `a_ij` per column, dense.
        public var coefficients: [Double]
        public var lower: Double?
        public var upper: Double?

        public init(coefficients: [Double], lower: Double?, upper: Double?) {
            self.coefficients = coefficients
            self.lower = lower
            self.upper = upper
        }
    }

    /// `c_j`.
    public var objective: [Double]
    /// `lower_j`, `upper_j`: finite bounds of each column.
    public var lower: [Double]
    public var upper: [Double]
    public var rows: [Row]
    /// Every column a whole number (a mixed-integer programme).
    public var integer: Bool

    public init(objective: [Double], lower: [Double], upper: [Double], rows: [Row], integer: Bool) {
        self.objective = objective
        self.lower = lower
        self.upper = upper
        self.rows = rows
        self.integer = integer
    }

    /// Columns.
    public var columns: Int { objective.count }

    /// What makes the programme unfit for the solver, or `nil`: mismatched lengths, a number
    /// that is not finite, a row with no side. (GLPK aborts the process on such input, so it is
    /// checked first.)
    public var problem: String? {
        let n = columns
        guard n > 0 else { return "no column" }
        guard lower.count == n, upper.count == n else { return "\(n) columns but \(lower.count) lower and \(upper.count) upper bounds" }
        guard objective.allSatisfy(\.isFinite), lower.allSatisfy(\.isFinite), upper.allSatisfy(\.isFinite) else {
            return "an objective coefficient or a column bound is not finite"
        }
        for (i, row) in rows.enumerated() {
            guard row.coefficients.count == n else { return "row \(i + 1) has \(row.coefficients.count) coefficients, expected \(n)" }
            guard row.coefficients.allSatisfy(\.isFinite), row.lower?.isFinite ?? true, row.upper?.isFinite ?? true else {
                return "row \(i + 1) has a number that is not finite"
            }
            guard row.lower != nil || row.upper != nil else { return "row \(i + 1) has no bound" }
        }
        return nil
    }
}

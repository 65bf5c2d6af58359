import CLinearAlgebra

/// LAPACK solvers on ``Matrix`` (least squares and Cholesky), called through
/// the netlib LAPACKE C interface in **column-major** layout (`LAPACK_COL_MAJOR`).
///
/// `LAPACK` is a caseless enum used as a namespace, like ``BLAS``:
/// `try LAPACK.leastSquares(x, y)`.
///
/// Common behaviour:
/// * inputs are copied (LAPACK overwrites its arguments); callers' values are
///   never modified;
/// * shapes are validated in Swift, and empty matrices are rejected with
///   ``LinearAlgebraError/emptyMatrix(operation:)``;
/// * every integer goes through a checked `Int32` conversion
///   (``LinearAlgebraError/tooLarge(dimension:)``);
/// * non-finite input (NaN, ±Inf) is rejected in Swift before the call with
///   ``LinearAlgebraError/lapack(routine:info:meaning:)`` and `info = -k`,
///   `k` being the LAPACKE argument position, i.e. LAPACKE's own NaN-check
///   convention. Doing it in Swift makes the behaviour independent of the
///   `LAPACKE_NANCHECK` environment variable and also catches infinities.
///
/// Debian's OpenBLAS is built `NO_LAPACKE`, so the `LAPACKE_*` symbols always
/// come from netlib `liblapacke`, which calls whatever `liblapack.so.3`
/// (reference or OpenBLAS) is selected by the system alternatives.
public enum LAPACK {

    /// Relative threshold, in units of `max(m, n)·ε`, below which a diagonal
    /// element of the QR factor `R` is treated as zero by `leastSquares(_:_:)` (vector form).
    static let rankToleranceFactor = 1.0

    /// Least-squares solution of an overdetermined, full-rank system:
    /// `x = argmin ‖A·x − b‖₂` for an `m × n` matrix `A` with `m ≥ n`.
    ///
    /// Calls `LAPACKE_dgels` (`trans = 'N'`; QR factorisation `A = Q·R` by
    /// Householder reflections, then `R·x = Qᵀ·b`; reference: LAPACK Users'
    /// Guide §2.4.2, netlib `DGELS`). QR avoids forming `AᵀA`, so it loses
    /// half as many digits as the normal equations.
    ///
    /// Rank check: `dgels` only detects an **exactly** zero diagonal element of
    /// `R` (`info > 0`). Collinear columns in floating point usually leave a
    /// tiny non-zero instead, and `dgels` would then return huge meaningless
    /// coefficients. This wrapper therefore also throws when
    /// `|Rᵢᵢ| ≤ max(m, n) · ε · maxⱼ |Rⱼⱼ|` (`ε = Double.ulpOfOne`), the usual
    /// numerical-rank heuristic. Columns on wildly different scales (ratio of
    /// norms below about `1e-10`) should be standardised first.
    ///
    /// - Parameters:
    ///   - a: the design matrix `A` (`m × n`, `m ≥ n ≥ 1`).
    ///   - b: the right-hand side `b` (length `m`).
    /// - Returns: the `n` coefficients `x`.
    /// - Throws: ``LinearAlgebraError/rankDeficient(column:)`` (zero-based column),
    ///   ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` (`m < n` or
    ///   `b.count != m`), ``LinearAlgebraError/emptyMatrix(operation:)``,
    ///   ``LinearAlgebraError/lapack(routine:info:meaning:)``,
    ///   ``LinearAlgebraError/tooLarge(dimension:)``.
    public static func leastSquares(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        let rhs = Matrix(uncheckedRows: b.count, columns: 1, storage: b)
        return try leastSquares(a, rhs).storage
    }

    /// Least squares with several right-hand sides: column `j` of the result
    /// is `argmin ‖A·x − B[:, j]‖₂`. One QR factorisation of `A` is shared by
    /// all columns of `B` (`LAPACKE_dgels` with `nrhs = B.columns`).
    ///
    /// Same conditions and errors as `leastSquares(_:_:)` (vector form);
    /// `B` must be `m × r` with `r ≥ 1`, and the result is `n × r`.
    public static func leastSquares(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        let operation = "LAPACK.leastSquares"
        let routine = "LAPACKE_dgels"
        let m = a.rows
        let n = a.columns
        guard m > 0, n > 0, b.columns > 0 else {
            throw LinearAlgebraError.emptyMatrix(operation: operation)
        }
        guard m >= n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                detail: "A is \(m)×\(n); least squares needs at least as many rows as columns")
        }
        guard b.rows == m else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                detail: "A has \(m) rows but the right-hand side has \(b.rows)")
        }
        try requireFinite(a.storage, routine: routine, argument: 6, name: "A")
        try requireFinite(b.storage, routine: routine, argument: 8, name: "B")
        let m32 = try Int32(checkedDimension: m)
        let n32 = try Int32(checkedDimension: n)
        let nrhs32 = try Int32(checkedDimension: b.columns)

        var factor = a.storage
        var solution = b.storage  // ldb = m (valid because m >= n)
        let info = factor.withUnsafeMutableBufferPointer { pa in
            solution.withUnsafeMutableBufferPointer { pb in
                LAPACKE_dgels(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "N")),
                              m32, n32, nrhs32,
                              pa.baseAddress, m32,
                              pb.baseAddress, m32)
            }
        }
        if info > 0 {
            throw LinearAlgebraError.rankDeficient(column: Int(info) - 1)
        }
        try check(info, routine: routine)

        // Numerical rank: diagonal of R sits on the diagonal of the overwritten A.
        var largest = 0.0
        for i in 0..<n { largest = max(largest, abs(factor[i + i * m])) }
        let threshold = rankToleranceFactor * Double(max(m, n)) * Double.ulpOfOne * largest
        for i in 0..<n where abs(factor[i + i * m]) <= threshold {
            throw LinearAlgebraError.rankDeficient(column: i)
        }

        // Rows 0..<n of each column of B hold x; rows n..<m hold Qᵀb residual components.
        var x = [Double]()
        x.reserveCapacity(n * b.columns)
        for j in 0..<b.columns {
            x.append(contentsOf: solution[(j * m)..<(j * m + n)])
        }
        return Matrix(uncheckedRows: n, columns: b.columns, storage: x)
    }

    /// Solves `A·x = b` for a symmetric positive definite `n × n` matrix `A`
    /// by Cholesky factorisation `A = UᵀU` (`LAPACKE_dposv` with `uplo = 'U'`;
    /// reference: netlib `DPOSV`, Golub & Van Loan §4.2).
    ///
    /// Only the **upper triangle** of `A` is read (LAPACK convention); the
    /// strictly lower part is ignored, so symmetry is not checked. Typical use:
    /// the normal equations with `A = BLAS.syrk(X)`.
    ///
    /// - Returns: `x` (length `n`).
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(order:)`` when `dposv`
    ///   returns `info > 0`; ``LinearAlgebraError/dimensionMismatch(operation:detail:)``
    ///   (non-square `A`, `b.count != n`); ``LinearAlgebraError/emptyMatrix(operation:)``;
    ///   ``LinearAlgebraError/lapack(routine:info:meaning:)``;
    ///   ``LinearAlgebraError/tooLarge(dimension:)``.
    public static func choleskySolve(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        let rhs = Matrix(uncheckedRows: b.count, columns: 1, storage: b)
        return try choleskySolve(a, rhs).storage
    }

    /// Solves `A·X = B` for a symmetric positive definite `A` and an `n × r`
    /// right-hand side `B` (`LAPACKE_dposv` with `nrhs = r`); one factorisation
    /// serves all columns. Same conditions and errors as
    /// `choleskySolve(_:_:)` (vector form). Returns the `n × r` solution `X`.
    public static func choleskySolve(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        let operation = "LAPACK.choleskySolve"
        let routine = "LAPACKE_dposv"
        let n = a.rows
        guard n > 0, a.columns > 0, b.columns > 0 else {
            throw LinearAlgebraError.emptyMatrix(operation: operation)
        }
        guard a.columns == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, detail: "A is \(a.rows)×\(a.columns), must be square")
        }
        guard b.rows == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, detail: "A is \(n)×\(n) but the right-hand side has \(b.rows) rows")
        }
        try requireFinite(a.storage, routine: routine, argument: 5, name: "A")
        try requireFinite(b.storage, routine: routine, argument: 7, name: "B")
        let n32 = try Int32(checkedDimension: n)
        let nrhs32 = try Int32(checkedDimension: b.columns)

        var factor = a.storage
        var solution = b.storage
        let info = factor.withUnsafeMutableBufferPointer { pa in
            solution.withUnsafeMutableBufferPointer { pb in
                LAPACKE_dposv(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")),
                              n32, nrhs32, pa.baseAddress, n32, pb.baseAddress, n32)
            }
        }
        if info > 0 {
            throw LinearAlgebraError.notPositiveDefinite(order: Int(info))
        }
        try check(info, routine: routine)
        return Matrix(uncheckedRows: n, columns: b.columns, storage: solution)
    }

    /// Inverse `A⁻¹` of a symmetric positive definite matrix, as a full
    /// symmetric matrix: Cholesky `A = UᵀU` (`LAPACKE_dpotrf`, `uplo = 'U'`),
    /// then `A⁻¹ = U⁻¹U⁻ᵀ` (`LAPACKE_dpotri`), then the upper triangle is
    /// mirrored into the lower one (reference: netlib `DPOTRF`/`DPOTRI`).
    ///
    /// Needed for regression standard errors: `Var(β̂) = σ̂²·(XᵀX)⁻¹`.
    /// Only the upper triangle of `A` is read. For solving systems, prefer
    /// `choleskySolve(_:_:)`, which is cheaper and more accurate.
    ///
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(order:)`` (`dpotrf`
    ///   `info > 0`); ``LinearAlgebraError/dimensionMismatch(operation:detail:)``
    ///   (non-square); ``LinearAlgebraError/emptyMatrix(operation:)``;
    ///   ``LinearAlgebraError/lapack(routine:info:meaning:)``;
    ///   ``LinearAlgebraError/tooLarge(dimension:)``.
    public static func choleskyInverse(_ a: Matrix) throws -> Matrix {
        let operation = "LAPACK.choleskyInverse"
        let n = a.rows
        guard n > 0, a.columns > 0 else {
            throw LinearAlgebraError.emptyMatrix(operation: operation)
        }
        guard a.columns == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, detail: "A is \(a.rows)×\(a.columns), must be square")
        }
        try requireFinite(a.storage, routine: "LAPACKE_dpotrf", argument: 4, name: "A")
        let n32 = try Int32(checkedDimension: n)

        var work = a.storage
        let uplo = CChar(UInt8(ascii: "U"))
        let factorInfo = work.withUnsafeMutableBufferPointer { pa in
            LAPACKE_dpotrf(LAPACK_COL_MAJOR, uplo, n32, pa.baseAddress, n32)
        }
        if factorInfo > 0 {
            throw LinearAlgebraError.notPositiveDefinite(order: Int(factorInfo))
        }
        try check(factorInfo, routine: "LAPACKE_dpotrf")
        let inverseInfo = work.withUnsafeMutableBufferPointer { pa in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, uplo, n32, pa.baseAddress, n32)
        }
        if inverseInfo > 0 {
            throw LinearAlgebraError.lapack(
                routine: "LAPACKE_dpotri", info: inverseInfo,
                meaning: "diagonal element \(inverseInfo) of the Cholesky factor is zero; the inverse could not be computed")
        }
        try check(inverseInfo, routine: "LAPACKE_dpotri")
        BLAS.mirrorUpperToLower(&work, order: n)
        return Matrix(uncheckedRows: n, columns: n, storage: work)
    }

    /// Throws the LAPACKE-style argument error `info = -argument` if `values`
    /// contains NaN or ±Inf.
    static func requireFinite(_ values: [Double], routine: String, argument: Int32, name: String) throws {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw LinearAlgebraError.lapack(
                routine: routine, info: -argument,
                meaning: "argument \(argument) (\(name)) contains a non-finite value \(values[index]) at storage index \(index); rejected before the call")
        }
    }

    /// Maps a non-zero, non-positive LAPACKE `info` that has no dedicated case
    /// to ``LinearAlgebraError/lapack(routine:info:meaning:)``. `info == 0` returns.
    static func check(_ info: Int32, routine: String) throws {
        guard info != 0 else { return }
        let meaning: String
        switch info {
        case LAPACK_WORK_MEMORY_ERROR:
            meaning = "LAPACKE could not allocate workspace memory"
        case LAPACK_TRANSPOSE_MEMORY_ERROR:
            meaning = "LAPACKE could not allocate memory for a transposed copy"
        case ..<0:
            meaning = "argument \(-info) had an illegal value (or contained NaN, per LAPACKE's NaN check)"
        default:
            meaning = "computation failed at step \(info)"
        }
        throw LinearAlgebraError.lapack(routine: routine, info: info, meaning: meaning)
    }
}

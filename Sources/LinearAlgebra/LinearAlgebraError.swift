/// Errors thrown by the `LinearAlgebra` module. Every public throwing function
/// in this module throws only `LinearAlgebraError`.
///
/// Dimensions are validated in Swift **before** any BLAS/LAPACK call, so a
/// shape error is always reported as a thrown error, never as a C-level
/// `xerbla` abort or an out-of-bounds read.
public enum LinearAlgebraError: Error, Equatable, Sendable {
    /// Operand shapes are incompatible for `operation` (e.g. `gemm` with
    /// `A.columns != B.rows`, `leastSquares` with fewer rows than columns,
    /// a ragged row list). `detail` states the offending sizes.
    case dimensionMismatch(operation: String, detail: String)

    /// A dimension, leading dimension or vector length exceeds `Int32.max`
    /// (2³¹ − 1), the largest integer that LP64 BLAS/LAPACK (`CBLAS_INT`,
    /// `lapack_int`, OpenBLAS `blasint`) can take.
    case tooLarge(dimension: Int)

    /// LAPACK(E) returned a non-zero `info` that has no more specific case.
    /// `info < 0`: argument `-info` was illegal (this module also reports
    /// non-finite input this way, using LAPACKE's convention);
    /// `-1010` / `-1011`: LAPACKE could not allocate memory.
    case lapack(routine: String, info: Int32, meaning: String)

    /// Cholesky factorisation failed (`dposv`/`dpotrf` `info > 0`): the leading
    /// minor of order `order` (1-based, as LAPACK reports it) is not positive
    /// definite, so the matrix is not symmetric positive definite.
    case notPositiveDefinite(order: Int)

    /// The least-squares design matrix does not have full column rank.
    /// `column` is the **zero-based** column at which the triangular factor `R`
    /// of the QR factorisation has a zero (`dgels` `info > 0`) or numerically
    /// negligible diagonal element (see `LAPACK.leastSquares`).
    case rankDeficient(column: Int)

    /// `operation` needs a non-empty matrix (zero rows or zero columns given).
    case emptyMatrix(operation: String)
}

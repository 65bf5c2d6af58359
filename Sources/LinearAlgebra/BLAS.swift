import CLinearAlgebra

/// Level 1–3 BLAS wrappers on ``Matrix`` and `[Double]`.
///
/// `BLAS` is a caseless enum used as a namespace (the swift-numerics style):
/// call sites read `try BLAS.gemm(x, x, transposeA: true)`, which keeps the
/// C routine visible in the name and avoids polluting `Matrix` with
/// operators whose cost and error behaviour would be hidden.
///
/// Every function
/// * validates shapes in Swift first and throws
///   ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` instead of
///   letting the C library call `xerbla` (which prints and may abort);
/// * converts every dimension, leading dimension and length to `Int32`
///   through a checked conversion that throws ``LinearAlgebraError/tooLarge(dimension:)``;
/// * calls the CBLAS interface in **column-major** layout (`CblasColMajor`),
///   matching ``Matrix/storage``, so no data is reordered.
///
/// Results depend on the linked provider (reference BLAS vs OpenBLAS, and the
/// OpenBLAS core type) in the last bits; see `README.md`.
public enum BLAS {

    /// General matrix–matrix product: `C ← α·op(A)·op(B) + β·C`
    /// (BLAS level 3, `cblas_dgemm`; reference: netlib BLAS `DGEMM`).
    ///
    /// `op(X)` is `Xᵀ` when the corresponding `transpose` flag is `true`, else `X`.
    /// With `op(A)` of size `m × k` and `op(B)` of size `k × n`, the result is `m × n`.
    ///
    /// - Parameters:
    ///   - a: left operand `A`.
    ///   - b: right operand `B`.
    ///   - transposeA: use `Aᵀ` (no copy is made; BLAS reads `A` transposed).
    ///   - transposeB: use `Bᵀ`.
    ///   - alpha: scalar `α`.
    ///   - beta: scalar `β`; only used when `c` is given. As in BLAS, when
    ///     `β == 0` the input `C` is not read (NaNs in it do not propagate).
    ///   - c: optional accumulator `C` (`m × n`); `nil` means `C = 0`.
    /// - Returns: the `m × n` matrix `α·op(A)·op(B) + β·C`. Empty shapes give
    ///   their mathematical result (`k == 0` gives `β·C`, or zeros).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` when
    ///   the inner dimensions differ or `c` is not `m × n`;
    ///   ``LinearAlgebraError/tooLarge(dimension:)`` when a dimension exceeds `Int32.max`.
    public static func gemm(
        _ a: Matrix, _ b: Matrix,
        transposeA: Bool = false, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0,
        c: Matrix? = nil
    ) throws -> Matrix {
        let operation = "BLAS.gemm"
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        guard k == kB else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                detail: "op(A) is \(m)×\(k) but op(B) is \(kB)×\(n)")
        }
        if let c, c.rows != m || c.columns != n {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                detail: "C is \(c.rows)×\(c.columns), expected \(m)×\(n)")
        }
        let m32 = try Int32(checkedDimension: m)
        let n32 = try Int32(checkedDimension: n)
        let k32 = try Int32(checkedDimension: k)
        let lda = try Int32(checkedDimension: max(1, a.rows))
        let ldb = try Int32(checkedDimension: max(1, b.rows))
        let ldc = try Int32(checkedDimension: max(1, m))

        var result = c?.storage ?? [Double](repeating: 0, count: m * n)
        guard m > 0, n > 0 else {
            return Matrix(uncheckedRows: m, columns: n, storage: result)
        }
        let effectiveBeta = c == nil ? 0 : beta
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                result.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        m32, n32, k32,
                        alpha, pa.baseAddress, lda,
                        pb.baseAddress, ldb,
                        effectiveBeta, pc.baseAddress, ldc)
                }
            }
        }
        return Matrix(uncheckedRows: m, columns: n, storage: result)
    }

    /// General matrix–vector product: `y ← op(A)·x`
    /// (BLAS level 2, `cblas_dgemv` with `α = 1`, `β = 0`; reference: netlib `DGEMV`).
    ///
    /// - Parameters:
    ///   - a: the `m × n` matrix `A`.
    ///   - x: the vector `x`, of length `n` (or `m` when `transpose` is `true`).
    ///   - transpose: compute `Aᵀ·x` instead of `A·x`.
    /// - Returns: `y`, of length `m` (or `n` when `transpose` is `true`).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` when
    ///   `x` has the wrong length; ``LinearAlgebraError/tooLarge(dimension:)``.
    public static func gemv(_ a: Matrix, _ x: [Double], transpose: Bool = false) throws -> [Double] {
        let expected = transpose ? a.rows : a.columns
        guard x.count == expected else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "BLAS.gemv",
                detail: "\(transpose ? "Aᵀ" : "A") needs x of length \(expected) (A is \(a.rows)×\(a.columns)), got \(x.count)")
        }
        let m32 = try Int32(checkedDimension: a.rows)
        let n32 = try Int32(checkedDimension: a.columns)
        let lda = try Int32(checkedDimension: max(1, a.rows))
        let outputCount = transpose ? a.columns : a.rows
        var y = [Double](repeating: 0, count: outputCount)
        guard outputCount > 0, expected > 0 else { return y }
        a.storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, transpose ? CblasTrans : CblasNoTrans,
                        m32, n32, 1.0, pa.baseAddress, lda,
                        px.baseAddress, 1, 0.0, py.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// Gram matrix `C = AᵀA` (`n × n` for an `m × n` matrix `A`), returned as a
    /// **full** symmetric matrix.
    ///
    /// Uses `cblas_dsyrk` (BLAS level 3, `C ← α·AᵀA + β·C` with `uplo = Upper`,
    /// `trans = Trans`; reference: netlib `DSYRK`), which computes only the upper
    /// triangle at about half the cost of `gemm(A, A, transposeA: true)`; the
    /// upper triangle is then mirrored into the lower one, so the result is
    /// exactly symmetric (unlike `gemm`, whose two triangles may differ in the
    /// last bits). This is the `XᵀX` of the normal equations.
    ///
    /// - Throws: ``LinearAlgebraError/tooLarge(dimension:)``.
    public static func syrk(_ a: Matrix) throws -> Matrix {
        let n = a.columns
        let k = a.rows
        let n32 = try Int32(checkedDimension: n)
        let k32 = try Int32(checkedDimension: k)
        let lda = try Int32(checkedDimension: max(1, k))
        let ldc = try Int32(checkedDimension: max(1, n))
        var c = [Double](repeating: 0, count: n * n)
        guard n > 0 else { return Matrix(uncheckedRows: 0, columns: 0, storage: c) }
        a.storage.withUnsafeBufferPointer { pa in
            c.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans,
                            n32, k32, 1.0, pa.baseAddress, lda,
                            0.0, pc.baseAddress, ldc)
            }
        }
        mirrorUpperToLower(&c, order: n)
        return Matrix(uncheckedRows: n, columns: n, storage: c)
    }

    /// Inner product `xᵀy = Σᵢ xᵢ·yᵢ` (BLAS level 1, `cblas_ddot`; reference: netlib `DDOT`).
    ///
    /// Returns `0` for empty vectors.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` when
    ///   the lengths differ; ``LinearAlgebraError/tooLarge(dimension:)``.
    public static func dot(_ x: [Double], _ y: [Double]) throws -> Double {
        guard x.count == y.count else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "BLAS.dot", detail: "x has \(x.count) elements, y has \(y.count)")
        }
        let n32 = try Int32(checkedDimension: x.count)
        guard n32 > 0 else { return 0 }
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                cblas_ddot(n32, px.baseAddress, 1, py.baseAddress, 1)
            }
        }
    }

    /// Scaled vector addition `α·x + y` (BLAS level 1, `cblas_daxpy`;
    /// reference: netlib `DAXPY`). Returns a new array; `y` is not modified.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` when
    ///   the lengths differ; ``LinearAlgebraError/tooLarge(dimension:)``.
    public static func axpy(_ alpha: Double, _ x: [Double], _ y: [Double]) throws -> [Double] {
        guard x.count == y.count else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "BLAS.axpy", detail: "x has \(x.count) elements, y has \(y.count)")
        }
        let n32 = try Int32(checkedDimension: x.count)
        var result = y
        guard n32 > 0 else { return result }
        x.withUnsafeBufferPointer { px in
            result.withUnsafeMutableBufferPointer { py in
                cblas_daxpy(n32, alpha, px.baseAddress, 1, py.baseAddress, 1)
            }
        }
        return result
    }

    /// Copies the upper triangle of a column-major `order × order` matrix into
    /// its lower triangle (`C[j, i] = C[i, j]` for `i < j`). Used after
    /// `dsyrk` and `dpotri`, which only write one triangle.
    static func mirrorUpperToLower(_ c: inout [Double], order n: Int) {
        for j in 0..<n {
            for i in 0..<j {
                c[j + i * n] = c[i + j * n]
            }
        }
    }
}

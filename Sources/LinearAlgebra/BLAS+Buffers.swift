import CLinearAlgebra

extension BLAS {
    /// General matrix–matrix product into a caller's buffer: `C ← A·B`, `A` a ``Matrix``
    /// (`m × k`), `B` the `k × n` column-major values at `b`, `C` the `m × n` column-major
    /// values at `c` (BLAS level 3, `cblas_dgemm` with `α = 1`, `β = 0`: `C` is not read;
    /// reference: netlib BLAS `DGEMM`).
    ///
    /// For loops that multiply the same `A` by many small `B` (the amendment search's
    /// candidate batches): no allocation per call, so a worker reuses one output buffer and no
    /// page is faulted in twice.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` when `b` does not
    ///   hold `k × n` values or `c` does not hold `m × n`; ``LinearAlgebraError/tooLarge(dimension:)``
    ///   when a dimension exceeds `Int32.max`.
    public static func gemm(_ a: Matrix, columnMajor b: UnsafeBufferPointer<Double>, columns n: Int,
                            into c: UnsafeMutableBufferPointer<Double>) throws {
        let operation = "BLAS.gemm(_:columnMajor:columns:into:)"
        let m = a.rows, k = a.columns
        guard n >= 0, b.count >= k * n, c.count >= m * n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                detail: "A is \(m)×\(k); B holds \(b.count) values for \(k)×\(n), C holds \(c.count) for \(m)×\(n)")
        }
        let m32 = try Int32(checkedDimension: m)
        let n32 = try Int32(checkedDimension: n)
        let k32 = try Int32(checkedDimension: k)
        let lda = try Int32(checkedDimension: max(1, m))
        let ldb = try Int32(checkedDimension: max(1, k))
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for i in 0..<(m * n) { c[i] = 0 }
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m32, n32, k32,
                        1, pa.baseAddress, lda, b.baseAddress, ldb, 0, c.baseAddress, lda)
        }
    }
}

import LinearAlgebra

/// `Xᵀ diag(sᵢ²) X`, the Gram matrix of `X` with row `i` scaled by `sᵢ`: the `XᵀWX` of IRLS
/// (`sᵢ = √(tᵢ·wᵢ)`), the `XᵀFX` of a frequency-weighted least-squares fit (`sᵢ = √fᵢ`) and the
/// meat of a sandwich covariance (`sᵢ = √fᵢ·|eᵢ|·…`).
///
/// Accumulated over blocks of ``blockRows`` rows, each scaled into one reused buffer and added by
/// `BLAS.gemm(B, B, transposeA: true, beta: 1, c: G)`; the two triangles are then averaged so the
/// result is exactly symmetric. A whole scaled copy of a 1M × 30 design would be 240 MB of fresh
/// memory per call (measured: a third of the time went to page faults); a 8,192-row block is 2 MB
/// and stays in cache. The block order is fixed, so the result does not depend on threads. The
/// only per-row Swift work is the scaling copy (one multiply per element); the `k²` products per
/// row are BLAS's. (`dsyrk` would do half the flops, but sums in another order: the model
/// audit's figures would move in their last bits, and they are compared byte for byte.)
///
/// On a compressed design (``DesignPatterns``) `X` has one row per distinct pattern and the
/// frequencies are in `s`, so the same routine serves both.
enum WeightedGram {
    /// Rows per block.
    static let blockRows = 8_192

    static func compute(_ x: Matrix, scale: [Double]) throws -> Matrix {
        let n = x.rows, k = x.columns
        try DriversInput.requireCount(scale.count, n, "row scales (one per design row)")
        var gram = Matrix(rows: k, columns: k, repeating: 0)
        var buffer = [Double](repeating: 0, count: min(blockRows, n) * k)
        var start = 0
        while start < n {
            let rows = min(blockRows, n - start)
            if buffer.count != rows * k { buffer = [Double](repeating: 0, count: rows * k) }
            buffer.withUnsafeMutableBufferPointer { target in
                x.storage.withUnsafeBufferPointer { source in
                    scale.withUnsafeBufferPointer { s in
                        for j in 0..<k {
                            let from = j * n + start, to = j * rows
                            for i in 0..<rows { target[to + i] = source[from + i] * s[start + i] }
                        }
                    }
                }
            }
            let block = try Matrix(rows: rows, columns: k, columnMajor: buffer)
            gram = try BLAS.gemm(block, block, transposeA: true, beta: 1, c: gram)
            start += rows
        }
        for j in 0..<k {
            for i in 0..<j {
                let mean = 0.5 * (gram[i, j] + gram[j, i])
                gram[i, j] = mean
                gram[j, i] = mean
            }
        }
        return gram
    }
}

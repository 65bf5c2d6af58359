import LinearAlgebra

/// `Xᵀ diag(sᵢ²) X`, the Gram matrix of `X` with row `i` scaled by `sᵢ`: the `XᵀWX` of IRLS
/// (`sᵢ = √(fᵢ·wᵢ)`), the `XᵀFX` of a frequency-weighted least-squares fit (`sᵢ = √fᵢ`) and the
/// meat of a sandwich covariance (`sᵢ = √fᵢ·|eᵢ|·…`).
///
/// Accumulated over blocks of ``blockRows`` rows, each scaled into one reused buffer and added by
/// `dsyrk` (`BLAS.syrkUpdate`: `G ← BᵀB + G`, upper triangle, half the flops of a `gemm`); the
/// upper triangle is mirrored at the end, so the result is exactly symmetric. A whole scaled copy
/// of a 1M × 30 design would be 240 MB of fresh memory per call (measured: a third of the time
/// went to page faults); a 8,192-row block is 2 MB and stays in cache. The only per-row work in
/// Swift is the scaling copy (one multiply per element); the `k²` products per row are BLAS's.
/// The block order is fixed, so the result does not depend on threads.
///
/// On a compressed design (``DesignPatterns``) `X` has one row per distinct pattern and the
/// frequencies are in `s`, so the same routine serves both.
enum WeightedGram {
    /// Rows per block.
    static let blockRows = 8_192

    static func compute(_ x: Matrix, scale: [Double]) throws -> Matrix {
        let n = x.rows, k = x.columns
        try DriversInput.requireCount(scale.count, n, "row scales (one per design row)")
        var gram = [Double](repeating: 0, count: k * k)
        var buffer = [Double](repeating: 0, count: min(blockRows, n) * k)
        var start = 0
        while start < n {
            let rows = min(blockRows, n - start)
            try buffer.withUnsafeMutableBufferPointer { target in
                x.storage.withUnsafeBufferPointer { source in
                    scale.withUnsafeBufferPointer { s in
                        for j in 0..<k {
                            let from = j * n + start, to = j * rows
                            for i in 0..<rows { target[to + i] = source[from + i] * s[start + i] }
                        }
                    }
                }
                try gram.withUnsafeMutableBufferPointer { g in
                    try BLAS.syrkUpdate(columnMajor: UnsafeBufferPointer(target), rows: rows, columns: k, into: g)
                }
            }
            start += rows
        }
        for j in 0..<k {
            for i in 0..<j { gram[j + i * k] = gram[i + j * k] }
        }
        return try Matrix(rows: k, columns: k, columnMajor: gram)
    }
}

extension Matrix: Equatable {
    /// Exact element-wise equality: same shape and bit-for-bit equal elements
    /// under IEEE `==` (so `NaN != NaN`, `0.0 == -0.0`).
    ///
    /// Results of BLAS/LAPACK calls differ between providers (reference BLAS,
    /// OpenBLAS with different core types) in the last bits; compare those with
    /// a tolerance, not with `==`.
    public static func == (lhs: Matrix, rhs: Matrix) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.storage == rhs.storage
    }
}

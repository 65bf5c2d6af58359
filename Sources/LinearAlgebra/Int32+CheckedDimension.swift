extension Int32 {
    /// Converts a Swift `Int` dimension, leading dimension or length to the
    /// 32-bit integer type that LP64 BLAS/LAPACK take (`CBLAS_INT`, `lapack_int`).
    ///
    /// A plain `Int32(x)` traps above 2³¹ − 1; every C call in this module goes
    /// through this initializer instead, so oversized input becomes a thrown error.
    ///
    /// - Throws: ``LinearAlgebraError/tooLarge(dimension:)`` if `value > Int32.max`
    ///   (negative values cannot occur: `Matrix` and `Array` sizes are non-negative,
    ///   but they are rejected the same way for safety).
    init(checkedDimension value: Int) throws {
        guard let converted = Int32(exactly: value), converted >= 0 else {
            throw LinearAlgebraError.tooLarge(dimension: value)
        }
        self = converted
    }
}

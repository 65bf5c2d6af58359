extension LinearAlgebraError: CustomStringConvertible {
    /// A one-line, human-readable explanation suitable for logs and audit reports.
    public var description: String {
        switch self {
        case let .dimensionMismatch(operation, detail):
            return "\(operation): dimension mismatch: \(detail)"
        case let .tooLarge(dimension):
            return "dimension \(dimension) exceeds the 32-bit BLAS/LAPACK limit \(Int32.max)"
        case let .lapack(routine, info, meaning):
            return "\(routine) failed with info = \(info): \(meaning)"
        case let .notPositiveDefinite(order):
            return "matrix is not positive definite: leading minor of order \(order) is not positive"
        case let .rankDeficient(column):
            return "matrix is rank deficient: column \(column) (zero-based) is linearly dependent on the previous columns"
        case let .emptyMatrix(operation):
            return "\(operation): matrix has no rows or no columns"
        }
    }
}

/// A dense, real, double-precision matrix stored in **column-major** order.
///
/// Element `(i, j)` (zero-based row `i`, column `j`) lives at
/// `storage[i + j * rows]`, which is exactly the layout BLAS and LAPACK expect
/// with `CblasColMajor` / `LAPACK_COL_MAJOR` and a leading dimension of `rows`.
/// Keeping the Fortran layout means no wrapper ever has to transpose or copy
/// into a different order before calling C (LAPACKE would otherwise transpose
/// row-major input internally, costing an extra copy and allocation).
///
/// `Matrix` is a value type (copy-on-write through its `storage` array) and is
/// `Sendable`, so it can cross concurrency domains freely.
///
/// Zero-sized matrices (`rows == 0` or `columns == 0`) are allowed; the BLAS
/// wrappers give them their mathematical meaning, while the LAPACK solvers
/// reject them with ``LinearAlgebraError/emptyMatrix(operation:)``.
public struct Matrix: Sendable {
    /// Number of rows (`m`).
    public let rows: Int

    /// Number of columns (`n`).
    public let columns: Int

    /// The `rows * columns` elements in column-major order:
    /// element `(i, j)` is `storage[i + j * rows]`.
    public private(set) var storage: [Double]

    /// Creates a `rows × columns` matrix with every element equal to `value`.
    ///
    /// - Precondition: `rows >= 0`, `columns >= 0`, and `rows * columns` does
    ///   not overflow `Int` (the same contract as `Array(repeating:count:)`).
    public init(rows: Int, columns: Int, repeating value: Double) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        precondition(!overflow, "Matrix element count overflows Int")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: count)
    }

    /// Creates a `rows × columns` matrix from elements already laid out in
    /// column-major order (element `(i, j)` at index `i + j * rows`).
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` if a
    ///   dimension is negative or `columnMajor.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) throws {
        let operation = "Matrix.init(rows:columns:columnMajor:)"
        guard rows >= 0, columns >= 0 else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation, detail: "negative dimension \(rows)×\(columns)")
        }
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, count == columnMajor.count else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: operation,
                detail: "\(rows)×\(columns) needs \(rows)*\(columns) elements, got \(columnMajor.count)")
        }
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// Creates a matrix from a list of rows, as written on paper:
    /// `try Matrix(rows: [[1, 2], [3, 4]])` is `[1 2; 3 4]`.
    ///
    /// An empty list gives a `0 × 0` matrix; `[[]]` gives a `1 × 0` matrix.
    ///
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(operation:detail:)`` if
    ///   the rows do not all have the same length (ragged input).
    public init(rows rowList: [[Double]]) throws {
        let m = rowList.count
        let n = rowList.first?.count ?? 0
        for (index, row) in rowList.enumerated() where row.count != n {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Matrix.init(rows:)",
                detail: "row \(index) has \(row.count) elements, row 0 has \(n)")
        }
        var storage = [Double](repeating: 0, count: m * n)
        for (i, row) in rowList.enumerated() {
            for (j, value) in row.enumerated() {
                storage[i + j * m] = value
            }
        }
        self.rows = m
        self.columns = n
        self.storage = storage
    }

    /// Element `(row, column)`, zero-based; stored at `storage[row + column * rows]`.
    ///
    /// - Precondition: `0 <= row < rows` and `0 <= column < columns`
    ///   (out-of-range access traps, like `Array`).
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) out of range for \(rows)×\(columns)")
            return storage[row + column * rows]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "Matrix index (\(row), \(column)) out of range for \(rows)×\(columns)")
            storage[row + column * rows] = newValue
        }
    }

    /// Column `j` (zero-based) as a new array of `rows` elements. This is a
    /// contiguous slice of ``storage`` because the layout is column-major.
    ///
    /// - Precondition: `0 <= j < columns`.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "Column \(j) out of range for \(rows)×\(columns)")
        return Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// The transpose `Aᵀ` (a `columns × rows` matrix with `Aᵀ[j, i] == A[i, j]`).
    ///
    /// Implemented as a plain Swift copy loop; the BLAS wrappers accept
    /// `transposeA`/`transposeB` flags, so callers rarely need a materialised
    /// transpose for arithmetic.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows, repeating: 0)
        for j in 0..<columns {
            for i in 0..<rows {
                // A[i, j] -> Aᵀ[j, i], stored at j + i * columns.
                result.storage[j + i * columns] = storage[i + j * rows]
            }
        }
        return result
    }

    /// The `n × n` identity matrix `I` (ones on the diagonal, zeros elsewhere).
    ///
    /// - Precondition: `n >= 0`.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n, repeating: 0)
        for i in 0..<n {
            result.storage[i + i * n] = 1
        }
        return result
    }

    /// Internal unchecked initializer used by the wrappers once dimensions are known to agree.
    init(uncheckedRows rows: Int, columns: Int, storage: [Double]) {
        assert(rows * columns == storage.count)
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }
}

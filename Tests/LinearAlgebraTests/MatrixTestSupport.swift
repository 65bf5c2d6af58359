import LinearAlgebra
import TestSupport

/// ``isClose(_:_:tolerance:)`` (TestSupport) for matrices of the same shape.
func isClose(_ actual: Matrix, _ expected: Matrix, tolerance: Double = 1e-12) -> Bool {
    actual.rows == expected.rows && actual.columns == expected.columns
        && isClose(actual.storage, expected.storage, tolerance: tolerance)
}

func randomMatrix(rows: Int, columns: Int, using generator: inout SplitMix64) -> Matrix {
    var m = Matrix(rows: rows, columns: columns, repeating: 0)
    for j in 0..<columns {
        for i in 0..<rows {
            m[i, j] = Double.random(in: -1...1, using: &generator)
        }
    }
    return m
}

/// Plain Swift ijk triple loop: the reference for `BLAS.gemm`.
func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns, repeating: 0)
    for i in 0..<a.rows {
        for j in 0..<b.columns {
            var sum = 0.0
            for k in 0..<a.columns { sum += a[i, k] * b[k, j] }
            c[i, j] = sum
        }
    }
    return c
}

import LinearAlgebra

/// `true` when `|actual - expected| <= tolerance * max(1, |expected|)`:
/// relative for large values, absolute near zero. BLAS providers (reference,
/// OpenBLAS per core type) differ in the last bits, so results are never
/// compared with `==` unless the data are small integers.
func isClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected))
}

func isClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12) -> Bool {
    actual.count == expected.count
        && zip(actual, expected).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

func isClose(_ actual: Matrix, _ expected: Matrix, tolerance: Double = 1e-12) -> Bool {
    actual.rows == expected.rows && actual.columns == expected.columns
        && isClose(actual.storage, expected.storage, tolerance: tolerance)
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator so
/// the random-matrix tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
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

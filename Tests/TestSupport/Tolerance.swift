/// `true` when `|actual − expected| ≤ tolerance · max(1, |expected|)`: relative for large
/// values, absolute near zero. BLAS providers (reference, OpenBLAS per core type) and
/// summation orders differ in the last bits, so computed values are never compared with
/// `==` unless they are small integers.
public func isClose(_ actual: Double, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// Element-wise ``isClose(_:_:tolerance:)`` of two arrays of the same length.
public func isClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// ``isClose(_:_:tolerance:)`` for an optional value: `nil` is never close.
public func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    actual.map { isClose($0, expected, tolerance: tolerance) } ?? false
}

@_exported import struct AuditFixtures.SplitMix64

/// The seeded generator of every randomised test: the fixtures' ``SplitMix64`` (Steele,
/// Lea & Flood 2014), so a failing seed reproduces on any machine.
extension SplitMix64 {
    /// A generator whose first state is `state` (the same sequence as `init(seed:)`).
    public init(state: UInt64) { self.init(seed: state) }

    /// Uniform on [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { nextUniform() }

    /// A whole number in 0..<n (modulo reduction: negligible bias for small n).
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

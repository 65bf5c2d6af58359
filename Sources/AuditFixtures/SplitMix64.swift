import Foundation

/// A small, fast, fully deterministic pseudo-random number generator.
///
/// This is Sebastiano Vigna's SplitMix64 (the generator used to seed the
/// xoshiro family). It has a 64-bit state, passes BigCrush, and — unlike
/// `SystemRandomNumberGenerator` — produces the same sequence on every
/// platform for the same seed, which is what reproducible fixtures need.
///
/// The helpers below (`nextUniform()`, `nextNormal()`, `bernoulli(_:)`)
/// are defined with explicit bit manipulation so that their results do not
/// depend on the standard library's implementation of `Double.random(in:using:)`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current internal state; advanced by a fixed odd constant at each step.
    @usableFromInline var state: UInt64
    /// Second deviate of the last polar-method pair, if not yet consumed.
    @usableFromInline var spare: Double = 0
    @usableFromInline var hasSpare = false

    /// Creates a generator whose sequence is fully determined by `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// Returns the next 64 pseudo-random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mixing function.
    ///
    /// Also used to derive independent per-row seeds from `(seed, rowIndex)`.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in `[0, 1)` built from the top 53 bits of `next()`.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with probability `p` (clamped to `[0, 1]` implicitly).
    @inlinable
    public mutating func bernoulli(_ p: Double) -> Bool {
        nextUniform() < p
    }

    /// A standard normal deviate (Marsaglia's polar method).
    ///
    /// Each accepted pair of uniforms yields two independent deviates; the
    /// second is kept and returned by the next call. Uses only `log` and
    /// `sqrt` (no trigonometry); `log` comes from the platform C library,
    /// which is within 1 ulp on glibc and Darwin, so sequences are identical
    /// in practice across platforms.
    @inlinable
    public mutating func nextNormal() -> Double {
        if hasSpare {
            hasSpare = false
            return spare
        }
        while true {
            let x = 2.0 * nextUniform() - 1.0
            let y = 2.0 * nextUniform() - 1.0
            let s = x * x + y * y
            if s > 0 && s < 1 {
                let f = (-2.0 * _log(s) / s).squareRoot()
                spare = y * f
                hasSpare = true
                return x * f
            }
        }
    }
}

// Thin wrappers so the inlinable code above has a stable, module-internal
// entry point to the C library's math functions.
@usableFromInline func _log(_ x: Double) -> Double { Foundation.log(x) }
@usableFromInline func _exp(_ x: Double) -> Double { Foundation.exp(x) }

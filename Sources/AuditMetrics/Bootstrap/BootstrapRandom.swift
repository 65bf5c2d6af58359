/// Deterministic random streams for the bootstrap.
///
/// Replicate `r` of stream `s` under seed `S` gets its own generator, whose state depends only on
/// `(S, s, r)`. Work can therefore be split across threads in any way — each replicate draws from
/// its own stream and writes into its own slot — and results are identical for any thread count.
///
/// * **Key derivation** — SplitMix64's finaliser `mix` (Steele, Lea & Flood 2014, "Fast splittable
///   pseudorandom number generators", OOPSLA; constants of Vigna's `splitmix64.c`):
///   `k = mix(mix(mix(S + γ) ⊕ (s + γ)) ⊕ (r + γ))`, with `γ = 0x9E3779B97F4A7C15`. `mix` is a
///   bijection of `UInt64`, so for fixed `(S, s)` distinct replicates get distinct keys.
/// * **Generator** — xoshiro256** (Blackman & Vigna 2021, "Scrambled linear pseudorandom number
///   generators", ACM TOMS 47(4)), its 256-bit state filled with four successive SplitMix64
///   outputs started at `k`, as the authors recommend (`xoshiro256starstar.c`).
///
/// Only integer arithmetic is involved, so the bits are the same on every platform.
package struct BootstrapRandom: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    @usableFromInline static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The SplitMix64 finaliser (a bijection of `UInt64`).
    @inlinable
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The generator of replicate `replicate` of stream `stream` under `seed`.
    package init(seed: UInt64, stream: UInt64, replicate: UInt64) {
        let g = Self.gamma
        var key = Self.mix(seed &+ g)
        key = Self.mix(key ^ (stream &+ g))
        key = Self.mix(key ^ (replicate &+ g))
        // SplitMix64 sequence started at `key` fills the state.
        var x = key
        x &+= g; s0 = Self.mix(x)
        x &+= g; s1 = Self.mix(x)
        x &+= g; s2 = Self.mix(x)
        x &+= g; s3 = Self.mix(x)
        // Four consecutive outputs of a bijection on distinct inputs: at most one is zero,
        // so the forbidden all-zero state cannot occur.
    }

    /// xoshiro256**: the next 64 pseudo-random bits.
    @inlinable
    package mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }
}

extension RandomNumberGenerator {
    /// A uniform deviate in the open interval (0, 1): `(⌊x / 2¹¹⌋ + ½) · 2⁻⁵³` for 64 random bits
    /// `x`. Never 0 or 1, so its logarithm and `½ − |u − ½|` are always finite and positive.
    @inlinable
    mutating func bootstrapOpenUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}

/// Exact Poisson(1) variates by inversion of 64 random bits, for the Poisson bootstrap.
///
/// `k = min{k : u < T_k}` for a uniform 64-bit integer `u`, with `T_k = ⌊2⁶⁴ · F(k)⌋` and
/// `F(k) = e⁻¹ Σ_{j≤k} 1/j!` the Poisson(1) distribution function, so `P(k) = F(k) − F(k−1)` up
/// to 2⁻⁶⁴. The thresholds are integer constants, computed exactly (rational arithmetic and an
/// 80-digit e⁻¹) by `Fixtures/reference/inequality/make_inequality_reference.py`, which stores
/// them in `inequality_reference.json`; a test checks they agree. Draws ≥ 20 (probability
/// about 4·10⁻²⁰) are returned as 20.
///
/// **Speed.** A guide table (Chen & Asau 1974, "On generating random variates from an empirical
/// distribution", *AIIE Trans.* 6(2); Devroye 1986, §III.2.4) indexed by the top 12 bits of
/// `u` gives `k` directly for the 4 096 cells that lie inside one interval `[T_{k−1}, T_k)`,
/// and the first candidate otherwise (about 20 cells; then a short search with the full 64
/// bits). The result is the same as plain inversion, bit for bit: only integer arithmetic.
enum PoissonOneSampler {
    /// `T_k = ⌊2⁶⁴ F(k)⌋`, k = 0 … 19.
    static let thresholds: [UInt64] = [
        6_786_177_901_268_885_274, 13_572_355_802_537_770_549, 16_965_444_753_172_213_186,
        18_096_474_403_383_694_065, 18_379_231_815_936_564_285, 18_435_783_298_447_138_329,
        18_445_208_545_532_234_003, 18_446_555_009_401_533_385, 18_446_723_317_385_195_808,
        18_446_742_018_272_269_410, 18_446_743_888_360_976_771, 18_446_744_058_369_041_076,
        18_446_744_072_536_379_768, 18_446_744_073_626_175_052, 18_446_744_073_704_017_573,
        18_446_744_073_709_207_074, 18_446_744_073_709_531_418, 18_446_744_073_709_550_497,
        18_446_744_073_709_551_557, 18_446_744_073_709_551_613,
    ]

    /// Bits of `u` used by the guide table.
    static let guideBits = 12

    /// Guide table: `k` when the cell lies in one interval, else `0x80 | first candidate`.
    nonisolated(unsafe) static let guide: UnsafePointer<UInt8> = {
        let cells = 1 << guideBits
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: cells)
        let shift = UInt64(64 - guideBits)
        for c in 0..<cells {
            let low = UInt64(c) << shift
            let high = low | ((1 << shift) - 1)
            let kLow = thresholds.prefix { $0 <= low }.count
            let kHigh = thresholds.prefix { $0 <= high }.count
            table[c] = kLow == kHigh ? UInt8(kLow) : 0x80 | UInt8(kLow)
        }
        return UnsafePointer(table)
    }()

    /// Contiguous copy of `thresholds` for the slow path.
    nonisolated(unsafe) static let thresholdPointer: UnsafePointer<UInt64> = {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: thresholds.count)
        p.initialize(from: thresholds, count: thresholds.count)
        return UnsafePointer(p)
    }()

    /// The Poisson(1) variate of the 64 random bits `u` (inversion).
    @inline(__always)
    static func draw(_ u: UInt64, guide: UnsafePointer<UInt8>, thresholds t: UnsafePointer<UInt64>) -> UInt8 {
        let g = guide[Int(truncatingIfNeeded: u >> UInt64(64 - 12))]
        if g < 0x80 { return g }
        var k = Int(g & 0x7F)
        while k < 20 && u >= t[k] { k += 1 }
        return UInt8(k)
    }

    /// One draw from `generator` (convenience; the bootstrap uses `draw(_:guide:thresholds:)`).
    static func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        Int(draw(generator.next(), guide: guide, thresholds: thresholdPointer))
    }
}

/// A decimal number `significand × 10^−decimals`, held exactly: the points a grid declares
/// (`0.1`, `-7.2`, `1.5`) and the values of its per-unit columns (`27.5` months, `0.625`).
///
/// A `Double` is read back as the **shortest** decimal it stands for: the smallest number of
/// decimals k ≤ 15 such that the `Double` is the one nearest to some integer s over 10^k
/// (YAML `0.1` → 1 × 10⁻¹, `-7.2` → −72 × 10⁻¹, `60` → 60 × 10⁰). A sum computed in binary
/// such as 0.1 + 0.2 = 0.30000000000000004 needs 17 digits and is not read as a decimal.
/// Exact scoring (``GridScoreScale``) multiplies these decimals by a common power of ten so
/// that every score is an integer computed exactly in double precision.
public struct GridDecimal: Sendable, Equatable, Hashable {
    /// s, with |s| < 2⁵³.
    public let significand: Int
    /// k ≥ 0: the value is s / 10^k.
    public let decimals: Int

    /// The most decimals read back from a `Double` (15 significant digits always round-trip).
    public static let maximumDecimals = 15
    /// 2⁵³: integers below it in magnitude are exact in a `Double`.
    public static let exactIntegerLimit = 9_007_199_254_740_992

    /// 10⁰ … 10²², each exact in a `Double`.
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { a, _ in a * 10 } }

    /// s / 10^k with trailing zeros of s removed (so `decimals` is the fewest that hold the value).
    public init(significand: Int, decimals: Int) {
        var s = significand, k = decimals
        while k > 0, s % 10 == 0 { s /= 10; k -= 1 }
        self.significand = s
        self.decimals = s == 0 ? 0 : k
    }

    /// The shortest decimal (at most ``maximumDecimals`` decimals, |s| < 2⁵³) whose nearest
    /// `Double` is `x`; `nil` when there is none (non-finite, too many digits).
    public init?(_ x: Double) {
        guard x.isFinite else { return nil }
        for k in 0...Self.maximumDecimals {
            let p = Self.powersOfTen[k]
            let s = (x * p).rounded()
            guard abs(s) < Double(Self.exactIntegerLimit) else { return nil }
            // s and 10^k are exact, so s / 10^k is the Double nearest to the decimal s·10⁻ᵏ.
            if s / p == x {
                self.init(significand: Int(s), decimals: k)
                return
            }
        }
        return nil
    }

    /// The `Double` nearest to the decimal (correctly rounded: s and 10^k are exact).
    public var doubleValue: Double {
        decimals < Self.powersOfTen.count ? Double(significand) / Self.powersOfTen[decimals] : Double(significand) * pow10(-decimals)
    }

    /// s · 10^(target − k), the value in units of 10^−target, for target ≥ `decimals`;
    /// `nil` on overflow of `Int`.
    public func scaled(toDecimals target: Int) -> Int? {
        precondition(target >= decimals)
        var s = significand
        for _ in 0..<(target - decimals) {
            let (product, overflow) = s.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            s = product
        }
        return s
    }

    /// The exact product, `nil` when it does not fit (|s| ≥ 2⁵³ or more than 22 decimals).
    public func multiplied(by other: GridDecimal) -> GridDecimal? {
        let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
        guard !overflow, product.magnitude < UInt(Self.exactIntegerLimit) else { return nil }
        let result = GridDecimal(significand: product, decimals: decimals + other.decimals)
        return result.decimals < Self.powersOfTen.count ? result : nil
    }

    /// The exact sum, `nil` when it does not fit (|s| ≥ 2⁵³).
    public func adding(_ other: GridDecimal) -> GridDecimal? {
        let k = max(decimals, other.decimals)
        guard let a = scaled(toDecimals: k), let b = other.scaled(toDecimals: k) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum.magnitude < UInt(Self.exactIntegerLimit) else { return nil }
        return GridDecimal(significand: sum, decimals: k)
    }

    private func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}

import AuditData

/// How one column of the design matrix `X` becomes integers for exact scoring
/// (``GridScoreScale``): `X'[i, f] = multiplier · X[i, f]` is a whole number on every row.
///
/// * An indicator (flag, category level, band) is 0 or 1: multiplier 1.
/// * A per-unit column holds the data's values `v` (decimals, ``GridDecimal``) and, on the
///   rows at the cap, `capUnits = cap / |points per unit|`, a fraction N/Q in lowest terms
///   (cap 10 at 3 points per unit: 10/3). With Q = 2^x·5^y·Q' (Q' prime to 10) the multiplier
///   is `Q'·10^e`, e = max(decimals of the data, x, y): it turns both every `v` and the cap into
///   integers. The grid's weight must then be a multiple of Q'/10^… , which it is whenever the
///   cap in points is itself a finite decimal (3 points per unit: 3 = 3 × 1).
public struct GridColumnScale: Sendable, Equatable {
    /// `Q'·10^e`.
    public let multiplier: Int
    /// e, the power of ten in ``multiplier``.
    public let decimals: Int
    /// Q', the part of ``multiplier`` prime to 10 (1 unless the cap in units is a repeating decimal).
    public let coprime: Int
    /// `X'` on the rows at the cap (`multiplier · capUnits`), when some row reaches it.
    public let cappedValue: Int?
    /// The cap in units as stored in `X` (`cap / |ppu|`), +∞ without a cap.
    public let capUnits: Double
    /// max over rows of |X'[i, f]|, for the bound on every sum.
    public let largestScaled: Int
    /// The data value with the most decimals (file, line, column), for error messages.
    public let mostDecimals: CSVError?

    /// An indicator column: 0 or 1.
    public static let indicator = GridColumnScale(multiplier: 1, decimals: 0, coprime: 1, cappedValue: nil, capUnits: .infinity,
                                                  largestScaled: 1, mostDecimals: nil)

    init(multiplier: Int, decimals: Int, coprime: Int, cappedValue: Int?, capUnits: Double, largestScaled: Int, mostDecimals: CSVError?) {
        self.multiplier = multiplier
        self.decimals = decimals
        self.coprime = coprime
        self.cappedValue = cappedValue
        self.capUnits = capUnits
        self.largestScaled = largestScaled
        self.mostDecimals = mostDecimals
    }

    /// `X'[i, f]` for a value `x` of the column (exact: `x` is a decimal with at most
    /// ``decimals`` decimals, or the cap).
    @inline(__always)
    func scaled(_ x: Double) -> Double {
        if let cappedValue, x == capUnits { return Double(cappedValue) }
        return (x * GridDecimal.powersOfTen[decimals]).rounded() * Double(coprime)
    }
}

/// What the load records about a per-unit column, to build its ``GridColumnScale``.
struct GridUnitColumnSurvey {
    /// Most decimals among the values below the cap.
    var decimals = 0
    /// The first row where they were seen.
    var row: Int?
    /// Largest |v| below the cap.
    var largest = 0.0
    /// Whether some row reaches the cap.
    var reachesCap = false

    /// Records the value `v` of row `row`; `capUnits` is +∞ without a cap. `false` when `v`
    /// is not a decimal with at most 15 decimals (it could not be scored exactly).
    mutating func record(_ v: Double, capUnits: Double, row: Int) -> Bool {
        if v >= capUnits { reachesCap = true; return true }
        largest = max(largest, abs(v))
        // Whole numbers, the usual case, are decided without the search.
        if v == v.rounded(), abs(v) < 4.5e15 { return true }
        guard let d = GridDecimal(v) else { return false }
        if d.decimals > decimals {
            decimals = d.decimals
            self.row = row
        }
        return true
    }

    /// The message for a value that is not a short decimal.
    static func notDecimal(criterion: String, value: Double) -> String {
        "criterion '\(criterion)' (per_unit) needs a decimal number with at most \(GridDecimal.maximumDecimals) decimals, so that scores are exact; found \(value)"
    }

    /// The column's scale for a per-unit criterion worth `perUnit` points per unit, capped at
    /// `cap` points.
    /// - Throws: `SpecError` keyed by the criterion when the cap in units is not a fraction of
    ///   decimals (it always is for a validated grid) or the numbers overflow.
    func scale(perUnit: Double, cap: Double?, key: String, location: CSVError?) throws(SpecError) -> GridColumnScale {
        let capUnits = cap.map { $0 / abs(perUnit) } ?? .infinity
        func overflow() -> SpecError {
            SpecError(key: key, problem: .sentence(.gridTooFine, arguments: [:]))
        }
        var coprime = 1, twos = 0, fives = 0
        var numerator = 0, denominator = 1
        if let cap, reachesCap {
            // capUnits = cap / |ppu| = (C·10^p) / (|P|·10^c) in lowest terms N/Q.
            guard let c = GridDecimal(cap), let p = GridDecimal(abs(perUnit)) else {
                throw SpecError(key: key, problem: .sentence(.gridCapDecimals, arguments: ["digits": "\(GridDecimal.maximumDecimals)"]))
            }
            guard let top = c.scaled(toDecimals: max(c.decimals, p.decimals)),
                  let bottom = p.scaled(toDecimals: max(c.decimals, p.decimals)) else { throw overflow() }
            let g = Self.gcd(top, bottom)
            numerator = top / g
            denominator = bottom / g
            var q = denominator
            while q % 2 == 0 { q /= 2; twos += 1 }
            while q % 5 == 0 { q /= 5; fives += 1 }
            coprime = q
        }
        let e = max(decimals, twos, fives)
        guard e <= 15, let tenPower = GridDecimal(significand: 1, decimals: 0).scaled(toDecimals: e) else { throw overflow() }
        let (multiplier, o2) = tenPower.multipliedReportingOverflow(by: coprime)
        guard !o2 else { throw overflow() }
        var cappedValue: Int?
        var largestScaled = 0
        if reachesCap {
            // multiplier · N/Q = N · 10^e / (2^twos · 5^fives).
            let (scaledCap, o3) = numerator.multipliedReportingOverflow(by: tenPower)
            guard !o3 else { throw overflow() }
            let divisor = (0..<twos).reduce(1) { r, _ in r * 2 } * (0..<fives).reduce(1) { r, _ in r * 5 }
            cappedValue = scaledCap / divisor
            largestScaled = cappedValue ?? 0
        }
        let below = (largest * GridDecimal.powersOfTen[e]).rounded() * Double(coprime)
        guard below < Double(GridDecimal.exactIntegerLimit) else { throw overflow() }
        largestScaled = max(largestScaled, Int(below))
        return GridColumnScale(multiplier: multiplier, decimals: e, coprime: coprime, cappedValue: cappedValue, capUnits: capUnits,
                               largestScaled: largestScaled, mostDecimals: decimals > 0 ? location : nil)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }
}

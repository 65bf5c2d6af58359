import AuditData
import LinearAlgebra

/// The common power of ten that makes a design's scores whole numbers, so that scoring through
/// BLAS is exact (`docs/model.md`, "Exact scores").
///
/// Points are declared with finite decimals and per-unit data are decimals (``GridDecimal``).
/// With `m_f` the multiplier that makes column f of `X` whole (``GridColumnScale``) and D the
/// least number of decimals such that every weight `w_{f,g}·10^D / m_f` is whole as well,
///
///     X'[i, f] = m_f · X[i, f],   W'[f, g] = w_{f,g} · 10^D / m_f,   F' = minimum_score · 10^D
///
/// are integers, and `X'·W'` (BLAS `dgemm`), the exclusive groups' maxima and the floor give
/// `10^D ×` the exact scores. Integer arithmetic in double precision is exact while every value
/// stays below 2⁵³; the construction checks the stronger bound
///
///     Σ_f max_i |X'[i, f]| · |W'[f, g]| + |F'| < 2⁵²   for every score column g,
///
/// which bounds every partial sum, in any summation order (BLAS blocking, FMA), and every score.
/// Below 2⁵² units, two exact scores one unit apart never round to the same `Double` when
/// divided by 10^D (the gap exceeds an ulp), so the points — the `Double` nearest to each exact
/// decimal score — keep the exact order and the exact ties: ranking, tie-breaks and thresholds
/// read them as they would the integers.
public struct GridScoreScale: Sendable, Equatable {
    /// D: scores are whole numbers of 10^−D points.
    public let decimals: Int
    /// `W'`, features × score columns, column-major, whole numbers.
    public let weights: [Double]
    /// `F'`, the floor in units of 10^−D points.
    public let floor: Double?
    /// Whether some column of `X` must be multiplied (``GridColumnScale/multiplier`` ≠ 1).
    public let scalesDesign: Bool

    /// 2⁵²: the bound on every sum of a score (see the type's documentation).
    public static let limit = 4_503_599_627_370_496

    /// The scale of `design` under the weights `w` (`features × columns`).
    ///
    /// - Throws: `SpecError` (keyed by the criterion) for a weight that is not a decimal with at
    ///   most 15 decimals or, on a column capped at a repeating decimal of units, is not a
    ///   multiple of its denominator; `CSVError` at the data value with the most decimals, or
    ///   `SpecError`, when a score could reach 2⁵² units (too many decimals in the points and
    ///   the data together); `LinearAlgebraError` when `w.rows` is not the number of features.
    public init(design: GridDesign, weights w: Matrix) throws {
        let p = design.featureDefinitions.count
        guard w.rows == p else {
            throw LinearAlgebraError.dimensionMismatch(operation: "GridScoreScale", detail: "W has \(w.rows) rows, the design has \(p) features")
        }
        let grid = design.grid
        let columns = design.columnScales
        func key(_ f: Int) -> String { "criteria[\(design.featureCriterion[f] + 1)]" }
        func name(_ f: Int) -> String { grid.criteria[design.featureCriterion[f]].name }
        // Each weight as a decimal, and the decimals D must reach.
        var decimal = [GridDecimal?](repeating: nil, count: w.storage.count)
        var d = 0
        for g in 0..<w.columns {
            for f in 0..<p where w.storage[f + g * p] != 0 {
                let x = w.storage[f + g * p]
                guard let v = GridDecimal(x) else {
                    throw SpecError(key: key(f), problem: .sentence(.gridWeightDecimals, arguments: ["name": "\(name(f))", "weight": "\(x)", "column": "\(g + 1)", "digits": "\(GridDecimal.maximumDecimals)"]))
                }
                guard v.significand % columns[f].coprime == 0 else {
                    throw SpecError(key: key(f), problem: .sentence(.gridCapRepeating, arguments: ["name": "\(name(f))", "cap": "\(columns[f].capUnits)", "weight": "\(x)", "column": "\(g + 1)"]))
                }
                decimal[f + g * p] = v
                d = max(d, v.decimals + columns[f].decimals)
            }
        }
        let floor = grid.minimumScore.flatMap(GridDecimal.init)
        if let floor { d = max(d, floor.decimals) }
        var threshold: GridDecimal?
        if case .threshold(let t) = grid.allocation { threshold = GridDecimal(t) }
        if let threshold { d = max(d, threshold.decimals) }
        guard d < GridDecimal.powersOfTen.count else {
            throw SpecError(key: "criteria", problem: .sentence(.gridDecimalsTogether, arguments: ["name": "\(grid.name)", "digits": "\(d)"]))
        }
        // W' and the bound, column by column.
        var scaled = [Double](repeating: 0, count: w.storage.count)
        for g in 0..<w.columns {
            var total = 0, overflow = false
            var largest = (term: 0, feature: 0)
            for f in 0..<p {
                guard let v = decimal[f + g * p] else { continue }
                // (s / Q') · 10^(D − k − e): whole by construction of D and the divisibility check.
                let reduced = GridDecimal(significand: v.significand / columns[f].coprime, decimals: 0)
                guard let weight = reduced.scaled(toDecimals: d - v.decimals - columns[f].decimals) else { overflow = true; largest.feature = f; break }
                scaled[f + g * p] = Double(weight)
                let (term, o1) = columns[f].largestScaled.multipliedReportingOverflow(by: weight == Int.min ? Int.max : abs(weight))
                let (sum, o2) = total.addingReportingOverflow(term)
                if o1 || o2 { overflow = true; largest.feature = f; break }
                total = sum
                if term > largest.term { largest = (term, f) }
            }
            for bound in [floor, threshold].compactMap({ $0 }) where !overflow {
                guard let b = bound.scaled(toDecimals: d) else { overflow = true; break }
                let (sum, o) = total.addingReportingOverflow(abs(b))
                overflow = o
                total = sum
            }
            if overflow || total >= Self.limit {
                throw Self.tooLarge(design: design, column: g, feature: largest.feature, decimals: d,
                                    pointsDecimals: decimal[largest.feature + g * p]?.decimals ?? 0, bound: overflow ? nil : total)
            }
        }
        decimals = d
        weights = scaled
        self.floor = floor.flatMap { $0.scaled(toDecimals: d) }.map(Double.init)
        scalesDesign = columns.contains { $0.multiplier != 1 }
    }

    /// The error when a score could reach 2⁵² units: at the data value with the most decimals
    /// when the data bring decimals, else at the criterion.
    static func tooLarge(design: GridDesign, column g: Int, feature f: Int, decimals d: Int, pointsDecimals: Int, bound: Int?) -> Error {
        let c = design.featureCriterion[f]
        let criterion = design.grid.criteria[c]
        let reach = bound.map { "could reach \(Double($0)) units" } ?? "could exceed 9.2e18 units"
        let dataDecimals = design.columnScales[f].decimals
        let message = "grid '\(design.grid.name)' cannot be scored exactly: its points and data need scores in units of 10^-\(d) points, "
            + "and a score (column \(g + 1)) \(reach), beyond 2^52 where double precision is no longer exact; the largest part is criterion '\(criterion.name)' "
            + "(points with \(pointsDecimals) decimals, column '\(criterion.column)' with \(dataDecimals) decimals). Round the data or the points to fewer decimals"
        if dataDecimals > 0, let at = design.columnScales[f].mostDecimals {
            return CSVError(file: at.file, line: at.line, column: at.column, columnName: at.columnName,
                            message: message + " (this value has the most decimals in the column)")
        }
        return SpecError(key: "criteria[\(c + 1)]", message: message)
    }

    /// 10^D, exact.
    public var unit: Double { GridDecimal.powersOfTen[decimals] }
}

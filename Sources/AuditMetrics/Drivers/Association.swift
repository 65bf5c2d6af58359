import Foundation

/// Measures of association between one candidate proxy and a protected attribute, each in
/// [0, 1] (0: no association; 1: the proxy determines the attribute's groups).
///
/// Rows where either side is missing (code −1, or any negative code) are left out. Inputs of
/// different lengths, codes above 999,999 or non-finite values give an undefined value
/// (``ProxyDetection`` validates its input and throws instead).
public enum Association {
    /// Cramér's V of two categorical variables (Cramér 1946, *Mathematical Methods of
    /// Statistics*, §21.9), without bias correction:
    ///
    ///     V = √( χ² / (n · (min(r, c) − 1)) )
    ///
    /// `χ²` is Pearson's statistic of the `r × c` contingency table (no continuity correction),
    /// `n` the rows counted. Levels that never occur are left out of `r` and `c`.
    /// `scipy.stats.contingency.association(table, method='cramer')`.
    /// Undefined when either variable has fewer than 2 observed levels.
    public static func cramersV(_ a: [Int32], _ b: [Int32]) -> MetricValue {
        guard a.count == b.count else { return .undefined(reason: "the two variables have different lengths (\(a.count) and \(b.count))") }
        return cramersV(a, b, weight: nil)
    }

    /// The correlation ratio η of a numeric variable `x` across the groups `groups` (Pearson
    /// 1903; Fisher 1925, *Statistical Methods for Research Workers* §45):
    ///
    ///     η² = SS_between / SS_total = Σ_g n_g (x̄_g − x̄)² / Σ_i (x_i − x̄)²
    ///
    /// η² is the R² of a one-way ANOVA (of `x` on one dummy per group). Rows with group −1 are
    /// left out. Undefined when `x` is constant (SS_total = 0) or fewer than 2 groups occur.
    public static func correlationRatio(_ x: [Double], groups: [Int32]) -> MetricValue {
        guard x.count == groups.count else { return .undefined(reason: "the values and groups have different lengths (\(x.count) and \(groups.count))") }
        guard (groups.max() ?? 0) <= DriversInput.maximumCode else {
            return .undefined(reason: "group codes above \(DriversInput.maximumCode) (expected dense codes)")
        }
        guard zip(x, groups).allSatisfy({ $0.0.isFinite || $0.1 < 0 }) else { return .undefined(reason: "a value is not finite") }
        let groupCount = Int((groups.max() ?? -1) + 1)
        guard groupCount > 0 else { return .undefined(reason: "no rows with a group") }
        let moments = GroupMoments(values: x, codes: groups, groups: groupCount)
        return correlationRatio(counts: moments.counts.map(Double.init), means: moments.means, squaredDeviations: moments.squaredDeviations)
    }

    /// η from each group's size, mean and sum of squared deviations: η² = SS_between / SS_total
    /// with SS_between = Σ_g n_g (x̄_g − x̄)², SS_total = SS_between + Σ_g SS_g.
    private static func correlationRatio(counts: [Double], means: [Double], squaredDeviations: [Double]) -> MetricValue {
        guard counts.filter({ $0 > 0 }).count >= 2 else {
            return .undefined(reason: "the correlation ratio needs at least 2 observed groups")
        }
        let n = counts.reduce(0, +)
        var grand = 0.0
        for g in counts.indices { grand += counts[g] * means[g] }
        grand /= n
        var between = 0.0, within = 0.0
        for g in counts.indices where counts[g] > 0 {
            let d = means[g] - grand
            between += counts[g] * d * d
            within += squaredDeviations[g]
        }
        let total = between + within
        guard total > 0 else { return .undefined(reason: "the variable is constant: SS_total = 0") }
        return .defined(min(1, (between / total).squareRoot()))
    }

    /// ``cramersV(_:_:)`` with frequency weights: pair `i` counts `frequencies[i]` times in the
    /// contingency table (the cells of a compressed design, or observation weights), `n = Σ f`.
    /// With `f = 1` the same value, bit for bit. Undefined also when a frequency is negative or
    /// not finite.
    public static func cramersV(_ a: [Int32], _ b: [Int32], frequencies f: [Double]) -> MetricValue {
        guard a.count == b.count, f.count == a.count else {
            return .undefined(reason: "the two variables and the frequencies have different lengths (\(a.count), \(b.count) and \(f.count))")
        }
        guard f.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return .undefined(reason: "a frequency is negative or not finite") }
        return cramersV(a, b, weight: f)
    }

    /// The contingency table of `a` × `b` (pair `i` counting `weight[i]`, or 1), then V;
    /// lengths and weights already checked.
    private static func cramersV(_ a: [Int32], _ b: [Int32], weight: [Double]?) -> MetricValue {
        guard (a.max() ?? 0) <= DriversInput.maximumCode, (b.max() ?? 0) <= DriversInput.maximumCode else {
            return .undefined(reason: "codes above \(DriversInput.maximumCode) (expected dense category codes)")
        }
        let rows = Int((a.max() ?? -1) + 1), columns = Int((b.max() ?? -1) + 1)
        guard rows > 0, columns > 0 else { return .undefined(reason: "no rows with both values present") }
        var table = [Double](repeating: 0, count: rows * columns)
        var n = 0.0
        for i in a.indices where a[i] >= 0 && b[i] >= 0 {
            let w = weight?[i] ?? 1
            table[Int(a[i]) * columns + Int(b[i])] += w
            n += w
        }
        return cramersV(table: table, rows: rows, columns: columns, n: n)
    }

    /// V from a filled `rows × columns` table (row-major) of total `n`.
    private static func cramersV(table: [Double], rows: Int, columns: Int, n: Double) -> MetricValue {
        var rowTotals = [Double](repeating: 0, count: rows), columnTotals = [Double](repeating: 0, count: columns)
        for i in 0..<rows {
            for j in 0..<columns {
                rowTotals[i] += table[i * columns + j]
                columnTotals[j] += table[i * columns + j]
            }
        }
        let presentRows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let presentColumns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        guard presentRows.count >= 2, presentColumns.count >= 2 else {
            return .undefined(reason: "Cramér's V needs at least 2 observed levels on each side (\(presentRows.count) and \(presentColumns.count))")
        }
        var chiSquare = 0.0
        for i in presentRows {
            for j in presentColumns {
                let expected = rowTotals[i] * columnTotals[j] / n
                let d = table[i * columns + j] - expected
                chiSquare += d * d / expected
            }
        }
        let k = Double(min(presentRows.count, presentColumns.count) - 1)
        return .defined(min(1, (chiSquare / (n * k)).squareRoot()))
    }

    /// ``correlationRatio(_:groups:)`` with frequency weights: value `i` counts `frequencies[i]`
    /// times (`n_g = Σ f`, `x̄_g = Σ f·x / n_g`, `SS = Σ f·(x − x̄)²`, two passes as
    /// ``GroupMoments``). With `f = 1` the same value, bit for bit. Undefined also when a
    /// frequency is negative or not finite.
    public static func correlationRatio(_ x: [Double], groups: [Int32], frequencies f: [Double]) -> MetricValue {
        guard x.count == groups.count, f.count == x.count else {
            return .undefined(reason: "the values, groups and frequencies have different lengths (\(x.count), \(groups.count) and \(f.count))")
        }
        guard f.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return .undefined(reason: "a frequency is negative or not finite") }
        guard (groups.max() ?? 0) <= DriversInput.maximumCode else {
            return .undefined(reason: "group codes above \(DriversInput.maximumCode) (expected dense codes)")
        }
        guard zip(x, groups).allSatisfy({ $0.0.isFinite || $0.1 < 0 }) else { return .undefined(reason: "a value is not finite") }
        let groupCount = Int((groups.max() ?? -1) + 1)
        guard groupCount > 0 else { return .undefined(reason: "no rows with a group") }
        var counts = [Double](repeating: 0, count: groupCount), sums = [Double](repeating: 0, count: groupCount)
        for i in x.indices where groups[i] >= 0 {
            counts[Int(groups[i])] += f[i]
            sums[Int(groups[i])] += f[i] * x[i]
        }
        var means = [Double](repeating: 0, count: groupCount)
        for g in 0..<groupCount where counts[g] > 0 { means[g] = sums[g] / counts[g] }
        var deviations = [Double](repeating: 0, count: groupCount)
        for i in x.indices where groups[i] >= 0 {
            let d = x[i] - means[Int(groups[i])]
            deviations[Int(groups[i])] += f[i] * d * d
        }
        return correlationRatio(counts: counts, means: means, squaredDeviations: deviations)
    }
}

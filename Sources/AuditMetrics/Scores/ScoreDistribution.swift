import AuditData

/// The distribution of a group's scores: size, mean with a Student t interval, standard
/// deviation and the deciles/quartiles an auditor reads first.
///
/// Quantiles are Hyndman & Fan (1996) type 7, numpy's default `np.quantile(x, p,
/// method='linear')` and R's `quantile(type = 7)`: with h = (n − 1)p on the sorted scores,
/// Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) (``Quantile/type7(_:_:)``).
public struct ScoreDistribution: Sendable, Equatable {
    /// Scores in the group.
    public let n: Int
    /// Arithmetic mean Σs/n.
    public let mean: MetricValue
    /// Sample standard deviation √(Σ(s − mean)²/(n − 1)); undefined for n < 2.
    public let standardDeviation: MetricValue
    /// mean ± t_{(1+level)/2, n−1}·sd/√n (`scipy.stats.t.interval(level, n−1, mean, sd/√n)`);
    /// nil for n < 2.
    public let meanInterval: MetricInterval?
    /// Type-7 quantiles at 0.10, 0.25, 0.50, 0.75, 0.90.
    public let p10: MetricValue, p25: MetricValue, median: MetricValue, p75: MetricValue, p90: MetricValue

    /// The probabilities of the reported quantiles, in order.
    public static let probabilities: [Double] = [0.10, 0.25, 0.50, 0.75, 0.90]

    /// From ascending scores (any finite values).
    public init(sortedScores s: [Double], level: Double = 0.95) {
        n = s.count
        guard n > 0 else {
            let reason = "empty group: no row with a score"
            mean = .undefined(reason: reason); standardDeviation = .undefined(reason: reason); meanInterval = nil
            p10 = .undefined(reason: reason); p25 = p10; median = p10; p75 = p10; p90 = p10
            return
        }
        // Two-pass mean and variance (the second pass removes the first pass's rounding).
        var sum = 0.0
        for x in s { sum += x }
        var m = sum / Double(n)
        var correction = 0.0, squares = 0.0
        for x in s { let d = x - m; correction += d; squares += d * d }
        m += correction / Double(n)
        mean = .defined(m)
        if n >= 2 {
            let variance = max(0, (squares - correction * correction / Double(n)) / Double(n - 1))
            let sd = variance.squareRoot()
            standardDeviation = .defined(sd)
            if let t = StudentT.criticalValue(level: level, degreesOfFreedom: Double(n - 1)) {
                let half = t * sd / Double(n).squareRoot()
                meanInterval = MetricInterval(low: m - half, high: m + half, method: .studentT)
            } else {
                meanInterval = nil
            }
        } else {
            standardDeviation = .undefined(reason: "a single score: the standard deviation needs n ≥ 2")
            meanInterval = nil
        }
        let q = Self.probabilities.map { MetricValue.defined(Quantile.type7(s, $0)) }
        p10 = q[0]; p25 = q[1]; median = q[2]; p75 = q[3]; p90 = q[4]
    }
}

/// One cluster against the rest of its scanned population on the outcome (higher = better for
/// the applicant): the difference of means `mean(cluster) − mean(rest)` — negative when the
/// cluster is treated worse — with its interval and two-sided p-value.
///
/// - A yes/no outcome (kept by the commission, added by it): the two-proportion z test with
///   pooled variance (``ProportionTests/twoProportionZ(successes1:trials1:successes2:trials2:)``)
///   and Newcombe's hybrid score interval (``DifferenceInterval/newcombe(successes1:trials1:successes2:trials2:level:)``).
/// - A numeric outcome: Welch's t test, `t = difference / √(s²₁/n₁ + s²₂/n₂)` with the
///   Welch–Satterthwaite ν (``MeanDifference``), p = P(|T_ν| ≥ |t|)
///   (``StudentT/twoSidedPValue(_:degreesOfFreedom:)``): `scipy.stats.ttest_ind(a, b, equal_var=False)`.
///
/// `nil` p-value or interval when undefined (an empty side, no variation at all), with the reason.
public struct ScanComparison: Sendable, Equatable {
    public let clusterSize: Int
    public let restSize: Int
    public let clusterMean: Double
    public let restMean: Double
    public var difference: Double { clusterMean - restMean }
    public let interval: ConfidenceInterval?
    public let pValue: Double?
    /// Why the p-value or interval is undefined, when it is.
    public let reason: String?

    /// Compares `outcome[i]` over the rows `inCluster[i] == true` with the others.
    /// `binary`: the outcome is 0/1 (proportions), else numeric (Welch).
    public static func compare(outcome: [Double], inCluster: [Bool], binary: Bool, level: Double = 0.95) -> ScanComparison {
        var n1 = 0, n2 = 0
        var s1 = 0.0, s2 = 0.0
        for (y, inside) in zip(outcome, inCluster) {
            if inside { n1 += 1; s1 += y } else { n2 += 1; s2 += y }
        }
        let m1 = n1 > 0 ? s1 / Double(n1) : 0, m2 = n2 > 0 ? s2 / Double(n2) : 0
        guard n1 > 0, n2 > 0 else {
            return ScanComparison(clusterSize: n1, restSize: n2, clusterMean: m1, restMean: m2, interval: nil, pValue: nil,
                                  reason: "a side is empty")
        }
        if binary {
            let z = ProportionTests.twoProportionZ(successes1: s1, trials1: Double(n1), successes2: s2, trials2: Double(n2))
            let ci = DifferenceInterval.newcombe(successes1: s1, trials1: Double(n1), successes2: s2, trials2: Double(n2), level: level)
            return ScanComparison(clusterSize: n1, restSize: n2, clusterMean: m1, restMean: m2, interval: ci, pValue: z?.pValue,
                                  reason: z == nil ? "every applicant has the same outcome: the pooled variance is 0" : nil)
        }
        var ss1 = 0.0, ss2 = 0.0
        for (y, inside) in zip(outcome, inCluster) {
            if inside { ss1 += (y - m1) * (y - m1) } else { ss2 += (y - m2) * (y - m2) }
        }
        let welch = MeanDifference(count1: n1, mean1: m1, squaredDeviations1: ss1, count2: n2, mean2: m2, squaredDeviations2: ss2, level: level)
        var p: Double?
        var reason: String?
        if let se = welch.standardError.value, se > 0, let nu = welch.degreesOfFreedom.value {
            p = StudentT.twoSidedPValue((m1 - m2) / se, degreesOfFreedom: nu)
        } else if case .undefined(let why) = welch.degreesOfFreedom {
            reason = why
        } else if case .undefined(let why) = welch.standardError {
            reason = why
        }
        return ScanComparison(clusterSize: n1, restSize: n2, clusterMean: m1, restMean: m2, interval: welch.interval, pValue: p, reason: reason)
    }
}

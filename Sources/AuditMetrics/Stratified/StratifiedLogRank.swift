/// The stratified log-rank test that k groups share one time-to-allocation distribution
/// within strata (for example score bands): are two applicants with the same points allocated
/// as fast whatever their group? Chi-square with k − 1 degrees of freedom, k the groups with
/// applicants in some stratum.
///
/// Per stratum s, the log-rank sums of ``LogRank`` (observed O_g,s, expected E_g,s, variance
/// matrix V_s, computed on that stratum's risk sets alone); then
///
///     O − E = Σ_s (O_s − E_s),   V = Σ_s V_s,   X² = (O − E)ᵀ V⁻¹ (O − E)
///
/// over the first k − 1 groups (solved by Cholesky), p = P(χ²_{k−1} > X²) published through
/// ``PublishedPValue``. statsmodels `duration.survfunc.survdiff(time, status, group,
/// strata=strata)` (which drops the first group instead; the statistic is the same, and its p
/// is `1 − chi2.cdf`). With a single stratum it is ``LogRank``.
///
/// Rows whose group (in ``WaitingTimes``) or stratum code is −1 are left out. Undefined, with
/// the reason, for fewer than 2 groups or a singular variance matrix (a group never at risk
/// alongside another group at an allocation time, in any stratum).
public struct StratifiedLogRank: Sendable, Equatable {
    public let statistic: MetricValue
    public let degreesOfFreedom: Int
    public let pValue: MetricValue
    /// Observed and expected allocations per group code, summed over strata (0 for empty groups).
    public let observed: [Double]
    public let expected: [Double]
    /// Analysed rows per stratum code.
    public let stratumSizes: [Int]
    /// Rows left out: group code −1 (``WaitingTimes/excluded``) or stratum code −1.
    public let leftOut: Int

    /// - Parameters:
    ///   - times: the validated waiting times (``WaitingTimes``).
    ///   - strata: per input row (the rows given to `times`, excluded ones included), a
    ///     stratum code in `-1..<strataCount` (−1: left out).
    /// - Throws: ``StratifiedInputError`` for a stratum array of the wrong length or a code out
    ///   of range.
    public init(_ times: WaitingTimes, strata: [Int32], strataCount: Int) throws {
        guard strataCount >= 1 else { throw StratifiedInputError.invalidParameter(name: "strataCount", expected: "at least 1 stratum") }
        guard strata.count == times.inputRows else {
            throw StratifiedInputError.lengthMismatch(argument: "strata", expected: times.inputRows, found: strata.count)
        }
        for (row, code) in strata.enumerated() where code < -1 || Int(code) >= strataCount {
            throw StratifiedInputError.codeOutOfRange(argument: "strata", row: row, code: code, count: strataCount)
        }
        // Stable split by stratum, by counting: each stratum's positions in the time order,
        // ascending (4 bytes per row, instead of a list per stratum and a copy of its rows).
        var stratumSizes = [Int](repeating: 0, count: strataCount)
        var leftOut = times.excluded
        let listed = times.sortedRows.count
        var starts = [Int](repeating: 0, count: strataCount + 1)
        var members = [Int32]()
        times.sortedRows.withUnsafeBufferPointer { rows in
            times.groups.withUnsafeBufferPointer { groups in
                strata.withUnsafeBufferPointer { strata in
                    for p in 0..<listed where groups[Int(rows[p])] >= 0 {
                        let s = strata[Int(rows[p])]
                        if s < 0 { leftOut += 1 } else { stratumSizes[Int(s)] += 1 }
                    }
                    for s in 0..<strataCount { starts[s + 1] = starts[s] + stratumSizes[s] }
                    members = [Int32](repeating: 0, count: starts[strataCount])
                    var next = starts
                    members.withUnsafeMutableBufferPointer { members in
                        for p in 0..<listed where groups[Int(rows[p])] >= 0 {
                            let s = Int(strata[Int(rows[p])])
                            guard s >= 0 else { continue }
                            members[next[s]] = Int32(p)
                            next[s] += 1
                        }
                    }
                }
            }
        }
        let groupCount = times.groupLabels.count
        var sums = LogRankSums(groupCount: groupCount)
        var size = [Int](repeating: 0, count: groupCount)
        members.withUnsafeBufferPointer { members in
            for s in 0..<strataCount where stratumSizes[s] > 0 {
                let rows = UnsafeBufferPointer(rebasing: members[starts[s]..<starts[s + 1]])
                var sizes = [Int](repeating: 0, count: groupCount)
                times.sortedRows.withUnsafeBufferPointer { sorted in
                    times.groups.withUnsafeBufferPointer { groups in
                        for p in rows { sizes[Int(groups[Int(sorted[Int(p)])])] += 1 }
                    }
                }
                for g in 0..<groupCount { size[g] += sizes[g] }
                sums.add(sizes: sizes) { times.forEachTime(at: rows, $0) }
            }
        }
        let present = (0..<groupCount).filter { size[$0] > 0 }
        degreesOfFreedom = max(0, present.count - 1)
        observed = sums.observed
        expected = sums.expected
        self.stratumSizes = stratumSizes
        self.leftOut = leftOut
        (statistic, pValue) = sums.chiSquare(present: present, what: "stratified log-rank")
    }
}

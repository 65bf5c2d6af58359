import LinearAlgebra

/// The exact decomposition of each group's mean score gap into per-criterion contributions.
///
/// For a linear points grid the score of applicant `i` is the row sum of the contribution
/// matrix, `score_i = Σ_j C_ij` (`C_ij = w_j·x_ij`, the points criterion `j` gave `i`). Means
/// are linear, so for every group `g` and the reference group `ref`
///
///     mean score(g) − mean score(ref) = Σ_j [mean C_j(g) − mean C_j(ref)]
///
/// exactly (an accounting identity, not a model: the "detailed decomposition" of a linear
/// index, Fortin, Lemieux & Firpo 2011, *Handbook of Labor Economics* 4A, §2). Each part
/// comes with the Welch standard error and t interval of a difference of two independent means
/// (``MeanDifference``), and its share of the total gap.
///
/// Rows whose group code is −1 are left out. The gap and each part are computed separately
/// (the gap from the row sums), so `Σ parts = gap` holds to rounding, about 1e-15 relative.
public enum ScoreGapDecomposition {
    /// Decomposes the mean score gap of every non-empty group other than `reference`.
    ///
    /// - Parameters:
    ///   - contributions: `C`, `n × J`: the points each criterion gave each applicant; or, with
    ///     `rows`, its distinct rows.
    ///   - rows: when given, applicant `i`'s row of `C` is `contributions[rows[i], ·]` (a points
    ///     grid's points per pattern of its features): the means and deviations are the same
    ///     sums in the same order as on the rows written out, and each row sum is taken once per
    ///     distinct row — the same value when the points add exactly (whole points, as the
    ///     grids' usually are), else equal to the last bit or so.
    ///   - criteria: the `J` criterion names.
    ///   - groups: `n` group codes, `0..<G`, −1 for an excluded row.
    ///   - reference: the reference group's code (≥ 0).
    ///   - level: the intervals' confidence level.
    /// - Returns: one ``GroupScoreGap`` per group with at least one row, ascending by code,
    ///   the reference excluded. If the reference group is empty, every value is undefined.
    /// - Throws: ``DriversError`` when sizes disagree, a contribution is not finite, a code is
    ///   below −1, `reference` is negative or `level` is not in (0, 1).
    public static func decompose(contributions: Matrix, rows index: [Int32]? = nil, criteria: [String], groups: [Int32],
                                 reference: Int32, level: Double = 0.95) throws -> [GroupScoreGap] {
        let n = index?.count ?? contributions.rows
        try DriversInput.requireCount(criteria.count, contributions.columns, "criterion names (one per column of the contributions)")
        try DriversInput.requireCount(groups.count, n, "group codes (one per row of the contributions)")
        try DriversInput.requireFinite(contributions, "contributions")
        try DriversInput.requireLevel(level)
        guard reference >= 0 else { throw DriversError.invalidArgument("reference group: expected a code ≥ 0, got \(reference)") }
        if let index, let bad = index.first(where: { $0 < 0 || Int($0) >= contributions.rows }) {
            throw DriversError.invalidArgument("rows: expected indices in 0..<\(contributions.rows), got \(bad)")
        }
        let groupCount = max(try DriversInput.levelCount(groups, "group codes"), Int(reference) + 1)
        // Row i's values: row index[i] of `contributions`, added in row order: the same sums as
        // on the rows written out.
        let ones = [Double](repeating: 1, count: contributions.columns)
        // Every criterion's moments in one pass over the rows (`GroupMoments.columns`: the
        // bits of one pass per criterion, row by row), the scores' in another.
        let scoreMoments = contributions.columns == 0
            ? GroupMoments(values: [Double](repeating: 0, count: n), codes: groups, groups: groupCount)
            : GroupMoments.columns(try Matrix(rows: contributions.rows, columns: 1, columnMajor: BLAS.gemv(contributions, ones)),
                                   rows: index, codes: groups, groups: groupCount)[0]
        let criterionMoments = GroupMoments.columns(contributions, rows: index, codes: groups, groups: groupCount)

        let r = Int(reference)
        var result: [GroupScoreGap] = []
        for g in 0..<groupCount where g != r && scoreMoments.counts[g] > 0 {
            let gap = difference(scoreMoments, g, r, level)
            let scale = max(1, abs(scoreMoments.means[g]), abs(scoreMoments.means[r]))
            let parts = criterionMoments.enumerated().map { j, moments -> CriterionGap in
                let part = difference(moments, g, r, level)
                let share: MetricValue
                if let total = gap.difference.value, let value = part.difference.value {
                    share = abs(total) <= 1e-12 * scale
                        ? .undefined(reason: "the total gap is zero")
                        : .defined(value / total)
                } else {
                    share = .undefined(reason: gap.difference.reason ?? part.difference.reason ?? "undefined gap")
                }
                return CriterionGap(criterion: criteria[j], groupMean: mean(moments, g, "the group"),
                                    referenceMean: mean(moments, r, "the reference group"),
                                    part: part, shareOfGap: share)
            }
            result.append(GroupScoreGap(
                group: Int32(g), reference: reference, count: scoreMoments.counts[g],
                referenceCount: scoreMoments.counts[r],
                meanScore: mean(scoreMoments, g, "the group"),
                referenceMeanScore: mean(scoreMoments, r, "the reference group"),
                gap: gap, criteria: parts))
        }
        return result
    }

    private static func difference(_ m: GroupMoments, _ g: Int, _ r: Int, _ level: Double) -> MeanDifference {
        MeanDifference(count1: m.counts[g], mean1: m.means[g], squaredDeviations1: m.squaredDeviations[g],
                       count2: m.counts[r], mean2: m.means[r], squaredDeviations2: m.squaredDeviations[r],
                       level: level)
    }

    private static func mean(_ m: GroupMoments, _ g: Int, _ who: String) -> MetricValue {
        m.counts[g] > 0 ? .defined(m.means[g]) : .undefined(reason: "\(who) has no rows")
    }
}

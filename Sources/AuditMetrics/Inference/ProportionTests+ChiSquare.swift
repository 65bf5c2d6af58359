extension ProportionTests {
    /// Pearson chi-square test of independence on an r×2 table (rows = groups, columns =
    /// positive/negative counts; non-integer counts allowed):
    ///
    ///     X² = Σᵢⱼ (Oᵢⱼ − Eᵢⱼ)²/Eᵢⱼ,  Eᵢⱼ = (row i total)(column j total)/N,  df = r − 1,
    ///     p = P(χ²_df > X²)
    ///
    /// `scipy.stats.chi2_contingency(table, correction=False)` applied to the rows with a
    /// non-zero total (rows with total 0 are dropped first; scipy would reject them).
    /// `nil` when fewer than two rows remain, when a column total is 0 (scipy raises: a zero
    /// expected frequency), or when a count is negative or not finite.
    public static func chiSquareIndependence(_ table: [(positives: Double, negatives: Double)]) -> (statistic: Double, degreesOfFreedom: Int, pValue: Double)? {
        for row in table {
            guard row.positives.isFinite, row.negatives.isFinite, row.positives >= 0, row.negatives >= 0 else { return nil }
        }
        let rows = table.filter { $0.positives + $0.negatives > 0 }
        guard rows.count >= 2 else { return nil }
        let positives = rows.reduce(0) { $0 + $1.positives }
        let negatives = rows.reduce(0) { $0 + $1.negatives }
        guard positives > 0, negatives > 0 else { return nil }
        let total = positives + negatives
        var statistic = 0.0
        for row in rows {
            let rowTotal = row.positives + row.negatives
            let expectedPositive = rowTotal * positives / total
            let expectedNegative = rowTotal * negatives / total
            let dp = row.positives - expectedPositive, dn = row.negatives - expectedNegative
            statistic += dp * dp / expectedPositive + dn * dn / expectedNegative
        }
        let df = rows.count - 1
        return (statistic, df, ChiSquared.survival(statistic, degreesOfFreedom: Double(df)))
    }
}

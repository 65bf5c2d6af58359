/// The scan's bias variable "with dates, the wait relative to applicants of similar score"
/// (issue 16, `docs/scan.md`, "The relative wait").
///
/// "Similar score" is the human stage's stratum (`HumanStage.scoreStrata`, `docs/human-stage.md`):
/// the tenth of the grid's order — score, then its tie-break — within the applicant's allocation
/// segment, `band = ⌊10·(rank − 1)/n_s⌋`, over every applicant, so bands have equal sizes.
/// Among the **allocated** applicants (an allocation date on or before the as-of date; those
/// still waiting have only a censored wait and are left out):
///
///     outcome = median(wait of the allocated applicants of the same stratum) − wait
///
/// in months (30.4375 days), the median being the mean of the two middle waits for an even
/// count. A shorter wait is better for the applicant, so the outcome is oriented **higher =
/// better** like every scanned outcome: positive when the applicant waited less than applicants
/// of similar score, negative when longer. A cluster "treated worse" is one whose members
/// waited longer than similar-score applicants, compared with the rest of the allocated
/// (Welch's t test on the outcome, ``ScanComparison``).
public enum RelativeWait {
    /// The allocated rows (ascending) and their relative wait.
    /// - Parameters:
    ///   - strata: the stratum of every row (similar score: same stratum).
    ///   - months: the wait of every row (censored for those still waiting).
    ///   - allocated: 1 when the row's wait ended with an allocation.
    public static func compute(strata: [Int32], months: [Double], allocated: [UInt8]) -> (rows: [Int], outcome: [Double]) {
        precondition(strata.count == months.count && months.count == allocated.count, "one stratum, wait and flag per row")
        let rows = allocated.indices.filter { allocated[$0] == 1 }
        var waits: [Int32: [Double]] = [:]
        for r in rows { waits[strata[r], default: []].append(months[r]) }
        let medians = waits.mapValues(median)
        return (rows, rows.map { r in medians[strata[r], default: 0] - months[r] })
    }

    /// The median of `values` (the mean of the two middle values for an even count); 0 when empty.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted(), n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}

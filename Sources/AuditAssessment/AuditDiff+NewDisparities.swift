extension AuditDiff {
    /// Why a changed finding trips `vigie diff --fail-on-new-disparity`.
    public enum Regression: String, Sendable {
        /// The new audit gives the verdict `disparity` to a finding that had another verdict,
        /// or that the old audit did not have (a new group, attribute, intersection or
        /// reference), or whose value was undefined.
        case newDisparity = "new_disparity"
        /// The old audit already gave the verdict `disparity` and the gap grew by more than
        /// the threshold (`Change.grew`), whatever the new verdict.
        case disparityGrew = "disparity_grew"
    }

    /// The changed findings that make a pipeline fail under `--fail-on-new-disparity`, in
    /// the order of `diff.md`, each with its reason: a finding that newly has the verdict
    /// `disparity`, or an existing disparity whose gap grew by more than the threshold.
    /// Disparities already known whose gap held or shrank do not count, whatever their new
    /// verdict; a known disparity whose gap grew counts even if its new verdict is weaker
    /// (`insufficient_evidence`: the gap is larger, only less certain).
    public static func regressions(_ r: Result) -> [(row: Row, regression: Regression)] {
        r.rows.compactMap { row in
            let wasDisparity = row.old?.verdict == "disparity"
            if row.new?.verdict == "disparity" && !wasDisparity { return (row, .newDisparity) }
            if wasDisparity && row.change == .grew { return (row, .disparityGrew) }
            return nil
        }
    }
}

/// What the evidence says about one disparity, against the declared tolerance.
public enum Verdict: String, Sendable, Equatable, CaseIterable {
    /// The interval lies wholly outside the tolerance band and the test is significant after
    /// adjustment: the gap is real and larger than tolerated.
    case disparity
    /// The interval lies wholly inside the tolerance band: any gap is smaller than tolerated.
    case noDisparity = "no_disparity"
    /// Neither: too few people, too few positives or negatives, or an interval too wide to tell.
    case insufficientEvidence = "insufficient_evidence"
    /// A `disparity` in favour of a declared mandated priority (`MandatedPriority`: the
    /// disabled favoured by the cotation, CCH L441-1): the gap is real and wanted by the rules.
    /// Reported with its size and interval, but not counted among disparities, by the
    /// checklists or by the gates. A gap against a priority group stays a `disparity`.
    case intended
}

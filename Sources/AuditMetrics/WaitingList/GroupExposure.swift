/// Position-based exposure of a group in a ranking (Singh & Joachims 2018, "Fairness of
/// Exposure in Rankings", KDD, with the DCG position bias v(r) = 1/log₂(1 + r)).
///
/// mean_exposure = (1/n_g) Σ_{i∈g} 1/log₂(1 + rᵢ); exposure_share = Σ_{i∈g} v(rᵢ) / Σ_all v(r);
/// applicant_share = n_g/n; exposure_ratio = exposure_share/applicant_share (equal to the group's
/// mean exposure over the overall mean exposure; 1 = exposure in proportion to size, the
/// demographic-parity constraint of Singh & Joachims §3.1).
public struct GroupExposure: Sendable, Equatable {
    public let applicants: Int
    /// Σ_{i∈g} 1/log₂(1 + rᵢ).
    public let totalExposure: Double
    public let meanExposure: MetricValue
    public let exposureShare: MetricValue
    public let applicantShare: MetricValue
    public let exposureRatio: MetricValue

    public init(applicants: Int, totalExposure: Double, overallExposure: Double, total: Int) {
        self.applicants = applicants
        self.totalExposure = totalExposure
        let empty = "empty group: no applicant"
        meanExposure = .ratio(totalExposure, Double(applicants), reason: empty)
        exposureShare = .ratio(totalExposure, overallExposure, reason: "no applicant on the list")
        applicantShare = .ratio(Double(applicants), Double(total), reason: "no applicant on the list")
        if applicants == 0 || total == 0 {
            exposureRatio = .undefined(reason: total == 0 ? "no applicant on the list" : empty)
        } else {
            exposureRatio = .ratio(totalExposure * Double(total), overallExposure * Double(applicants), reason: "no applicant on the list")
        }
    }
}

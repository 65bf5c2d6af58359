/// A group's share of the first k places of a waiting list (k = the units actually allocated)
/// against its share of applicants.
///
/// top_k_share = c_g/k (c_g the group's applicants among the first k), applicant_share =
/// n_g/n, top_k_share_ratio = top_k_share/applicant_share = (c_g/k)/(n_g/n) — 1 when the
/// group is served in proportion (the "top-k parity" of `docs/toolkits.md` §5). Wilson interval on
/// the top-k share, c_g out of k.
public struct TopKShare: Sendable, Equatable {
    public let inTopK: Int
    public let k: Int
    public let applicants: Int
    public let total: Int
    public let topKShare: MetricValue
    public let topKShareInterval: MetricInterval?
    public let applicantShare: MetricValue
    public let ratio: MetricValue

    public init(inTopK: Int, k: Int, applicants: Int, total: Int, level: Double = 0.95) {
        self.inTopK = inTopK
        self.k = k
        self.applicants = applicants
        self.total = total
        topKShare = .ratio(Double(inTopK), Double(k), reason: "no unit allocated: k = 0")
        topKShareInterval = k > 0 ? MetricInterval(ProportionInterval.wilson(successes: Double(inTopK), trials: Double(k), level: level), .wilson) : nil
        applicantShare = .ratio(Double(applicants), Double(total), reason: "no applicant on the list")
        if k == 0 {
            ratio = .undefined(reason: "no unit allocated: k = 0")
        } else {
            ratio = .ratio(Double(inTopK) * Double(total), Double(k) * Double(applicants), reason: "empty group: no applicant")
        }
    }
}

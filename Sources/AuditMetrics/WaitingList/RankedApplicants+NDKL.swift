import Foundation

extension RankedApplicants {
    /// Normalised discounted KL divergence of the ranking from the applicants' group proportions
    /// (Geyik, Ambler & Kenthapadi 2019, "Fairness-Aware Ranking in Search & Recommendation
    /// Systems with Application to LinkedIn Talent Search", KDD, eq. 4):
    ///
    ///     NDKL = (1/Z) Σ_{i=1}^{n} KL(D_{top-i} ‖ D_pop) / log₂(i + 1),   Z = Σ_{i=1}^{n} 1/log₂(i + 1)
    ///
    /// with D_{top-i}(g) = (applicants of g among the first i)/i, D_pop(g) = n_g/n and
    /// KL(P‖Q) = Σ_g P(g)·ln(P(g)/Q(g)) in nats (0·ln 0 = 0). 0 when every prefix matches the
    /// population; larger is less fair. Undefined for an empty list. O(n × groups).
    public func ndkl() -> MetricValue {
        let n = count
        guard n > 0 else { return .undefined(reason: "no applicant on the list") }
        let present = groupLabels.indices.filter { groupSizes[$0] > 0 }
        let logQ = groupLabels.indices.map { groupSizes[$0] > 0 ? log(Double(groupSizes[$0]) / Double(n)) : 0 }
        var counts = [Int](repeating: 0, count: groupLabels.count)
        var weighted = 0.0, z = 0.0
        for i in 1...n {
            counts[Int(order[i - 1])] += 1
            let inverse = 1 / Double(i)
            let logI = log(Double(i))
            var kl = 0.0
            for g in present where counts[g] > 0 {
                let c = Double(counts[g])
                kl += c * inverse * (log(c) - logI - logQ[g])
            }
            let discount = 1 / log2(Double(i) + 1)
            weighted += discount * max(0, kl)
            z += discount
        }
        return .defined(weighted / z)
    }
}

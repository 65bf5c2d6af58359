extension GroupMetric {
    /// Whether a higher value of the metric means the group receives the decision's favourable
    /// outcome more often (+1), less often (−1), or neither (`nil`: the label's base rate, counts
    /// and shares, which the decision does not move in one direction). With a favourable decision:
    /// the selection rate, TPR, FPR and `ppr` rise with favourable outcomes; FNR, TNR and the
    /// precision of positive decisions (PPV: lower when people without the need are proposed
    /// too) fall; NPV, FDR and FOR likewise by their definitions. An unfavourable decision
    /// (COMPAS' high risk) flips every sign. Used to tell a gap in favour of a mandated priority
    /// from one against it (`PriorityGap`).
    public func favourableDirection(decisionIsFavourable: Bool) -> Int? {
        let positive: Int?
        switch self {
        case .selectionRate, .tpr, .fpr, .ppr, .fdr, .falseOmissionRate: positive = 1
        case .fnr, .tnr, .ppv, .npv: positive = -1
        default: positive = nil
        }
        return positive.map { decisionIsFavourable ? $0 : -$0 }
    }
}

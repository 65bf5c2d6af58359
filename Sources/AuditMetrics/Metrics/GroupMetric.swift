/// The per-group metrics of an audit, in the Aequitas / Fairlearn vocabulary (`docs/metrics.md`, `docs/toolkits.md` §1).
///
/// Notation for a group g (weighted sums when the audit has weights): TP, FP, TN, FN;
/// n = TP+FP+TN+FN; PP = TP+FP; K = Σ_g PP, all predicted positives in the population.
public enum GroupMetric: String, Sendable, CaseIterable {
    /// Rows in the group (never weighted).
    case count
    /// Group weight over total weight (row share when unweighted).
    case share
    /// Prevalence of the label: (TP+FN)/n. AIF360 `base_rate`, Aequitas `prev`.
    case baseRate = "base_rate"
    /// Rate of positive decisions: (TP+FP)/n. Fairlearn `selection_rate`, Aequitas `pprev`.
    case selectionRate = "selection_rate"
    /// The group's share of all positive decisions: PP/K. Aequitas `ppr`.
    case ppr
    /// True positive rate (recall): TP/(TP+FN).
    case tpr
    /// True negative rate (specificity): TN/(TN+FP).
    case tnr
    /// False positive rate: FP/(FP+TN).
    case fpr
    /// False negative rate: FN/(FN+TP).
    case fnr
    /// Positive predictive value (precision): TP/(TP+FP).
    case ppv
    /// Negative predictive value: TN/(TN+FN).
    case npv
    /// False discovery rate: FP/(TP+FP).
    case fdr
    /// False omission rate: FN/(TN+FN).
    case falseOmissionRate = "for"
    /// Accuracy: (TP+TN)/n.
    case accuracy
    /// Confusion counts (weighted sums when weighted).
    case tp, fp, tn, fn
    /// Mean score over the group's rows that have one: Σw·s / Σw (weighted mean when weighted).
    case scoreMean = "score_mean"

    /// The rates, for which differences and ratios against the reference are reported.
    public static let rates: [GroupMetric] = [
        .baseRate, .selectionRate, .ppr, .tpr, .tnr, .fpr, .fnr, .ppv, .npv, .fdr, .falseOmissionRate, .accuracy, .scoreMean,
    ]

    /// Whether the metric needs the label (ground truth).
    public var needsLabel: Bool {
        switch self {
        case .count, .share, .selectionRate, .ppr, .scoreMean: return false
        default: return true
        }
    }

    /// Whether the metric needs the decision.
    public var needsDecision: Bool {
        switch self {
        case .count, .share, .baseRate, .scoreMean: return false
        default: return true
        }
    }

    /// Whether the metric is available for an audit with the given columns.
    public func isAvailable(hasLabel: Bool, hasDecision: Bool, hasScore: Bool = false) -> Bool {
        (!needsLabel || hasLabel) && (!needsDecision || hasDecision) && (self != .scoreMean || hasScore)
    }
}

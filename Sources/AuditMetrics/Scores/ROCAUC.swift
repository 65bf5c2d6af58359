/// The area under the ROC curve of a score against a 0/1 label, with DeLong's variance.
///
/// AUC = P(S⁺ > S⁻) + ½·P(S⁺ = S⁻), the Mann–Whitney U statistic over n₁n₀: ties count ½
/// (`sklearn.metrics.roc_auc_score`). Variance by DeLong, DeLong & Clarke-Pearson (1988,
/// Biometrics 44:837–845): with the placement values V₁₀(i) = (1/n₀)Σⱼ ψ(xᵢ, yⱼ) of each
/// positive and V₀₁(j) = (1/n₁)Σᵢ ψ(xᵢ, yⱼ) of each negative (ψ = 1, ½, 0 for >, =, <),
/// Var(AUC) = S₁₀/n₁ + S₀₁/n₀, S the sample variances (n − 1 denominators). Placements come
/// from midranks in one pass over the sorted scores (Sun & Xu 2014). The interval is
/// AUC ± z·SE clipped to [0, 1] (as R `pROC::ci.auc(method = "delong")`).
public struct ROCAUC: Sendable, Equatable {
    /// The AUC; undefined without both classes.
    public let auc: MetricValue
    /// DeLong's standard error; undefined when a class has fewer than 2 rows.
    public let standardError: MetricValue
    public let interval: MetricInterval?
    /// Label-positive and label-negative rows.
    public let positives: Int
    public let negatives: Int

    /// From scores in ascending order and their labels (same order).
    public init(sortedScores s: [Double], labels: [UInt8], level: Double = 0.95) {
        let n = s.count
        var n1 = 0
        for l in labels where l == 1 { n1 += 1 }
        let n0 = n - n1
        positives = n1
        negatives = n0
        guard n1 > 0, n0 > 0 else {
            let reason = n1 == 0 ? "no label-positive rows: the AUC needs both classes" : "no label-negative rows: the AUC needs both classes"
            auc = .undefined(reason: reason); standardError = .undefined(reason: reason); interval = nil
            return
        }
        // One pass over tie blocks: positives below (P) and negatives below (Q) the block.
        var blocks: [(positives: Int, v10: Double, negatives: Int, v01: Double)] = []
        var v10Sum = 0.0, v01Sum = 0.0
        var below1 = 0, below0 = 0, i = 0
        while i < n {
            var j = i, p = 0
            while j < n, s[j] == s[i] { if labels[j] == 1 { p += 1 }; j += 1 }
            let q = (j - i) - p
            // A positive beats the negatives below and ties with the q of its block.
            let v10 = (Double(below0) + 0.5 * Double(q)) / Double(n0)
            // A negative is beaten by the positives above and ties with the p of its block.
            let v01 = (Double(n1 - below1 - p) + 0.5 * Double(p)) / Double(n1)
            blocks.append((p, v10, q, v01))
            v10Sum += Double(p) * v10
            v01Sum += Double(q) * v01
            below1 += p; below0 += q; i = j
        }
        let a = v10Sum / Double(n1)
        auc = .defined(a)
        guard n1 >= 2, n0 >= 2 else {
            standardError = .undefined(reason: "DeLong's variance needs at least 2 label-positive and 2 label-negative rows")
            interval = nil
            return
        }
        // Second pass: centred sums of squares.
        let mean01 = v01Sum / Double(n0)
        var squares10 = 0.0, squares01 = 0.0
        for b in blocks {
            let d10 = b.v10 - a, d01 = b.v01 - mean01
            squares10 += Double(b.positives) * d10 * d10
            squares01 += Double(b.negatives) * d01 * d01
        }
        let s10 = squares10 / Double(n1 - 1)
        let s01 = squares01 / Double(n0 - 1)
        let se = (s10 / Double(n1) + s01 / Double(n0)).squareRoot()
        standardError = .defined(se)
        let z = InferenceInput.criticalValue(level: level)
        interval = MetricInterval(low: max(0, a - z * se), high: min(1, a + z * se), method: .delong)
    }
}

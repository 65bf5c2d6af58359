/// The area under the ROC curve of scores for a binary outcome.
public enum ReceiverOperating {
    /// AUC by the Mann–Whitney statistic (Hanley & McNeil 1982, *Radiology* 143:29–36):
    ///
    ///     AUC = (R₁ − n₁(n₁ + 1)/2) / (n₁ · n₀)
    ///
    /// `R₁` the sum of the positives' ranks among all scores, tied scores taking their mid-rank
    /// (so a tie counts ½). The probability that a random positive scores above a random
    /// negative. `sklearn.metrics.roc_auc_score(labels, scores)`.
    /// Undefined when either class is empty, the lengths differ or a score is not finite.
    public static func auc(scores: [Double], labels: [Bool]) -> MetricValue {
        guard scores.count == labels.count else { return .undefined(reason: "\(scores.count) scores for \(labels.count) labels") }
        guard scores.allSatisfy(\.isFinite) else { return .undefined(reason: "a score is not finite") }
        let positives = labels.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else {
            return .undefined(reason: "the AUC needs both classes (\(positives) positive, \(negatives) negative rows)")
        }
        guard scores.count <= StableRadixSort.maximumCount else { return .undefined(reason: "more than \(StableRadixSort.maximumCount) scores") }
        // Ascending score, ties by index (stable radix sort, linear); the mid-ranks need only the tie blocks.
        let order = StableRadixSort.ascending((0..<Int32(scores.count)).map { $0 }) { scores[$0] }.map { Int($0) }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let midRank = Double(start + end + 2) / 2
            for position in start...end where labels[order[position]] { rankSum += midRank }
            start = end + 1
        }
        let p = Double(positives), q = Double(negatives)
        return .defined((rankSum - p * (p + 1) / 2) / (p * q))
    }

    /// The same AUC on weighted rows: row `i` has score `scoresᵢ` and stands for `positivesᵢ`
    /// positive and `negativesᵢ` negative observations (the cells of a compressed design, or
    /// frequency weights):
    ///
    ///     AUC = Σ_s P(s) · (N(< s) + N(s)/2) / (P · N)
    ///
    /// over the distinct scores `s`, `P(s)`, `N(s)` the positives and negatives scored `s`,
    /// `N(< s)` the negatives scored below. With whole counts every term is a multiple of ½, exact
    /// in `Double` below 2⁵³, so the value equals ``auc(scores:labels:)`` on the expanded rows bit
    /// for bit. Undefined when either class weighs 0, the lengths differ, a score is not finite
    /// or a weight is negative.
    public static func auc(scores: [Double], positives: [Double], negatives: [Double]) -> MetricValue {
        guard scores.count == positives.count, scores.count == negatives.count else {
            return .undefined(reason: "\(scores.count) scores for \(positives.count) positive and \(negatives.count) negative weights")
        }
        guard scores.allSatisfy(\.isFinite) else { return .undefined(reason: "a score is not finite") }
        guard positives.allSatisfy({ $0 >= 0 && $0.isFinite }), negatives.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            return .undefined(reason: "a weight is negative or not finite")
        }
        let p = positives.reduce(0, +), q = negatives.reduce(0, +)
        guard p > 0, q > 0 else {
            return .undefined(reason: "the AUC needs both classes (\(p) positive, \(q) negative rows)")
        }
        let order = scores.indices.sorted { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var pairs = 0.0, below = 0.0
        var start = 0
        while start < order.count {
            var end = start
            var tiedPositives = positives[order[start]], tiedNegatives = negatives[order[start]]
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] {
                end += 1
                tiedPositives += positives[order[end]]
                tiedNegatives += negatives[order[end]]
            }
            pairs += tiedPositives * (below + tiedNegatives / 2)
            below += tiedNegatives
            start = end + 1
        }
        return .defined(pairs / (p * q))
    }
}

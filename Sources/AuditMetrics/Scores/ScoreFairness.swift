/// Score fairness by group (issue 4, point 3): distributions, NYC LL144 scoring rates and
/// impact ratios, Kolmogorov–Smirnov distances, AUC and calibration by group.
///
/// Row-level: the analysed scores are sorted once (``ScoreSample``) and every metric reads
/// that order; the Kolmogorov–Smirnov distances of all groups come from one scan.
public enum ScoreFairness {
    /// Options of ``analyze(_:options:)``.
    public struct Options: Sendable {
        /// Confidence level of every interval.
        public var level: Double = 0.95
        /// Reference group code for the KS comparison against a reference, if any.
        public var reference: Int?
        /// Groups below this share of the sample get no impact ratio (LL144: 2 %).
        public var minimumShareForImpactRatio: Double = 0.02
        public var ksMethod: KolmogorovSmirnov.Method = .auto
        /// Calibration bins (with labels).
        public var calibrationBins: Int = 10
        public var calibrationBinning: Calibration.Binning = .quantile
        public init() {}
    }

    /// Every score-fairness metric of `sample`, overall then per group (by code).
    /// - Throws: ``ScoreInputError/invalidParameter(name:expected:)`` for an option out of range.
    public static func analyze(_ sample: ScoreSample, options: Options = Options()) throws -> ScoreFairnessResult {
        guard options.level > 0, options.level < 1 else { throw ScoreInputError.invalidParameter(name: "level", expected: "a confidence level in (0, 1)") }
        guard options.calibrationBins >= 1 else { throw ScoreInputError.invalidParameter(name: "calibrationBins", expected: "at least 1 bin") }
        guard options.minimumShareForImpactRatio >= 0, options.minimumShareForImpactRatio < 1 else {
            throw ScoreInputError.invalidParameter(name: "minimumShareForImpactRatio", expected: "a share in [0, 1)")
        }
        let groupCount = sample.groupLabels.count
        if let r = options.reference, r < 0 || r >= groupCount {
            throw ScoreInputError.invalidParameter(name: "reference", expected: "a group code in 0..<\(groupCount)")
        }
        let level = options.level
        // The whole sample's scores in order, written out once for the overall results (8 bytes
        // a row, released before each group's lists are).
        var sorted = sample.sortedScores
        let rates = ScoringRate.byGroup(sample, sortedScores: sorted, minimumShare: options.minimumShareForImpactRatio, level: level)
        let ks = ksNumerators(sample, sortedScores: sorted, reference: options.reference)
        let sizes = sample.groupSizes
        let edges = sample.hasLabels ? Calibration.edges(sortedScores: sorted, bins: options.calibrationBins, binning: options.calibrationBinning) : []

        // `scores` ascending, `labels` theirs (empty without labels).
        func scoreResult(label: String, code: Int?, scores: [Double], labels: [UInt8]) -> ScoreGroupResult {
            var auc: ROCAUC?
            var calibration: [CalibrationBin] = []
            if sample.hasLabels {
                auc = ROCAUC(sortedScores: scores, labels: labels, level: level)
                calibration = Calibration.table(sortedScores: scores, labels: labels, edges: edges, level: level)
            }
            var rest: KolmogorovSmirnov?, versusReference: KolmogorovSmirnov?
            if let g = code {
                rest = KolmogorovSmirnov.test(numerator: ks.rest[g], n1: sizes[g], n2: sample.count - sizes[g], method: options.ksMethod)
                if let r = options.reference, r != g {
                    versusReference = KolmogorovSmirnov.test(numerator: ks.reference[g], n1: sizes[g], n2: sizes[r], method: options.ksMethod)
                }
            }
            return ScoreGroupResult(label: label, code: code, distribution: ScoreDistribution(sortedScores: scores, level: level),
                                    scoringRate: code.map { rates[$0] }, ksVersusRest: rest, ksVersusReference: versusReference,
                                    auc: auc, calibration: calibration)
        }
        let overall = scoreResult(label: "overall", code: nil, scores: sorted, labels: sample.sortedLabels ?? [])
        sorted = []
        // Every group's scores split in one go, not one pass over the rows per group.
        let split = sample.rowsByGroup()
        let groups = (0..<groupCount).map { scoreResult(label: sample.groupLabels[$0], code: $0, scores: split[$0].scores, labels: split[$0].labels) }
        return ScoreFairnessResult(overall: overall, groups: groups, reference: options.reference, edges: edges,
                                   missingScores: sample.missingScores, excluded: sample.excluded)
    }

    /// For every group g, the KS numerators h = max |c_g·n_o − c_o·n_g| against the rest
    /// (o = all other rows) and against the reference, from one scan of the sorted scores,
    /// evaluated at the end of each block of tied scores. O(blocks × groups).
    /// `s`: the sample's scores in order (`sample.sortedScores`, written out once by the caller).
    static func ksNumerators(_ sample: ScoreSample, sortedScores s: [Double], reference: Int?) -> (rest: [Int], reference: [Int]) {
        let groupCount = sample.groupLabels.count
        let sizes = sample.groupSizes
        let total = sample.count
        var c = [Int](repeating: 0, count: groupCount)
        var rest = c, versusReference = c
        let present = (0..<groupCount).filter { sizes[$0] > 0 }
        let rows = sample.rows, groups = sample.groups
        var i = 0, cumulative = 0
        while i < total {
            let x = s[i]
            while i < total, s[i] == x { c[Int(groups[Int(rows[i])])] += 1; i += 1 }
            cumulative = i
            for g in present {
                let other = total - sizes[g]
                rest[g] = max(rest[g], abs(c[g] * other - (cumulative - c[g]) * sizes[g]))
                if let r = reference {
                    versusReference[g] = max(versusReference[g], abs(c[g] * sizes[r] - c[r] * sizes[g]))
                }
            }
        }
        return (rest, versusReference)
    }
}

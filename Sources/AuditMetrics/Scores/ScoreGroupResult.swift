/// The score-fairness metrics of one group, or of the whole sample (`code == nil`).
public struct ScoreGroupResult: Sendable, Equatable {
    /// The group's name (`overall` for the whole sample).
    public let label: String
    /// The group's code, nil for the whole sample.
    public let code: Int?
    public let distribution: ScoreDistribution
    /// LL144 scoring rate and impact ratio (nil for the whole sample).
    public let scoringRate: ScoringRate?
    /// KS distance and p-value between the group and all other analysed rows (nil for the whole
    /// sample; nil when the group or the rest is empty).
    public let ksVersusRest: KolmogorovSmirnov?
    /// KS distance and p-value between the group and the reference group (nil without a
    /// reference, for the reference itself, or when either is empty).
    public let ksVersusReference: KolmogorovSmirnov?
    /// AUC against the label, with DeLong's interval (nil without labels).
    public let auc: ROCAUC?
    /// Calibration bins on the sample-wide edges (empty without labels).
    public let calibration: [CalibrationBin]

    public init(label: String, code: Int?, distribution: ScoreDistribution, scoringRate: ScoringRate?, ksVersusRest: KolmogorovSmirnov?,
                ksVersusReference: KolmogorovSmirnov?, auc: ROCAUC?, calibration: [CalibrationBin]) {
        self.label = label
        self.code = code
        self.distribution = distribution
        self.scoringRate = scoringRate
        self.ksVersusRest = ksVersusRest
        self.ksVersusReference = ksVersusReference
        self.auc = auc
        self.calibration = calibration
    }
}

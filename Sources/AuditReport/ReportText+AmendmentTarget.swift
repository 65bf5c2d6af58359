import DecisionModels

extension ReportText {
    /// A `vigie amend` target in this language: as typed in English (`impact_ratio>=0.8`),
    /// in words in French (`ratio d'impact ≥ 0,8`), the number with the language's decimal mark.
    package func target(_ target: AmendmentTarget) -> String {
        switch target {
        case .impactRatioAtLeast(let x): self(.amendTargetImpactRatio, ["x": numbers.shortest(x)])
        case .scoreGapAtMost(let x): self(.amendTargetScoreGap, ["x": numbers.shortest(x)])
        case .topKShareRatioAtLeast(let x): self(.amendTargetTopKShareRatio, ["x": numbers.shortest(x)])
        case .exposureRatioAtLeast(let x): self(.amendTargetExposureRatio, ["x": numbers.shortest(x)])
        }
    }

    /// The name of a target's metric in this language: its `proposals.csv` column in English
    /// (`min_impact_ratio`), in words in French.
    package func targetMetric(_ target: AmendmentTarget) -> String {
        switch target {
        case .impactRatioAtLeast: self(.amendMetricImpactRatio)
        case .scoreGapAtMost: self(.amendMetricScoreGap)
        case .topKShareRatioAtLeast: self(.amendMetricTopKShareRatio)
        case .exposureRatioAtLeast: self(.amendMetricExposureRatio)
        }
    }
}

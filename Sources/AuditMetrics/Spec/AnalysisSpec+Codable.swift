import AuditData

/// In the file's view the keys of `docs/spec.md`, the inference settings among them; in the
/// report's, `default_reference` and the inference settings under `inference`.
extension AnalysisSpec: ClosedKeyMapping, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case defaultReference = "reference"
        case intersections
        case impactRatioThreshold = "impact_ratio_threshold"
        case minGroupSize = "min_group_size"
        case minCellSize = "min_cell_size"
        case decisionIs = "decision_is"
    }

    enum ReportKeys: String, CodingKey {
        case defaultReference = "default_reference"
        case inference
    }

    public static var mappingKeys: [String] { CodingKeys.names + InferenceSpec.mappingKeys }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = AnalysisSpec()
        self.init(
            defaultReference: try c.decode(ReferenceRule.self, forKey: .defaultReference, default: defaults.defaultReference),
            intersections: try c.decode(Int.self, forKey: .intersections, default: defaults.intersections),
            impactRatioThreshold: try c.decode(Double.self, forKey: .impactRatioThreshold, default: defaults.impactRatioThreshold),
            minGroupSize: try c.decode(Int.self, forKey: .minGroupSize, default: defaults.minGroupSize),
            minCellSize: try c.decode(Int.self, forKey: .minCellSize, default: defaults.minCellSize),
            decisionIs: try c.decode(Favourability.self, forKey: .decisionIs, default: defaults.decisionIs),
            inference: try InferenceSpec(from: decoder)
        )
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(intersections, forKey: .intersections)
        try c.encode(impactRatioThreshold, forKey: .impactRatioThreshold)
        try c.encode(minGroupSize, forKey: .minGroupSize)
        try c.encode(minCellSize, forKey: .minCellSize)
        try c.encode(decisionIs, forKey: .decisionIs)
        switch encoder.specView {
        case .file:
            try c.encode(defaultReference, forKey: .defaultReference)
            try inference.encode(to: encoder)
        case .report:
            var r = encoder.container(keyedBy: ReportKeys.self)
            try r.encode(defaultReference, forKey: .defaultReference)
            try r.encode(inference, forKey: .inference)
        }
    }
}

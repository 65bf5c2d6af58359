import AuditData
import AuditMetrics
import AuditReport
import DecisionModels

/// The spec file's top-level mapping: `version`, the keys of the four parts, each part
/// reading and writing its own, and the optional `scan` block. Decoding checks the whole (`validate()`), so a spec file —
/// or a manifest's `spec` — that decodes is one an audit can run.
extension AuditSpec: ClosedKeyMapping, Codable {
    enum CodingKeys: String, CodingKey {
        case version, scan
    }

    /// The one spec format this Vigie reads and writes.
    public static let version = 1

    public static var mappingKeys: [String] {
        [CodingKeys.version.stringValue] + DataSpec.mappingKeys + AnalysisSpec.mappingKeys + DecisionModelSpec.mappingKeys + ReportSpec.mappingKeys
            + [CodingKeys.scan.stringValue]
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let version = try c.decodeIfPresent(Int.self, forKey: .version), version != Self.version {
            throw c.failure(.version, "this Vigie reads spec version \(Self.version)")
        }
        self.init(data: try DataSpec(from: decoder), analysis: try AnalysisSpec(from: decoder),
                  models: try DecisionModelSpec(from: decoder), report: try ReportSpec(from: decoder),
                  scan: try c.decodeIfPresent(ScanSpec.self, forKey: .scan))
        try validate()
        try validateMandatedPriorities()
    }

    /// The file's view: `version`, then every part's keys; the report's: the parts' summaries.
    public func encode(to encoder: Encoder) throws {
        if encoder.specView == .file {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(Self.version, forKey: .version)
        }
        try data.encode(to: encoder)
        try analysis.encode(to: encoder)
        try models.encode(to: encoder)
        try report.encode(to: encoder)
        if encoder.specView == .file, let scan {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(scan, forKey: .scan)
        }
    }
}

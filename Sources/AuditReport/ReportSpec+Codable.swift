import AuditAssessment
import AuditData

/// `system`, `lang` (only when not the default `en`) and `labels` (when any) in the file's view; nothing in the
/// report's, where `report.json` carries them as `system` and `language`.
extension ReportSpec: ClosedKeyMapping, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case system
        case language = "lang"
        case labels
    }

    public static var mappingKeys: [String] { CodingKeys.names }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(language: try c.decode(ReportLanguage.self, forKey: .language, default: .en),
                  system: try c.decodeIfPresent(SystemCard.self, forKey: .system),
                  labels: try c.decodeIfPresent(DisplayLabels.self, forKey: .labels) ?? DisplayLabels())
    }

    public func encode(to encoder: Encoder) throws {
        guard encoder.specView == .file else { return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(system, forKey: .system)
        if language != .en { try c.encode(language, forKey: .language) }
        if !labels.isEmpty { try c.encode(labels, forKey: .labels) }
    }
}

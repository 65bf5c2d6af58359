import AuditAssessment
import AuditData

/// `system`, `lang` (only when not the default `en`), `labels` (when any) and `paper` (only when
/// not the default `a4`) in the file's view; nothing in the
/// report's, where `report.json` carries them as `system` and `language`.
extension ReportSpec: ClosedKeyMapping, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case system
        case language = "lang"
        case labels
        case paper
    }

    public static var mappingKeys: [String] { CodingKeys.names }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(language: try c.decode(ReportLanguage.self, forKey: .language, default: .en),
                  system: try c.decodeIfPresent(SystemCard.self, forKey: .system),
                  labels: try c.decodeIfPresent(DisplayLabels.self, forKey: .labels) ?? DisplayLabels(),
                  paper: try c.decode(ReportPaper.self, forKey: .paper, default: .a4))
    }

    public func encode(to encoder: Encoder) throws {
        guard encoder.specView == .file else { return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(system, forKey: .system)
        if language != .en { try c.encode(language, forKey: .language) }
        if !labels.isEmpty { try c.encode(labels, forKey: .labels) }
        if paper != .a4 { try c.encode(paper, forKey: .paper) }
    }
}

extension ReportBuilder {
    /// The provenance line under the report's title: each input file's name, role and
    /// SHA-256 as `manifest.json` records them (the build commit stays in the manifest; the
    /// version is in the line before, ``MessageKey/subtitleGenerator``).
    public static func provenance(_ inputs: [ReportInput], language: ReportLanguage) -> [ReportInline]? {
        guard !inputs.isEmpty else { return nil }
        let t = ReportText(language)
        var files: [ReportInline] = []
        for (i, input) in inputs.enumerated() {
            if i > 0 { files.append(.text("; ")) }
            let role: MessageKey? = switch input.role {
            case "data": .provenanceRoleData
            case "tariff": .provenanceRoleTariff
            case "drought": .provenanceRoleDrought
            case "model": .provenanceRoleModel
            default: nil
            }
            files.append(.span(t.runs(.provenanceInput, ["name": .label(input.name), "role": .text(role.map { t($0) } ?? input.role),
                                                         "sha256": .label(input.sha256)])))
        }
        return t.runs(.provenanceInputs, ["files": .span(files)])
    }
}

import AuditReport

extension TransparencyRecord {
    /// `register-atrs.md`: the record for people, one table per section (field, value,
    /// source), every declared or measured text escaped as Markdown text.
    public func markdown() -> String {
        let name = sections.first?.fields.first?.value ?? "?"
        var md = "# Algorithmic Transparency Record: \(MarkdownEscape.text(name))\n\n"
        md += "Algorithmic Transparency Recording Standard 3.0, tier 1 and tier 2, written by Vigie \(MarkdownEscape.text(facts.vigieVersion)) from an audit "
        md += "(manifest.json SHA-256 `\(facts.manifestSHA256)`). Each field says where its value comes from: "
        md += "**declared** by the owner (system card, decision model, declarations), **measured** by the audit, or **missing**.\n\n"
        for section in sections {
            md += "## \(MarkdownEscape.text(section.title))\n\n"
            if !section.titleChecked {
                md += "_Section and field names not checked against the v3.0 template (docs/register.md): check them before publishing._\n\n"
            } else if !section.fieldNamesChecked {
                md += "_Field names not checked against the v3.0 template's field list (docs/register.md): check them before publishing._\n\n"
            }
            md += "| Field | Value | Source |\n|---|---|---|\n"
            for field in section.fields {
                let label = MarkdownEscape.text(field.id.contains(".") ? "\(field.id) \(field.labelEN)" : field.labelEN)
                let value = field.parts.isEmpty ? "—" : field.parts.map { MarkdownEscape.text($0.text) }.joined(separator: " — ")
                md += "| \(label) | \(value) | \(field.sourceLabel) |\n"
            }
            md += "\n"
        }
        return md
    }
}

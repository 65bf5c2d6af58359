extension ReportDocument {
    /// The document with every code (`ReportInline.label`) that `labels` names shown by its
    /// name, as plain text, in the document's language: titles, paragraphs, lists, notes,
    /// table captions, headers and cells, and the charts' labels and titles
    /// (``ReportChart/relabelled(_:in:)``). In French, yes/no codes are words even when the
    /// spec names nothing (``DisplayLabels/frenchWords``).
    public func relabelled(_ labels: DisplayLabels) -> ReportDocument {
        guard !labels.isEmpty || language == .fr else { return self }
        let language = self.language
        func inline(_ r: ReportInline) -> ReportInline {
            switch r {
            case .label(let code): return labels.display(code, in: language).map { .text(Typography.missingGroup($0, language: language)) } ?? r
            case .span(let inner): return .span(inner.map(inline))
            case .strong(let inner): return .strong(inner.map(inline))
            default: return r
            }
        }
        func runs(_ rs: [ReportInline]) -> [ReportInline] { rs.map(inline) }
        func block(_ b: ReportBlock) -> ReportBlock {
            switch b {
            case .heading(let level, let rs, let id): return .heading(level, runs(rs), id: id)
            case .paragraph(let rs): return .paragraph(runs(rs))
            case .list(let items): return .list(items.map(runs))
            case .numbered(let items): return .numbered(items.map(runs))
            case .note(let rs): return .note(runs(rs))
            case .table(var t):
                t.caption = runs(t.caption)
                t.header = t.header.map(runs)
                t.rows = t.rows.map { $0.map(runs) }
                t.chart = t.chart?.relabelled(labels, in: language)
                return .table(t)
            }
        }
        var d = self
        d.title = runs(title)
        d.subtitle = subtitle.map(runs)
        d.preamble = preamble.map(block)
        d.sections = sections.map { s in ReportSection(id: s.id, title: runs(s.title), blocks: s.blocks.map(block)) }
        return d
    }
}

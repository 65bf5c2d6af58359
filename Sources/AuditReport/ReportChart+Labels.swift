extension ReportChart {
    /// The chart with every code that `labels` names shown by its name, in `language`: a bar's,
    /// a box's, a curve's or a heat map row's or column's label when it is a code (a group,
    /// an intersection `FR*>=66`), and a code standing as a word of a title, an axis title
    /// or a description (`Impact ratios: nationalite`). The same names as the tables'
    /// (``ReportDocument/relabelled(_:)``).
    public func relabelled(_ labels: DisplayLabels, in language: ReportLanguage) -> ReportChart {
        guard !labels.isEmpty || language == .fr else { return self }
        func name(_ code: String) -> String {
            labels.display(code, in: language).map { Typography.missingGroup($0, language: language) } ?? code
        }
        /// A code standing as a whole word (between spaces, or before a final `:`, `,`, `)`).
        func words(_ text: String) -> String {
            text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                let w = String(word)
                if labels.display(w, in: language) != nil { return name(w) }
                if let last = w.last, ":,;)".contains(last), labels.display(String(w.dropLast()), in: language) != nil {
                    return name(String(w.dropLast())) + String(last)
                }
                return w
            }.joined(separator: " ")
        }
        switch self {
        case .groupRates(var c):
            c.title = words(c.title); c.description = words(c.description); c.axisTitle = words(c.axisTitle)
            c.rows = c.rows.map { var r = $0; r.label = name(r.label); return r }
            c.referenceLabel = words(name(c.referenceLabel))  // "Référence : FR (12,4 %)": the code inside the sentence too
            return .groupRates(c)
        case .impactRatios(var c):
            c.title = words(c.title); c.description = words(c.description); c.axisTitle = words(c.axisTitle)
            c.rows = c.rows.map { var r = $0; r.label = name(r.label); return r }
            return .impactRatios(c)
        case .heatMap(var c):
            c.title = words(c.title); c.description = words(c.description)
            c.rowTitle = name(words(c.rowTitle)); c.columnTitle = name(words(c.columnTitle))
            c.rowLabels = c.rowLabels.map(name); c.columnLabels = c.columnLabels.map(name)
            return .heatMap(c)
        case .lorenz(var c):
            c.title = words(c.title); c.description = words(c.description)
            c.series = c.series.map { var s = $0; s.label = name(s.label); return s }
            return .lorenz(c)
        case .distributions(var c):
            c.title = words(c.title); c.description = words(c.description); c.axisTitle = words(c.axisTitle)
            c.rows = c.rows.map { var r = $0; r.label = name(r.label); return r }
            return .distributions(c)
        case .tornado(var c):
            c.title = words(c.title); c.description = words(c.description)
            c.rows = c.rows.map { var r = $0; r.label = name(r.label); return r }
            return .tornado(c)
        }
    }
}

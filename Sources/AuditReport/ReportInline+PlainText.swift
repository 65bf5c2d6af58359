extension ReportInline {
    /// Runs as plain text, without markup or escaping: the sentences of `report.json` and
    /// `explanation.json`, chart titles, and text filled into a plain sentence.
    public static func plainText(_ runs: [ReportInline]) -> String {
        runs.map { run in
            switch run {
            case .text(let s), .label(let s), .anchor(let s, _), .status(_, let s): s
            case .span(let inner), .strong(let inner): plainText(inner)
            }
        }.joined()
    }
}

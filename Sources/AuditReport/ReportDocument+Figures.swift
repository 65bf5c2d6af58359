/// The numbering of a document's figures, shared by `report.md` and `report.html` so both
/// say "Figure 3" for the same chart: the tables that carry a chart, in reading order
/// (preamble, then each section), numbered from 1.
extension ReportDocument {
    /// Each figure's number, by its id.
    public var figureNumbers: [String: Int] {
        var numbers: [String: Int] = [:]
        for block in preamble + sections.flatMap(\.blocks) {
            if case .table(let t) = block, let id = t.figure, t.chart != nil, numbers[id] == nil {
                numbers[id] = numbers.count + 1
            }
        }
        return numbers
    }
}

extension ReportChart {
    /// The chart's title, in the report's language (its SVG `<title>`).
    public var title: String {
        switch self {
        case .groupRates(let c): c.title
        case .impactRatios(let c): c.title
        case .heatMap(let c): c.title
        case .lorenz(let c): c.title
        case .tornado(let c): c.title
        case .distributions(let c): c.title
        }
    }
}

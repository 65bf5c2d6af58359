/// Input of ``SVGChart/heatMap(_:)``: a rate per intersection of two attributes
/// (rows × columns), its value printed in each cell.
public struct HeatMapChart: Sendable, Equatable {
    /// One intersection's value.
    public struct Cell: Sendable, Equatable {
        public var value: Double?
        public var missing: ChartMissing

        public init(_ value: Double?, missing: ChartMissing = .undefined) {
            self.value = value
            self.missing = missing
        }
    }

    public var id: String
    public var title: String
    public var description: String
    /// Names of the row and column attributes, e.g. "Sex", "Age band".
    public var rowTitle: String
    public var columnTitle: String
    public var text: ChartText
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `cells[r][c]` for row `r`, column `c`. A cell absent from a short row is drawn as
    /// undefined; values beyond the labels are not drawn.
    public var cells: [[Cell]]
    public var format: ChartNumberFormat
    /// The colour scale's domain (values outside take the end colours; the printed value
    /// is exact).
    public var domain: ClosedRange<Double>

    public init(id: String, title: String, description: String, rowTitle: String, columnTitle: String,
                text: ChartText, rowLabels: [String], columnLabels: [String], cells: [[Cell]],
                format: ChartNumberFormat = .percent(digits: 1), domain: ClosedRange<Double> = 0...1) {
        self.id = id
        self.title = title
        self.description = description
        self.rowTitle = rowTitle
        self.columnTitle = columnTitle
        self.text = text
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cells = cells
        self.format = format
        self.domain = domain
    }

    /// The cell at row `r`, column `c`, undefined when the row is short.
    func cell(_ r: Int, _ c: Int) -> Cell {
        r < cells.count && c < cells[r].count ? cells[r][c] : Cell(nil)
    }
}

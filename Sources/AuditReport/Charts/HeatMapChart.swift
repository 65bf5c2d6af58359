/// Input of ``SVGChart/heatMap(_:)``: a rate per intersection of two attributes
/// (rows × columns), its value printed in each cell.
public struct HeatMapChart: Sendable, Equatable {
    /// One intersection's value.
    public struct Cell: Sendable, Equatable {
        /// The cell's value, nil when missing.
        public var value: Double?
        /// Why the value is missing, when it is: selects the marker word.
        public var missing: ChartMissing

        /// Memberwise; defaults as documented on the properties.
        public init(_ value: Double?, missing: ChartMissing = .undefined) {
            self.value = value
            self.missing = missing
        }
    }

    /// Prefix of the chart's element ids (`ID-title`, `ID-desc`, `ID-hatch`): unique per page; characters other than `[A-Za-z0-9_-]` become `_`, and `chart-` is prepended unless it starts with a letter.
    public var id: String
    /// The accessible name, the SVG `<title>` (e.g. the figure caption).
    public var title: String
    /// The text alternative, the SVG `<desc>`: a one-sentence summary (the page prints the data table).
    public var description: String
    /// Names of the row and column attributes, e.g. "Sex", "Age band".
    public var rowTitle: String
    /// Name of the column attribute, above the column labels.
    public var columnTitle: String
    /// Marker words for missing values, and the language's number style.
    public var text: ChartText
    /// Row labels (groups of the row attribute), top to bottom.
    public var rowLabels: [String]
    /// Column labels (groups of the column attribute), left to right.
    public var columnLabels: [String]
    /// `cells[r][c]` for row `r`, column `c`. A cell absent from a short row is drawn as
    /// undefined; values beyond the labels are not drawn.
    public var cells: [[Cell]]
    /// How values and tick labels are printed.
    public var format: ChartNumberFormat
    /// The colour scale's domain (values outside take the end colours; the printed value
    /// is exact).
    public var domain: ClosedRange<Double>

    /// Memberwise; defaults as documented on the properties.
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

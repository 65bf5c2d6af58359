/// A block of a report, rendered alike to HTML and Markdown.
public enum ReportBlock: Sendable, Equatable {
    /// A heading of level 2 or more (level 1 is the report's title).
    case heading(Int, [ReportInline], id: String?)
    case paragraph([ReportInline])
    case list([[ReportInline]])
    case table(ReportTable)
    /// A status badge line: the status word, then the evidence.
    case note([ReportInline])
}

/// A table with a caption and typed columns; the data table of every figure.
public struct ReportTable: Sendable, Equatable {
    public var caption: [ReportInline]
    public var header: [[ReportInline]]
    /// Whether each column is numeric (right-aligned).
    public var numeric: [Bool]
    public var rows: [[[ReportInline]]]
    /// Set when the table is the data of a figure (a chart goes next to it): the figure's id.
    public var figure: String?
    /// The figure's chart, drawn before the table in HTML (nil: the table alone).
    public var chart: ReportChart?

    public init(caption: [ReportInline], header: [[ReportInline]], numeric: [Bool], rows: [[[ReportInline]]], figure: String? = nil, chart: ReportChart? = nil) {
        self.caption = caption
        self.header = header
        self.numeric = numeric
        self.rows = rows
        self.figure = figure
        self.chart = chart
    }
}

/// A major section of a report: it starts a new page when printed.
public struct ReportSection: Sendable, Equatable {
    public var id: String
    public var title: [ReportInline]
    public var blocks: [ReportBlock]

    public init(id: String, title: [ReportInline], blocks: [ReportBlock] = []) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// A whole report, independent of its format.
public struct ReportDocument: Sendable, Equatable {
    public var language: String
    public var title: String
    /// Lines under the title (system, date, data).
    public var subtitle: [[ReportInline]]
    public var sections: [ReportSection]
    /// The label of the table of contents.
    public var contents: String
}

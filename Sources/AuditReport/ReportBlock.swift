import AuditData

/// A block of a report, rendered alike to HTML and Markdown.
public enum ReportBlock: Sendable, Equatable {
    /// A heading of level 2 or more (level 1 is the report's title).
    case heading(Int, [ReportInline], id: String?)
    case paragraph([ReportInline])
    case list([[ReportInline]])
    /// A numbered list (steps in order).
    case numbered([[ReportInline]])
    case table(ReportTable)
    /// A status badge line: the status word, then the evidence.
    case note([ReportInline])
}

/// A table with a caption and typed columns; the data table of every figure.
public struct ReportTable: Sendable, Equatable {
    /// The table's title; empty when the heading above it says what it is (no caption line).
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

/// A whole document for people, independent of its format: the transparency report, an
/// applicant's explanation, a comparison of two tariffs or grids, the diff of two audits.
public struct ReportDocument: Sendable, Equatable {
    public var language: ReportLanguage
    public var title: [ReportInline]
    /// Lines under the title (system, date, data).
    public var subtitle: [[ReportInline]]
    /// Blocks between the title and the first section (a short document may have no section).
    public var preamble: [ReportBlock]
    public var sections: [ReportSection]
    /// The label of the table of contents (shown when there are sections).
    public var contents: String
    /// The paper the HTML prints on (its `@page` size).
    public var paper: ReportPaper

    public init(language: ReportLanguage, title: [ReportInline], subtitle: [[ReportInline]] = [], preamble: [ReportBlock] = [],
                sections: [ReportSection] = [], contents: String = "", paper: ReportPaper = .a4) {
        self.paper = paper
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.preamble = preamble
        self.sections = sections
        self.contents = contents
    }
}

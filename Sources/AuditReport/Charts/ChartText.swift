/// The words a chart prints besides the caller's labels, in the report's language.
///
/// Charts hard-code no natural-language text: every word comes from here or from the
/// chart's own labels (WCAG 2.2 success criterion 3.1.2, language of parts: the chart
/// speaks the language of the page that embeds it). Numbers are written in the language's
/// ``NumberStyle``, as in the rest of the report.
public struct ChartText: Sendable, Equatable {
    /// Printed in place of a value that is undefined (0/0, an empty group), e.g. "undefined".
    public var undefined: String
    /// Printed in place of a value withheld because its group is too small, e.g. "suppressed".
    public var suppressed: String
    /// How every printed number is written (its decimal mark).
    public var numbers: NumberStyle

    /// Memberwise; English numbers unless told.
    public init(undefined: String, suppressed: String, numbers: NumberStyle = Catalogue.english.numbers) {
        self.undefined = undefined
        self.suppressed = suppressed
        self.numbers = numbers
    }

    /// The marker word for a missing value.
    public func word(for missing: ChartMissing) -> String {
        switch missing {
        case .undefined: undefined
        case .suppressed: suppressed
        }
    }
}

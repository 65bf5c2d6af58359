import ArgumentParser
import AuditData

/// How the data file is written — its delimiter, decimal mark and missing-value markers —, the
/// flags every command reading applicants' CSV shares (`@OptionGroup` in ``SpecOptions`` for
/// `audit`, `compare` and `amend`, and in `scan`). The spec file's `csv:` block says the same
/// (`docs/spec.md`); a flag overrides it.
struct CSVDialectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("CSV delimiter: `,`, `;`, `tab` or `auto` (default: detected from the header).", valueName: "char"))
    var delimiter: CSVDelimiter?

    @Flag(name: .long, help: "Numbers use a decimal comma (3,5), as in French exports.")
    var decimalComma = false

    @Option(name: .long, help: ArgumentHelp("A missing-value marker, matched exactly; repeatable. Replaces the default NA, NaN, null; an empty field is always missing.", valueName: "text"))
    var missing: [String] = []

    /// The flags given, over `csv` (the spec's, or the default dialect).
    func apply(to csv: inout CSVDialect) {
        if let delimiter { csv.delimiter = delimiter.byte }
        if decimalComma { csv.decimalComma = true }
        if !missing.isEmpty { csv.missingValues = Set(missing).union([""]) }
    }
}

import ArgumentParser
import AuditData

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print a starter audit spec inferred from a data file's header and a sample of its values.",
        discussion: """
        The draft names likely protected attributes, label, decision, score and weight \
        columns from their names and values, and lists every column with what was seen. \
        Review it before use.

        Example:
          vigie init --data decisions.csv > audit.yaml
        """
    )

    @Option(name: .long, help: ArgumentHelp("The data file (CSV).", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("Rows to sample (default 2000).", valueName: "n"))
    var sample = 2000

    @Option(name: .long, help: ArgumentHelp("CSV delimiter: `,`, `;`, `tab` or `auto`.", valueName: "char"))
    var delimiter = "auto"

    func validate() throws {
        guard sample >= 1 else { throw ValidationError("--sample must be at least 1") }
        _ = try CSVDialect.delimiter(named: delimiter, key: "--delimiter")
    }

    func run() throws {
        var dialect = CSVDialect()
        dialect.delimiter = try CSVDialect.delimiter(named: delimiter, key: "--delimiter")
        let profiles = try SpecInference.profile(path: data, dialect: dialect, sampleRows: sample)
        print(SpecInference.starterSpec(dataPath: data, profiles: profiles), terminator: "")
    }
}

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
        guard ["auto", ",", ";", "tab"].contains(delimiter) else { throw ValidationError("--delimiter: expected ',', ';', 'tab' or 'auto'") }
    }

    func run() throws {
        var dialect = CSVDialect()
        switch delimiter {
        case ",": dialect.delimiter = UInt8(ascii: ",")
        case ";": dialect.delimiter = UInt8(ascii: ";")
        case "tab": dialect.delimiter = UInt8(ascii: "\t")
        default: break
        }
        let profiles = try SpecInference.profile(path: data, dialect: dialect, sampleRows: sample)
        print(SpecInference.starterSpec(dataPath: data, profiles: profiles), terminator: "")
    }
}

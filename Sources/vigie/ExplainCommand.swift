import AuditApplication
import ArgumentParser
import AuditData
import AuditReport
import DecisionModels
import Foundation

/// `vigie explain`: the explanation owed to one applicant under CRPA R311-3-1-2
/// (docs/explain.md). The logic is in `ApplicantExplanation` and the renderers.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one applicant's score under a points grid (CRPA R311-3-1-2), in French or English.",
        discussion: """
        Gives one applicant, in plain language, the four items of CRPA article R311-3-1-2: \
        the algorithm's contribution to the decision, the data processed and their sources, \
        the criteria and their weighting as applied to them, and the operations performed; \
        plus the total score, the rank among comparable applications (same allocation \
        segment), whether the rule selects them, the average wait of comparable allocated \
        applications (given over at least 10 only) and the route to the CADA. Nothing about \
        any other applicant is printed. Writes explanation.md and explanation.json into \
        --out (default vigie-explanation-<ID>), or prints the Markdown with --stdout.

        Examples:
          vigie explain --model cotation-grid.yaml --data demandes.csv --id 034-2023-000001
          vigie explain --model grid.yaml --data demandes.csv --id 42 --lang en --stdout

        Exit codes: 0 done; 2 bad usage, bad input, or an id not in the data.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The points grid (YAML, docs/model.md).", valueName: "grid.yaml"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("The applications (CSV).", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("The applicant's id (the grid's id column).", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("Language of the explanation: fr (default) or en.", valueName: "lang"))
    var lang: ReportLanguage = .fr

    @Option(name: .long, help: OutputFolderHelp.out("explanation.md, explanation.json and manifest.json (default vigie-explanation-<ID>)"))
    var out: String?

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    @Flag(name: .long, help: "Print the Markdown on standard output instead of writing files.")
    var stdout = false

    @Option(name: .long, help: ArgumentHelp("CSV delimiter: `,`, `;`, `tab` or `auto` (default: detected from the header).", valueName: "char"))
    var delimiter: CSVDelimiter = .auto

    @Flag(name: .long, help: "Numbers in the CSV use a decimal comma.")
    var decimalComma = false

    func validate() throws {
        if stdout && out != nil { throw ValidationError("--stdout and --out exclude each other") }
    }

    func run() throws {
        let dialect = CSVDialect(delimiter: delimiter.byte, decimalComma: decimalComma)
        if !stdout { try ReportWriter.checkTarget(out ?? ExplanationFiles.defaultFolder(id: id), force: force) }  // before any work
        let grid = try PointsGrid.load(path: model)
        let explanation = try ApplicantExplanation.explain(grid: grid, csvPath: data, id: id, dialect: dialect)
        if stdout {
            print(BidiControl.visible(ExplanationReport.markdown(explanation, language: lang)), terminator: "")
            return
        }
        let folder = out ?? ExplanationFiles.defaultFolder(id: id)
        try ExplanationFiles.write(explanation, language: lang, to: folder, force: force)
        print(Typography.set(ReportText(lang)(.cliExplainWrote, ["files": "\(folder)/explanation.md, \(folder)/explanation.json"]), language: lang))
    }
}

import ArgumentParser
import AuditAssessment
import AuditApplication
import AuditData
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print a starter audit spec inferred from a data file's header and a sample of its values.",
        discussion: """
        The draft names likely protected attributes, label, decision, score and weight \
        columns from their names and values, and lists every column with what was seen. \
        Review it before use.

        Examples:
          vigie init --data decisions.csv --out audit.yaml
          vigie init --data decisions.csv > audit.yaml
        """
    )

    @Option(name: .long, help: ArgumentHelp("The data file (CSV).", valueName: "file"))
    var data: String

    @Option(name: .long, help: ArgumentHelp("Write the spec to this file (its data path is then relative to the file's folder) instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Rows to sample (default 2000).", valueName: "n"))
    var sample = 2000

    @Option(name: .long, help: ArgumentHelp("CSV delimiter: `,`, `;`, `tab` or `auto`.", valueName: "char"))
    var delimiter: CSVDelimiter = .auto

    func validate() throws {
        guard sample >= 1 else { throw ValidationError("--sample must be at least 1") }
    }

    func run() throws {
        let dialect = CSVDialect(delimiter: delimiter.byte)
        let draft = try SpecInference.draft(path: data, dialect: dialect, sampleRows: sample)
        guard let out else {
            // On standard output the spec's folder is unknown: give an absolute data path.
            let absolute = URL(fileURLWithPath: data).standardizedFileURL.path
            print(SpecInference.starterSpec(dataPath: absolute, profiles: draft.profiles, delimiter: draft.delimiter) + SystemCard.skeleton, terminator: "")
            return
        }
        let specFolder = URL(fileURLWithPath: out).standardizedFileURL.deletingLastPathComponent()
        let dataPath = Self.relativePath(from: specFolder, to: URL(fileURLWithPath: data).standardizedFileURL)
        let text = SpecInference.starterSpec(dataPath: dataPath, profiles: draft.profiles, delimiter: draft.delimiter) + SystemCard.skeleton
        try AtomicFile.write(Data(text.utf8), to: out)
    }

    /// `to` relative to the folder `from` (`../data/x.csv`).
    static func relativePath(from folder: URL, to file: URL) -> String {
        let a = folder.pathComponents, b = file.pathComponents
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        return (up + b[common...]).joined(separator: "/")
    }
}

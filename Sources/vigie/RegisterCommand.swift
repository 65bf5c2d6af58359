import ArgumentParser
import AuditApplication
import AuditReport
import Foundation
import RegisterRecords

/// `vigie register --format etalab|atrs|nl DIR`: the record a public algorithm register asks
/// for, written from an audit's output folder (docs/register.md).
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Write a public algorithm register's record from an audit folder: Etalab's inventory, the UK ATRS, the Dutch Algoritmeregister.",
        discussion: """
        Reads DIR/report.json and DIR/manifest.json (report schema 1.1; the report must hash \
        as the manifest records) and writes, into DIR, all at once or not at all:
          etalab  register-etalab.csv: the fields of Etalab's inventory of public algorithms \
        (guide des algorithmes publics), one row, a [source] column beside each field
          atrs    register-atrs.json, register-atrs.md: UK Algorithmic Transparency \
        Recording Standard 3.0, tier 1 and tier 2
          nl      register-nl.json: the Dutch Algoritmeregister's publication standard 1.0.0; \
        register-nl-sources.json: each field's source

        Every field is declared (the spec's system card, the decision model the audit ran, or \
        the --declare file), measured (groups checked, disparities found, hashes, from the \
        audit) or missing; nothing is invented. A field the register requires that is \
        missing stops the record. See docs/register.md for each field's mapping.

        Examples:
          vigie register --format etalab vigie-report
          vigie register --format nl --declare register.yaml vigie-report
          vigie register --format atrs --stdout vigie-report

        Exit codes: 0 written; 2 bad usage, not a Vigie audit folder, another report schema, \
        a report changed after the audit, a required field missing or a value the register \
        refuses (nothing is written).
        """
    )

    @Option(name: .long, help: ArgumentHelp("The register: etalab, atrs or nl.", valueName: "format"))
    var format: RegisterFormat

    @Option(name: .long, help: ArgumentHelp("YAML file of what the register asks that the system card has no key for (docs/register.md).", valueName: "file"))
    var declare: String?

    @Option(name: .long, help: ArgumentHelp("A folder holding the audit's decision model (points grid) under its recorded name; it is then looked for there only (default: its path recorded relative to the audit folder, beside manifest.json, then the current folder).", valueName: "dir"))
    var inputs: String?

    @Flag(name: .long, help: "Print the record on standard output instead of writing it into DIR (ATRS: the JSON, then the Markdown; nl: the record only).")
    var stdout = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Language of the command's messages: `en` (default) or `fr` (the record's fields are the register's own).", valueName: "lang"))
    var lang: ReportLanguage = .en

    @Argument(help: ArgumentHelp("The audit folder (with report.json and manifest.json).", valueName: "dir"))
    var folder: String

    func run() throws {
        let registerFormat = format
        let declarations = try declare.map { try RegisterDeclarations.load(path: $0) } ?? RegisterDeclarations()
        let files = try RegisterRecord.files(registerFormat, folder: folder, declarations: declarations, inputsFolder: inputs)
        if stdout {
            let shown = registerFormat == .nl ? files.filter { $0.name == "register-nl.json" } : files
            for file in shown { FileHandle.standardOutput.write(file.data) }
            return
        }
        // Each record beside the audit's reports, all at once per file; not in the audit's
        // manifest (verify checks the audit), replaced with the folder by the next audit.
        for file in ReportWriter.finalised(files) { try AtomicFile.write(file.data, to: folder + "/" + file.name) }
        if !quiet {
            let files = files.map { "\(folder)/\($0.name)" }.joined(separator: ", ")
            let text = ReportText(lang)
            let title = text(named: "register.title.\(registerFormat.rawValue)")
            print(Typography.set(text(.cliRegisterWrote, ["title": title, "files": files]), language: lang))
        }
    }
}

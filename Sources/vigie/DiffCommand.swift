import AuditApplication
import AuditAssessment
import ArgumentParser
import AuditData
import AuditReport
import Foundation

/// `vigie diff OLD NEW`: which disparities grew, shrank, appeared or vanished.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two audits (last year's and this year's): which disparities grew, shrank, appeared or vanished.",
        discussion: """
        Reads findings.csv (and report.json) in both folders and matches findings by \
        attribute, group, reference, metric and kind. A gap is the distance from parity: \
        |difference| or |ln ratio|; it grew or shrank when it moved by more than --threshold. \
        Verdict changes are listed too. Writes diff.md (in --lang) and diff.csv into --out, \
        all at once or not at all, and prints the counts. See docs/provenance.md.

        Example:
          vigie diff audit-2023 audit-2024 --out diff-2024

        Exit codes: 0 compared (whatever changed); 2 bad usage or unreadable folders.
        """
    )

    @Argument(help: ArgumentHelp("The earlier audit folder.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later audit folder.", valueName: "new"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("A gap grew or shrank when it moved by more than this (default 0.01).", valueName: "t"))
    var threshold = 0.01

    @Option(name: .long, help: OutputFolderHelp.out("diff.md, diff.csv and manifest.json"))
    var out = "vigie-diff"

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    @Option(name: .long, help: ArgumentHelp("Language of diff.md: `en` (default) or `fr`.", valueName: "lang"))
    var lang = "en"

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard threshold.isFinite, threshold >= 0 else { throw ValidationError("--threshold must be a number of at least 0") }
        guard ReportLanguage(rawValue: lang) != nil else { throw ValidationError("--lang must be en or fr, found '\(lang)'") }
    }

    func run() throws {
        try ReportWriter.checkTarget(out, force: force)  // before any work
        let language = ReportLanguage(rawValue: lang) ?? .en
        let result = try AuditDiff.run(old: old, new: new, threshold: threshold, out: out, language: language, force: force)
        if !quiet {
            print("\(old) → \(new): \(AuditDiffReport.summary(result))")
            print("Diff: \(out)/diff.md, \(out)/diff.csv")
        }
    }
}

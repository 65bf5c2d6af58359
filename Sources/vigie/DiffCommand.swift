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

        With --fail-on-new-disparity (a CI gate against the last published audit), the \
        command exits with code 1 when a finding newly has the verdict `disparity` (it had \
        another verdict, or was not in the old audit), or when a finding that already had \
        it saw its gap grow by more than --threshold. Disparities already known whose gap \
        held or shrank do not fail it.

        Examples:
          vigie diff audit-2023 audit-2024 --out diff-2024
          vigie diff published-audit new-audit --fail-on-new-disparity --threshold 0.02

        Exit codes: 0 compared; 1 with --fail-on-new-disparity, a new or grown disparity \
        (diff.md and diff.csv are written all the same); 2 bad usage or unreadable folders.
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

    @Flag(name: .long, help: "Exit with code 1 if a finding newly has the verdict `disparity`, or an existing disparity's gap grew by more than --threshold.")
    var failOnNewDisparity = false

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
        // Messages in --lang, from the catalogues, typeset like the reports.
        let text = ReportText(language)
        let t = { (key: MessageKey, args: [String: String]) in Typography.set(text(key, args), language: language) }
        if !quiet {
            print("\(old) → \(new): " + Typography.set(AuditDiffReport.summary(result, language: language), language: language))
            print(t(.cliDiffFiles, ["files": "\(out)/diff.md, \(out)/diff.csv"]))
        }
        let regressions = AuditDiff.regressions(result)
        if failOnNewDisparity && !regressions.isEmpty {
            let names = regressions.prefix(5).map { r in
                "\(r.row.key.attribute)=\(r.row.key.group) (\(r.row.key.metric) \(r.row.key.kind), \(t(r.regression == .newDisparity ? .cliNew : .cliGrew, [:])))"
            }.joined(separator: ", ") + (regressions.count > 5 ? ", …" : "")
            let disparities = t(regressions.count == 1 ? .cliDisparityOne : .cliDisparityMany, [:])
            FileHandle.standardError.write(Data((t(.cliDiffFail, ["count": String(regressions.count), "disparities": disparities, "names": names]) + "\n").utf8))
            throw ExitCodeOne()
        }
    }
}

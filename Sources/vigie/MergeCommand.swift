import ArgumentParser
import AuditApplication
import AuditData
import AuditReport
import Foundation

/// `vigie merge`: the coordinator's side of a multi-holder audit (`docs/holders.md`).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Audit several data holders as one population from their statistics bundles (vigie stats); write the audit's reports and holders.csv.",
        discussion: """
        The bundles must come from the same spec and the same Vigie version. Categories are \
        united (a group absent at a holder counts zero there); --map unites differently \
        spelled ones. The outputs are those of vigie audit on the union of the rows — \
        metrics.csv and findings.csv equal to the pooled audit's (bit for bit for counts and \
        every value computed from them; weight and score sums to rounding) — plus \
        holders.csv: each holder's rate per group, and per group the Mantel–Haenszel odds \
        ratio over the holders, the Cochran–Mantel–Haenszel test and the Breslow–Day test \
        of homogeneity (is a disparity consistent across holders, or concentrated in one?). \
        Every output goes through the audit's disclosure control.

        Example:
          vigie merge acm.vstats hm.vstats fdi.vstats \\
            --map 'commune_souhaitee:Montpellier Nord=Montpellier-Nord' --out metropole
        """
    )

    @Argument(help: ArgumentHelp("The holders' statistics bundles (at least two).", valueName: "bundle.vstats"))
    var bundles: [String]

    @Option(name: .long, help: OutputFolderHelp.out("the reports, holders.csv and manifest.json"))
    var out = "vigie-merge"

    @Option(name: .customLong("map"), help: ArgumentHelp("Unite a holder's spelling of a group with another: ATTRIBUTE:FROM=TO (repeatable).", valueName: "attr:from=to"))
    var maps: [String] = []

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    @Option(name: .long, help: ArgumentHelp("Language of report.md, report.html and the command's messages: `en` or `fr`; overrides the bundles' spec `lang:` (default: the spec's).", valueName: "lang"))
    var lang: ReportLanguage?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Threads for the bootstrap, when the spec asks for one (default: all cores). Results do not depend on it.", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        guard bundles.count >= 2 else { throw ValidationError("give at least two statistics bundles (one per data holder)") }
        _ = try mapping()
    }

    /// `--map` as attribute → (spelling → united label).
    func mapping() throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for entry in maps {
            guard let colon = entry.firstIndex(of: ":"), let equals = entry[colon...].firstIndex(of: "=") else {
                throw ValidationError("--map '\(entry)': expected ATTRIBUTE:FROM=TO")
            }
            let attribute = String(entry[..<colon]), from = String(entry[entry.index(after: colon)..<equals]), to = String(entry[entry.index(after: equals)...])
            guard !attribute.isEmpty, !from.isEmpty, !to.isEmpty else { throw ValidationError("--map '\(entry)': expected ATTRIBUTE:FROM=TO, none of them empty") }
            if let previous = result[attribute]?[from], previous != to {
                throw ValidationError("--map: '\(from)' of '\(attribute)' is mapped to both '\(previous)' and '\(to)'")
            }
            result[attribute, default: [:]][from] = to
        }
        return result
    }

    func run() throws {
        let outcome = try HolderMergeRun.run(paths: bundles, mapping: try mapping(), outputDirectory: out,
                                             threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, force: force, language: lang)
        if !quiet {
            // Messages in the report's language (--lang, else the spec's lang:), from the catalogues.
            let text = ReportText(lang ?? outcome.language)
            let t = { (key: MessageKey, args: [String: String]) in Typography.set(text(key, args), language: text.language) }
            let c = outcome.comparison
            let withheld = c.withheldAttributes.isEmpty ? "" : t(.cliMergeWithheld, ["attributes": c.withheldAttributes.joined(separator: ", ")])
            print(t(.cliMerged, ["holders": String(bundles.count), "rows": String(outcome.result.rowCount),
                                 "comparisons": String(c.consistency.count), "s_comparisons": text.s(c.consistency.count),
                                 "hidden": String(c.hiddenCells), "s_hidden": text.s(c.hiddenCells), "withheld": withheld]))
            for w in outcome.result.warnings { FileHandle.standardError.write(Data(BidiControl.visible(t(.cliWarning, ["message": text.warning(w)]) + "\n").utf8)) }
            print(t(.cliMergeReport, ["files": ["report.html", "metrics.csv", "findings.csv", "holders.csv"].map { "\(out)/\($0)" }.joined(separator: ", ")]))
        }
    }
}

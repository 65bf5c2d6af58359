import ArgumentParser
import AuditApplication
import AuditData
import Foundation

/// `vigie stats`: one data holder's side of a multi-holder audit (`docs/holders.md`).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Compute one data holder's sufficient statistics for a multi-holder audit (vigie merge); the rows stay with the holder.",
        discussion: """
        Takes vigie audit's data and analysis options (or its --spec) and writes, instead of \
        reports, a statistics bundle: per protected group and intersection, the confusion \
        counts, weight sums and score sums, with the spec, the data file's SHA-256 and \
        Vigie's version. No row and no identifier leaves the holder. The bundle holds exact \
        counts, however small, and says so on its first line: it goes to the coordinator \
        under the holders' agreement, never to the public; what vigie merge writes from it \
        is disclosure-controlled.

        Every holder runs the same spec file; the coordinator then runs
          vigie merge holder-a.vstats holder-b.vstats holder-c.vstats --out audit

        Not mergeable (refused with the reason): a decision model, a tariff or an \
        allocation, attributes banded by quantiles, a weighted bootstrap.
        """
    )

    @OptionGroup var options: SpecOptions

    @Option(name: .long, help: ArgumentHelp("The bundle to write (replaced all at once; nothing is written on failure).", valueName: "file.vstats"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("The holder's name as holders.csv shows it (default: the data file's name without its extension).", valueName: "name"))
    var holder: String?

    @Flag(name: .long, help: "Replace --out even when it is not a statistics bundle.")
    var force = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Threads for the statistics pass (default: all cores). The bundle does not depend on it.", valueName: "n"))
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let holder, holder.isEmpty || holder.count > 200 || holder.contains(where: { $0.isNewline }) {
            throw ValidationError("--holder: expected a name of 1 to 200 characters on one line")
        }
    }

    func run() throws {
        let spec = try options.resolve()
        let bundle = try HolderStatisticsRun.run(spec: spec, holder: holder, output: out,
                                                 threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, force: force)
        if !quiet {
            print("Holder '\(bundle.statistics.holder)': statistics of \(bundle.statistics.overall.count) rows, \(bundle.statistics.tables.count) tables, written to \(out) (confidential: exact counts; for vigie merge).")
        }
    }
}

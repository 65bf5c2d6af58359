import ArgumentParser
import AuditData
import AuditReport
import Foundation

/// `vigie`: fairness audits of public decision algorithms.
struct Vigie: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vigie",
        abstract: "Fairness audits of public decision algorithms: group metrics, disparities and reports.",
        discussion: """
        Vigie reads a CSV of decisions (who was allocated a flat, who was flagged), computes \
        for every protected group and intersection the selection and error rates and their \
        disparities against a reference group, and writes report.json, metrics.csv, report.md and report.html.

        Quick examples:
          vigie demo
          vigie init --data decisions.csv --out audit.yaml
          vigie audit --spec audit.yaml --fail-on-disparity
          vigie audit --data decisions.csv --protected sex \\
            --protected age:18,26,36,51,66 --label need_confirmed \\
            --decision allocated --reference sex=M

        Exit codes: 0 done; 1 a gate tripped (--fail-on-disparity: a group below the \
        impact-ratio threshold; --fail-on-verdict: a finding with the verdict \
        'disparity'; vigie diff --fail-on-new-disparity: a new or grown disparity) or \
        `vigie verify` found a difference; 2 bad usage or bad input.
        """,
        version: "vigie \(VigieVersion.string)",
        subcommands: [
            AuditCommand.self, DemoCommand.self, CompareCommand.self, InitCommand.self, GenerateCommand.self,
            AmendCommand.self,  // the smallest lawful amendment of a grid (docs/amend.md)
            ScanCommand.self,  // groups no one declared where the decision treats people worse (docs/scan.md)
            StatsCommand.self, MergeCommand.self,  // several data holders, only aggregates travel (docs/holders.md)
            VerifyCommand.self, DiffCommand.self,  // provenance (docs/provenance.md)
            ExplainCommand.self,  // CRPA R311-3-1-2 explanation to one applicant (docs/explain.md)
            RegisterCommand.self,  // public algorithm registers: Etalab, ATRS, Algoritmeregister (docs/register.md)
        ]
    )
}

enum VigieVersion {
    static let string = "0.1.0"
}

/// Exit code 1: a gate tripped (`--fail-on-disparity`, `--fail-on-verdict`,
/// `--fail-on-new-disparity`) or `vigie verify` found a difference. The reason has been
/// printed already.
struct ExitCodeOne: Error {}

@main
enum Main {
    static func main() {
        MemoryReturn.configure()
        do {
            var command = try Vigie.parseAsRoot()
            try command.run()
        } catch is ExitCodeOne {
            exit(1)
        } catch {
            if Vigie.exitCode(for: error) == .success { Vigie.exit(withError: error) }
            // In the language asked for (--lang): the input errors' frame and typed reasons.
            let language = CommandLanguage.of(CommandLine.arguments)
            var message = InputErrorText.message(error, language: language) ?? Vigie.fullMessage(for: error)
            if language != .en, message.hasPrefix("Error: ") { message = String(message.dropFirst("Error: ".count)) }
            // Any other error (a command's validate(), a manifest, a database, a register, holders'
            // statistics, the report writer, ArgumentParser's own messages) in the language.
            if language != .en, !(error is SpecError), !(error is CSVError) {
                message = CommandLineText.message(message, brief: Vigie.message(for: error),
                                                  problem: (error as? any InputProblemError)?.problem, language: language)
            }
            if !message.lowercased().hasPrefix("error") && !message.hasPrefix("Usage") {
                // The frame typeset, the message as InputErrorText set it (English is left as written).
                let frame = ReportText(language)(.cliError, ["message": "\u{1}"]).split(separator: "\u{1}", omittingEmptySubsequences: false)
                message = frame.map { Typography.set(String($0), language: language) }.joined(separator: message)
            }
            // Messages quote labels and names from the data: no bidirectional control reaches the terminal.
            FileHandle.standardError.write(Data((BidiControl.visible(message) + "\n").utf8))
            exit(2)
        }
    }
}

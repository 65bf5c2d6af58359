import AuditApplication
import ArgumentParser
import AuditData
import AuditReport
import Foundation

/// `vigie verify DIR`: re-runs an audit (or a `vigie scan`) from its manifest and checks the
/// outputs byte for byte.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-run an audit or an amendment from its manifest.json and check that every report is byte-identical.",
        discussion: """
        Reads DIR/manifest.json and checks the SHA-256 of every input (data, spec, grid, \
        tariff and drought models). An input is looked for in the file given for it \
        (--data, --spec, --model, --tariff, --drought), else under its recorded name in \
        --inputs DIR, else at its recorded path (relative to the audit folder), beside the \
        manifest, then in the current folder: the first file of the recorded size and \
        SHA-256 is used. Then the audit is re-run with the recorded spec in a new private \
        temporary folder, removed afterwards, and each report is compared with the one in \
        DIR. Nothing is written anywhere else: a manifest whose names are not plain file \
        names, or that records no input, is refused. See docs/provenance.md. A folder \
        written by vigie scan is checked the same way: its inputs (data, grid), then the scan \
        re-run with the recorded arguments (docs/scan.md).

        A folder written by vigie amend is re-run the same way, with the settings its \
        manifest records (targets, floors, limits, step, candidates, seed, proposals, \
        reference, thresholds, language) on the recorded grid, data and holdout files \
        (docs/amend.md, "Verify").

        Examples:
          vigie verify vigie-report
          vigie verify audit-2024 --inputs ~/copies/2024
          vigie verify audit-2024 --data ~/copies/demandes-2024.csv

        Exit codes: 0 every input and output checks out; 1 an input is missing or changed, or \
        a report differs (each is listed); 2 bad usage, or no readable manifest.
        """
    )

    @Argument(help: ArgumentHelp("The audit folder (with manifest.json).", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("Your copy of the data file; it must hash as recorded.", valueName: "file"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Your copy of the spec file; it must hash as recorded.", valueName: "file"))
    var spec: String?

    @Option(name: .long, help: ArgumentHelp("A folder holding your copies of the inputs under their recorded names; inputs are then looked for there only.", valueName: "dir"))
    var inputs: String?

    @Option(name: .long, help: ArgumentHelp("Your copy of the points grid; it must hash as recorded.", valueName: "file"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp("Your copy of the tariff model; it must hash as recorded.", valueName: "file"))
    var tariff: String?

    @Option(name: .long, help: ArgumentHelp("Your copy of the drought rule; it must hash as recorded.", valueName: "file"))
    var drought: String?

    @Option(name: .long, help: ArgumentHelp("Threads for the re-run (default: all cores). Results do not depend on it.", valueName: "n"))
    var threads: Int?

    @Option(name: .long, help: ArgumentHelp("Language of the command's messages: `en` (default) or `fr`.", valueName: "lang"))
    var lang: ReportLanguage = .en

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(folder)' is not a folder")
        }
        if let inputs {
            guard FileManager.default.fileExists(atPath: inputs, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--inputs: '\(inputs)' is not a folder")
            }
        }
    }

    func run() throws {
        var overrides: [String: String] = [:]
        overrides["data"] = data
        overrides["spec"] = spec
        overrides["tariff"] = tariff
        overrides["drought"] = drought
        overrides["model"] = model
        let report: ManifestVerification.Report
        if ManifestVerification.writtenBy(folder: folder) == "scan" {
            // A vigie scan folder: re-run the scan with the recorded arguments, mapped by ScanCommand.
            report = try ManifestVerification.verifyScan(folder: folder, overrides: overrides, inputsFolder: inputs) { data, model, command, out in
                let arguments = ["--data", data] + (model.map { ["--model", $0] } ?? []) + command + ["--out", out]
                let scan: ScanCommand
                do { scan = try ScanCommand.parse(arguments) } catch { throw ManifestError(message: ScanCommand.message(for: error)) }
                _ = try scan.scanRun().write(to: out, force: false, command: scan.recordedCommand)
            }
        } else {
            report = try ManifestVerification.verify(
                folder: folder, overrides: overrides, inputsFolder: inputs, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount
            )
        }
        // Messages in --lang, from the catalogues, typeset like the reports.
        let text = ReportText(lang)
        let t = { (key: MessageKey, args: [String: String]) in Typography.set(text(key, args), language: lang) }
        let plural = text.s
        for note in report.notes { FileHandle.standardError.write(Data(BidiControl.visible(t(.cliNote, ["message": note.text(lang)]) + "\n").utf8)) }
        if report.passed {
            print(t(.cliVerified, ["folder": folder, "inputs": String(report.inputsChecked), "s_inputs": plural(report.inputsChecked),
                                   "outputs": String(report.outputsChecked), "s_outputs": plural(report.outputsChecked)]))
            return
        }
        if !report.inputProblems.isEmpty {
            print(t(.cliVerifyInputs, [:]))
            for p in report.inputProblems { print("  " + BidiControl.visible(Typography.set(p.text(lang), language: lang))) }
        }
        if !report.outputProblems.isEmpty {
            print(t(.cliVerifyOutputs, [:]))
            for p in report.outputProblems { print("  " + BidiControl.visible(Typography.set(p.text(lang), language: lang))) }
        }
        let count = report.inputProblems.count + report.outputProblems.count
        FileHandle.standardError.write(Data((t(.cliVerifyFailed, ["folder": folder, "count": String(count), "s": plural(count)]) + "\n").utf8))
        throw ExitCodeOne()  // exit code 1
    }
}

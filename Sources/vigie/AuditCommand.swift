import AuditApplication
import AuditAssessment
import ArgumentParser
import AuditData
import AuditMetrics
import AuditReport
import Foundation
import PostgresSource

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit decisions for group disparities; write report.json, metrics.csv, report.md and report.html.",
        discussion: """
        For every protected attribute and every intersection up to --intersections, Vigie \
        computes per group: count, share, base_rate, selection_rate, ppr, tpr, tnr, fpr, fnr, \
        ppv, npv, fdr, for, accuracy and the confusion counts; each rate's difference and \
        ratio against the reference group; the impact ratio (four-fifths rule); and \
        Fairlearn's and AIF360's aggregates. A rate whose denominator is zero is reported \
        as undefined, with the reason. Rows with a missing protected value form an explicit \
        `unknown` group.

        Examples:
          # ProPublica's COMPAS analysis: 'Medium or High' risk
          vigie audit --data compas-scores-two-years.csv \\
            --protected race --protected sex \\
            --label two_year_recid \\
            --decision decile_score --decision-threshold 5 \\
            --decision-is unfavourable \\
            --reference race=Caucasian --out compas-report

          # A French export (';', decimal commas), age in bands,
          # as a CI gate (exit 1 below the four-fifths threshold)
          vigie audit --data demandes.csv --decimal-comma \\
            --protected age:18,26,36,51,66 --protected sexe \\
            --decision decision --positive-decision Accordé \\
            --fail-on-disparity

          # In a pipeline: test results and a summary for the merge request
          vigie audit --spec audit.yaml --fail-on-verdict \\
            --junit audit-junit.xml --summary-md audit-summary.md

        Nothing is written unless the whole audit succeeds; then the output folder is \
        replaced whole, all at once (see --out).
        """
    )

    @OptionGroup var options: SpecOptions

    @Option(name: .long, help: OutputFolderHelp.out("the reports and manifest.json"))
    var out = "vigie-report"

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    @Flag(name: .long, help: "Exit with code 1 if a group of at least the minimum size, other than `unknown`, is below the impact-ratio threshold (four-fifths rule, point estimate).")
    var failOnDisparity = false

    @Flag(name: .long, help: "Exit with code 1 if any finding's verdict is `disparity` (interval outside the tolerance and significant after adjustment).")
    var failOnVerdict = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Threads for the statistics pass and the bootstraps (default: all cores); 1 also hashes the data file after reading it rather than alongside. Results do not depend on it.", valueName: "n"))
    var threads: Int?

    @OptionGroup(title: "For CI pipelines") var pipeline: PipelineOutputs

    @OptionGroup(title: "In a PostgreSQL database (--data postgresql://user@host:port/database)") var database: DatabaseOptions

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        try pipeline.validate(out: out)
        try database.validate(data: options.data)
    }

    func run() throws {
        let spec = try options.resolve()
        let location = try database.location(data: spec.data.path)
        if database.showSQL {
            guard let location else { throw ValidationError("--show-sql: give --data postgresql://… with --table or --query") }
            print(PushDown.query(data: spec.data, intersections: spec.analysis.intersections).sql(relation: location.sqlRelation))
            return
        }
        try AuditRunner.run(spec: spec, specFile: options.spec, out: out, force: force, threads: threads, quiet: quiet, failOnDisparity: failOnDisparity, failOnVerdict: failOnVerdict,
                            pipeline: pipeline, database: location)
    }
}

/// The steps shared by `audit` and `demo`.
enum AuditRunner {
    static func run(spec: AuditSpec, specFile: String?, out: String, force: Bool, threads: Int?, quiet: Bool, failOnDisparity: Bool, failOnVerdict: Bool = false,
                    pipeline: PipelineOutputs? = nil, database: PostgresLocation? = nil) throws {
        try ReportWriter.checkTarget(out, force: force)  // before any work
        let progress = Progress(quiet: quiet, language: spec.report.language)
        let gatesFor = { (result: AuditResult) in AuditGates(result, enforcesImpactRatio: failOnDisparity, enforcesVerdicts: failOnVerdict) }
        let result = try database.map { location in
            try DatabaseAuditRun.run(spec: spec, location: location, outputDirectory: out, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, force: force,
                                     alongside: { result in pipeline?.files(result, report: spec.report, gates: gatesFor(result), out: out) ?? [] })
        } ?? AuditPipeline.run(
            spec: spec,
            outputDirectory: out,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
            progress: { progress.update($0) },
            specFile: specFile,
            commandLine: SpecOptions.commandLine(for:),
            force: force,
            alongside: { result in
                pipeline?.files(result, report: spec.report, gates: AuditGates(result, enforcesImpactRatio: failOnDisparity, enforcesVerdicts: failOnVerdict), out: out) ?? []
            }
        )
        progress.finish()
        let gates = AuditGates(result, enforcesImpactRatio: failOnDisparity, enforcesVerdicts: failOnVerdict)
        let gating = gates.belowThreshold
        // Messages in the report's language (--lang, the spec's lang:), from the catalogues.
        let text = ReportText(spec.report.language)
        let t = { (key: MessageKey, args: [String: String]) in Typography.set(text(key, args), language: text.language) }
        let plural = text.s
        let threshold = text.numbers.shortest(result.analysis.impactRatioThreshold)
        if !quiet {
            let attributes = result.attributes.filter { !$0.isIntersection }.count
            let intersections = result.attributes.count - attributes
            var line = t(.cliAudited, ["rows": String(result.rowCount), "attributes": String(attributes), "s_attributes": plural(attributes),
                                       "intersections": String(intersections), "s_intersections": plural(intersections)])
            if result.hasDecision {
                line += t(.cliBelow, ["count": String(gating.count), "s": plural(gating.count), "threshold": threshold])
                let small = gates.belowThresholdNotGated.count
                line += small > 0 ? t(.cliBelowSmall, ["count": String(small), "s": plural(small)]) : "."
            }
            print(line)
            let count = { (v: Verdict) in String(result.findings.filter { $0.verdict == v }.count) }
            if !result.findings.isEmpty {
                print(t(.cliVerdicts, ["disparity": count(.disparity), "no_disparity": count(.noDisparity), "insufficient": count(.insufficientEvidence)]))
            }
            for w in result.warnings { FileHandle.standardError.write(Data(BidiControl.visible(t(.cliWarning, ["message": text.warning(w)]) + "\n").utf8)) }
            let files = ["report.html", "report.md", "report.json", "metrics.csv", "findings.csv"].map { "\(out)/\($0)" }.joined(separator: ", ")
            print(t(.cliReport, ["files": files, "manifest": "\(out)/manifest.json", "out": out]))
        }
        // Gates are judged on the true values: withheld failures count, named without figures.
        let disparities = gates.disparities.map { "\($0.attribute)=\($0.group) (\($0.metric))" }
            + gates.withheldDisparities.map { "\($0.attribute)=\($0.group) (\($0.metric.name), \(t(.cliWithheld, [:])))" }
        if failOnVerdict && gates.verdictsFail {
            let names = Array(Set(disparities)).sorted().prefix(5).joined(separator: ", ") + (disparities.count > 5 ? ", …" : "")
            FileHandle.standardError.write(Data(BidiControl.visible(t(.cliFailVerdict, ["count": String(disparities.count), "s": plural(disparities.count), "names": names]) + "\n").utf8))
            throw ExitCodeOne()
        }
        if failOnDisparity && !gating.isEmpty {
            let names = gating.prefix(5).map { "\($0.attribute)=\($0.group.label)\($0.withheld ? " (\(t(.cliWithheld, [:])))" : "")" }.joined(separator: ", ") + (gating.count > 5 ? ", …" : "")
            FileHandle.standardError.write(Data(BidiControl.visible(t(.cliFailDisparity, ["count": String(gating.count), "s": plural(gating.count), "threshold": threshold, "names": names]) + "\n").utf8))
            throw ExitCodeOne()
        }
    }
}

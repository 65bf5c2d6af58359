import ArgumentParser
import AuditApplication
import AuditAssessment
import AuditMetrics
import AuditReport
import Foundation

/// What `vigie audit` writes for a CI pipeline besides the reports: a JUnit XML report
/// (`--junit`) and a Markdown summary (`--summary-md`), written with the reports in one
/// all-or-nothing step (`ReportWriter`), outside the output folder and the manifest.
struct PipelineOutputs: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Also write the audit as a JUnit XML test report, for the test reporters of GitLab, Jenkins and GitHub: one test case per finding (failure: disparity; skipped: insufficient evidence) and per gate.", valueName: "file"))
    var junit: String?

    @Option(name: .customLong("summary-md"), help: ArgumentHelp("Also write a short Markdown summary for a pull-request comment or a CI job summary: the gates' outcome, the findings that matter most with their intervals, a link to the full report.", valueName: "file"))
    var summaryMarkdown: String?

    @Option(name: .customLong("report-url"), help: ArgumentHelp("With --summary-md: the link to the full report (e.g. the CI artefact's URL; default: report.html's path relative to the summary).", valueName: "url"))
    var reportURL: String?

    /// Checks the paths before any work: the folders exist, the files are distinct and none
    /// is inside `out` (replaced whole by the audit).
    func validate(out: String) throws {
        if reportURL != nil && summaryMarkdown == nil { throw ValidationError("--report-url needs --summary-md") }
        let paths = [("--junit", junit), ("--summary-md", summaryMarkdown)].compactMap { flag, path in path.map { (flag, $0) } }
        for (flag, path) in paths {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("\(flag) \(path): the folder \(url.deletingLastPathComponent().path) does not exist")
            }
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError("\(flag) \(path) is a folder; give a file name")
            }
            if Self.absolute(path).hasPrefix(Self.absolute(out) + "/") {
                throw ValidationError("\(flag) \(path) is inside the output folder \(out), which is replaced whole: write it beside the folder")
            }
        }
        if paths.count == 2, Self.absolute(paths[0].1) == Self.absolute(paths[1].1) {
            throw ValidationError("--junit and --summary-md name the same file")
        }
    }

    /// The files to write with an audit's reports.
    func files(_ result: AuditResult, report: ReportSpec, gates: AuditGates, out: String) -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        if let junit { files.append((junit, Data(JUnitReport(result, gates: gates, language: report.language).render().utf8))) }
        if let summaryMarkdown {
            let link = reportURL ?? Self.relativePath(from: URL(fileURLWithPath: summaryMarkdown).deletingLastPathComponent().path, to: "\(out)/report.html")
            files.append((summaryMarkdown, Data(PipelineSummary(result, gates: gates, reportLink: link, report: report).render().utf8)))
        }
        return files
    }

    static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// `target` relative to the folder `base` (`../report/report.html`).
    static func relativePath(from base: String, to target: String) -> String {
        let from = URL(fileURLWithPath: absolute(base)).pathComponents, to = URL(fileURLWithPath: absolute(target)).pathComponents
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}

import AuditAssessment
import AuditData
import AuditReport
import DecisionModels
import Foundation

/// The files of an explanation, written all at once by ``ReportWriter`` (with a ``FolderManifest``).
public enum ExplanationFiles {
    /// Default output folder for applicant `id`: `vigie-explanation-<id>`, with
    /// any character other than letters, digits, `-`, `_` and `.` replaced by `_`
    /// (so a data id cannot name another path).
    public static func defaultFolder(id: String) -> String {
        let safe = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return "vigie-explanation-" + (safe.isEmpty ? "_" : safe)
    }

    /// Writes `explanation.md` and `explanation.json` into `folder`, all or nothing.
    public static func write(_ e: ApplicantExplanation, language: ReportLanguage, to folder: String, force: Bool = false) throws {
        let markdown = Data(ExplanationReport.markdown(e, language: language).utf8)
        let json = try ExplanationJSON.render(e, language: language)
        try ReportWriter.write([(name: "explanation.md", data: markdown), (name: "explanation.json", data: json)], to: folder, force: force, writtenBy: "explain")
    }
}

import Foundation

/// A small audit that runs in well under a second: 40 rows, a protected attribute `g`
/// (a, b) and a decision `d` (every third row selected).
enum TinyAudit {
    static let csv: String = {
        var text = "g,d\n"
        for i in 0..<40 { text += "\(i % 2 == 0 ? "a" : "b"),\(i % 3 == 0 ? 1 : 0)\n" }
        return text
    }()

    /// The files of an audit folder without a decision model.
    static let files = ["findings.csv", "manifest.json", "metrics.csv", "report.html", "report.json", "report.md"]

    /// Writes `tiny.csv` into `folder` and audits it into `out`.
    @discardableResult
    static func run(dataIn folder: URL, out: URL, _ extra: [String] = []) throws -> CLI.Output {
        let data = folder.appendingPathComponent("tiny.csv")
        if !FileManager.default.fileExists(atPath: data.path) { try Data(csv.utf8).write(to: data) }
        return try CLI.run(["audit", "--data", data.path, "--protected", "g", "--decision", "d", "--quiet", "--out", out.path] + extra)
    }
}

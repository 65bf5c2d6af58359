import AuditAssessment
import AuditData
import AuditReport
import Foundation

/// Reading audit folders for `vigie diff`, and writing `diff.md` and `diff.csv`.
extension AuditDiff {
    /// Reads an audit folder: `findings.csv` (required) and `report.json` (for the labels).
    public static func read(folder: String) throws -> Audit {
        let base = URL(fileURLWithPath: folder)
        guard let csv = FileManager.default.contents(atPath: base.appendingPathComponent("findings.csv").path) else {
            throw ManifestError(message: "no findings.csv in '\(folder)': give a folder written by vigie audit")
        }
        let table = parseCSV(String(decoding: csv, as: UTF8.self))
        guard let header = table.first else { throw ManifestError(message: "\(folder)/findings.csv is empty") }
        func column(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else { throw ManifestError(message: "\(folder)/findings.csv has no '\(name)' column") }
            return i
        }
        let c = try ["attribute", "group", "reference", "metric", "kind", "value", "verdict"].map(column)
        var findings: [Finding] = []
        for (n, fields) in table.dropFirst().enumerated() where !(fields.count == 1 && fields[0].isEmpty) {
            guard fields.count == header.count else {
                throw ManifestError(message: "\(folder)/findings.csv:\(n + 2): expected \(header.count) fields, found \(fields.count)")
            }
            let text = { (i: Int) in CSVText.unneutralised(fields[c[i]]) }  // the labels, without the formula guard
            findings.append(Finding(
                attribute: text(0), group: text(1), reference: text(2), metric: text(3), kind: text(4),
                value: Double(fields[c[5]]), verdict: text(6)
            ))
        }
        var audit = Audit(folder: folder, dataFile: "?", rows: nil, vigieVersion: "?", findings: findings)
        if let json = FileManager.default.contents(atPath: base.appendingPathComponent("report.json").path),
           let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] {
            if let input = object["input"] as? [String: Any] {
                audit.dataFile = input["data_file"] as? String ?? "?"
                audit.rows = (input["rows"] as? NSNumber)?.intValue
            }
            if let generator = object["generator"] as? [String: Any] { audit.vigieVersion = generator["version"] as? String ?? "?" }
        }
        return audit
    }

    /// Compares two folders and writes `diff.md` (in `language`) and `diff.csv` into `out`, atomically.
    @discardableResult
    public static func run(old: String, new: String, threshold: Double, out: String, language: ReportLanguage = .en, force: Bool = false) throws -> Result {
        let result = try compare(old: read(folder: old), new: read(folder: new), threshold: threshold)
        try ReportWriter.write(
            [("diff.md", Data(AuditDiffReport.markdown(result, language: language).utf8)), ("diff.csv", Data(AuditDiffReport.csv(result).utf8))],
            to: out, force: force, writtenBy: "diff"
        )
        return result
    }

    /// RFC 4180 records (quoted fields may hold commas, doubled quotes and newlines).
    package static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

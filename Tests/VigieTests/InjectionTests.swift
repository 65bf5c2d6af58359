import AuditApplication
import AuditAssessment
import AuditData
import AuditMetrics
import AuditReport
import Foundation
import Testing

/// Data that tries to run in a spreadsheet, to add keys to a drafted spec, or to reorder
/// what a reader sees: none of it gets through (the issue's "Injection").
@Suite final class InjectionTests {
    let scratch = Scratch()

    // MARK: CSV formulas

    @Test func textCellsAreNeutralisedNumbersAreNot() {
        #expect(CSVText.text("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVText.text("+1+2") == "'+1+2")
        #expect(CSVText.text("-2+3") == "'-2+3")
        #expect(CSVText.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.text("\tx") == "'\tx")
        #expect(CSVText.text("\rx") == "\"'\rx\"")
        #expect(CSVText.text("'=x") == "''=x")
        #expect(CSVText.text("'plain") == "''plain")
        #expect(CSVText.text("Caucasian") == "Caucasian")
        #expect(CSVText.text("a=b") == "a=b")
        #expect(CSVText.text("") == "")
        #expect(CSVText.number("-0.25") == "-0.25")
        for label in ["=1", "+", "-", "@", "'", "''", "'=", "x", "", "\t", "'a", "-5"] {
            #expect(CSVText.unneutralised(CSVText.neutralised(label)) == label, "\(label)")
        }
    }

    /// An audit whose group labels are formulas: every text cell of metrics.csv and
    /// findings.csv is neutralised, numbers stay plain, and `vigie diff` reads the labels back exactly.
    @Test func formulaLabelsInAnAudit() throws {
        let folder = scratch.folder()
        let labels = ["=HYPERLINK(\"http://evil\",\"click\")", "+cmd", "-2+3", "@SUM(1)", "plain"]
        var csv = "g,d\n"
        for (k, label) in labels.enumerated() {
            for i in 0..<30 { csv += "\"\(label.replacingOccurrences(of: "\"", with: "\"\""))\",\((i + k) % 3 == 0 ? 1 : 0)\n" }
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("d.csv"))
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", folder.appendingPathComponent("d.csv").path, "--protected", "g", "--decision", "d",
                               "--reference", "g=plain", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["metrics.csv", "findings.csv"] {
            let table = AuditDiff.parseCSV(try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8))
            let header = table[0]
            let group = try #require(header.firstIndex(of: "group"))
            for row in table.dropFirst() where row.count == header.count {
                for (i, cell) in row.enumerated() {
                    guard let first = cell.first, "=+-@\t\r".contains(first) else { continue }
                    // Only a number may start with '-' or '+'.
                    #expect(Double(cell) != nil, "\(file) column \(header[i]): formula cell \(cell)")
                }
                #expect(!row[group].hasPrefix("=") && !row[group].hasPrefix("+") && !row[group].hasPrefix("@"))
            }
            let groups = Set(table.dropFirst().filter { $0.count == header.count }.map { $0[group] })
            #expect(groups.contains("'=HYPERLINK(\"http://evil\",\"click\")"), "\(file): \(groups)")
            #expect(groups.contains("'-2+3"))
        }
        // Negative differences stay plain numbers.
        let findings = try String(contentsOf: out.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(findings.contains(",-0."), "a negative difference written as a number")
        let read = try AuditDiff.read(folder: out.path)
        #expect(Set(read.findings.map(\.group)) == Set(labels.filter { $0 != "plain" }))
    }

    // MARK: init

    /// A header whose names hold newlines, quotes and a comment sign cannot add a key to the
    /// spec `vigie init` drafts (the issue's crafted header setting `min_cell_size: 0`).
    @Test func initWritesNoKeyFromTheData() throws {
        let folder = scratch.folder()
        let hostile = ["sexe\nmin_cell_size: 0\nx", "decision\" # \nmin_group_size: 1", "\u{2028}min_cell_size: 1", "age\u{85}min_cell_size: 2", "a\u{202E}b"]
        var csv = hostile.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        for i in 0..<20 { csv += "\"F\nmin_cell_size: 0\",\(i % 2 == 0 ? "oui" : "non"),x,\(20 + i),\"v\u{202E}\"\n" }
        let data = folder.appendingPathComponent("d.csv")
        try Data(csv.utf8).write(to: data)
        let run = try CLI.run(["init", "--data", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        let yaml = run.stdout
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.hasPrefix("min_cell_size") && !line.hasPrefix("min_group_size: 1"), "\(line)")
        }
        #expect(!yaml.unicodeScalars.contains { BidiControl.isBidiControl($0) || $0.value == 0x2028 || $0.value == 0x85 })
        let spec = try AuditSpec(yaml: yaml)
        #expect(spec.analysis.minCellSize == AnalysisSpec().minCellSize)
        #expect(spec.analysis.minGroupSize == 30)
        // The names are read back exactly.
        let columns: [String?] = [spec.data.label?.column, spec.data.decision?.column]
        let named = Set(spec.data.protected.map(\.column) + columns.compactMap { $0 })
        #expect(named.isSubset(of: Set(hostile)), "\(named)")
        #expect(named.contains(hostile[0]) && named.contains(hostile[3]))

        let out = folder.appendingPathComponent("audit.yaml")
        #expect(try CLI.run(["init", "--data", data.path, "--out", out.path]).status == 0)
        #expect(try AuditSpec(contentsOfFile: out.path).analysis.minCellSize == AnalysisSpec().minCellSize)
    }

    @Test func yamlQuotingRoundTrips() throws {
        for text in ["plain", "a\"b\\c", "x\ny: 1", "\t\r\u{0}\u{7F}\u{85}\u{2028}\u{2029}\u{FEFF}", "\u{202E}\u{2066}", "é ü 中", "# not a comment", "- item", "{a: 1}", ""] {
            let yaml = "version: 1\ndata: x.csv\ndecision: d\nprotected:\n  - column: \(YAMLQuoted.scalar(text))\n"
            #expect(!YAMLQuoted.scalar(text).contains("\n"))
            #expect(try AuditSpec(yaml: yaml).data.protected.first?.column == text, "\(text.debugDescription)")
        }
    }

    // MARK: bidirectional controls

    /// U+202E in a label or a column name reaches no output raw: text files show
    /// `[U+202E]`, JSON escapes it (and reads back as the exact label).
    @Test func bidiControlsAreVisibleInEveryOutput() throws {
        let folder = scratch.folder()
        let label = "admin\u{202E}fdp.exe"
        let column = "gr\u{2067}oupe"
        var csv = "\"\(column)\",d\n"
        for i in 0..<40 { csv += "\(i % 2 == 0 ? label : "b"),\(i % 3 == 0 ? 1 : 0)\n" }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("d.csv"))
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", folder.appendingPathComponent("d.csv").path, "--protected", column, "--decision", "d", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.unicodeScalars.contains(where: BidiControl.isBidiControl), "\(name) holds a raw bidirectional control")
            if name.hasSuffix(".json") {
                if name == "report.json" { #expect(text.contains("\\u202e")) }
            } else if name != "manifest.json" {
                #expect(text.contains("admin[U+202E]fdp.exe"), "\(name)")
            }
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
        #expect(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self).contains(label), "the JSON reads back as the exact label")

        // A message naming the column shows it visibly too.
        let bad = try CLI.run(["audit", "--data", folder.appendingPathComponent("d.csv").path, "--protected", column + "x", "--decision", "d", "--quiet", "--out", folder.appendingPathComponent("o2").path])
        #expect(bad.status == 2)
        #expect(!bad.stderr.unicodeScalars.contains(where: BidiControl.isBidiControl), "\(bad.stderr)")
    }

    @Test func bidiEscapesByHand() {
        #expect(BidiControl.visible("a\u{202E}b\u{200F}c\u{61C}") == "a[U+202E]b[U+200F]c[U+061C]")
        #expect(BidiControl.visible(Data("a\u{202E}b\u{2069}".utf8)) == Data("a[U+202E]b[U+2069]".utf8))
        #expect(BidiControl.escapingInJSON(Data("\"a\u{202E}b\"".utf8)) == Data("\"a\\u202eb\"".utf8))
        #expect(BidiControl.visible(Data("é—€ \u{2014}\u{2026}".utf8)) == Data("é—€ \u{2014}\u{2026}".utf8), "other E2 sequences untouched")
    }
}

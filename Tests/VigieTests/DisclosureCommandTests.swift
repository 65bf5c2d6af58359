import Foundation
import Testing

/// Disclosure control end to end: a 7-person group shows its count and nothing else, in
/// every output; a complementary group hides with it so that subtraction from the totals
/// recovers neither.
@Suite(.serialized) final class DisclosureCommandTests {
    let scratch = Scratch()

    /// 60 rows in group `grand`, 25 in `moyen`, 7 in `petit`; decisions alternate by row.
    func data() throws -> URL {
        var csv = "id,groupe,decision,label\n"
        let groups = Array(repeating: "grand", count: 60) + Array(repeating: "moyen", count: 25) + Array(repeating: "petit", count: 7)
        for (i, g) in groups.enumerated() { csv += "\(i + 1),\(g),\(i % 3 == 0 ? 1 : 0),\(i % 2)\n" }
        let url = scratch.folder().appendingPathComponent("d.csv")
        try Data(csv.utf8).write(to: url)
        return url
    }

    @Test func sevenPersonGroupIsSuppressedEverywhere() throws {
        let out = scratch.folder()
        let run = try CLI.run(["audit", "--data", try data().path, "--protected", "groupe", "--decision", "decision", "--label", "label",
                               "--min-group-size", "5", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try CLI.metrics(out)
        #expect(m["groupe|petit|count"]!.value == 7)
        #expect(m["groupe|petit|count"]!.status == "ok")
        for metric in ["selection_rate", "tpr", "fpr", "accuracy", "tp", "impact_ratio", "selection_rate_difference"] {
            #expect(m["groupe|petit|\(metric)"]?.status == "suppressed", "petit \(metric)")
            #expect(m["groupe|petit|\(metric)"]?.value == nil)
        }
        // Complementary: `moyen` (25 rows), else petit = overall − grand − moyen.
        #expect(m["groupe|moyen|count"]!.value == 25)
        #expect(m["groupe|moyen|selection_rate"]!.status == "suppressed")
        #expect(m["groupe|grand|selection_rate"]!.status == "ok")
        // Aggregates compare the suppressed groups: withheld too.
        #expect(m["groupe|all|demographic_parity_difference"]?.status == "suppressed")
        let findings = try String(contentsOf: out.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(!findings.contains(",petit,") && !findings.contains(",moyen,"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        let disclosure = json["disclosure"] as! [String: Any]
        #expect(disclosure["min_cell_size"] as? Int == 10)
        let cells = (disclosure["suppressed_cells"] as! [[String: Any]]).map { "\($0["group"]!):\($0["kind"]!)" }
        #expect(cells == ["moyen:complementary", "petit:primary"])
        // The Markdown report prints no rate for them (the table cell says suppressed).
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let petitLines = md.split(separator: "\n").filter { $0.contains("petit") && $0.hasPrefix("|") }
        #expect(!petitLines.isEmpty)
        for line in petitLines {
            // Only the group's share of the sample (a count) may appear as a percentage.
            #expect(line.components(separatedBy: "%").count <= 2, "\(line)")
            #expect(line.contains("suppressed"), "\(line)")
        }
    }

    @Test func thresholdIsConfigurable() throws {
        let out = scratch.folder()
        let run = try CLI.run(["audit", "--data", try data().path, "--protected", "groupe", "--decision", "decision",
                               "--min-group-size", "5", "--min-cell-size", "5", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try CLI.metrics(out)
        #expect(m["groupe|petit|selection_rate"]!.status == "ok")
        #expect(abs(m["groupe|petit|selection_rate"]!.value! - 2.0 / 7) < 1e-12)   // rows 86, 89 of 86…92
        let bad = try CLI.run(["audit", "--data", try data().path, "--protected", "groupe", "--decision", "decision",
                               "--min-cell-size=-1", "--quiet", "--out", scratch.folder().path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("min_cell_size"), "\(bad.stderr)")
    }
}

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
        // (The legal checklist names petit, below the threshold, without figures.)
        let petitLines = md.split(separator: "\n").filter { $0.contains("petit") && $0.hasPrefix("|") && !$0.contains("figures withheld") }
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

    /// `metrics.csv` rows as (value, n, status), by `attribute|group|metric`.
    func metricsWithN(_ folder: URL) throws -> [String: (value: String, n: String, status: String)] {
        let text = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        var table: [String: (String, String, String)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            table["\(f[0])|\(f[1])|\(f[2])"] = (f[3], f[4], f[5])
        }
        return table
    }

    /// Issue 11, point 2: a suppressed rate's `n` is the group's size, never its denominator
    /// (`tpr`'s label positives, `ppv`'s selections, `fpr`'s negatives would give away the
    /// hidden sub-counts), in `metrics.csv` and `report.json`; and suppressed rates are not
    /// listed among the undefined values of `report.md`.
    @Test func suppressedRatesPublishNoSubCount() throws {
        let out = scratch.folder()
        let run = try CLI.run(["audit", "--data", try data().path, "--protected", "groupe", "--decision", "decision", "--label", "label",
                               "--min-group-size", "5", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try metricsWithN(out)
        // petit: 7 rows, rows 86…92: decisions (i % 3 == 0 for i = 85…91) 2, label positives 3 or 4.
        var suppressed = 0
        for (key, row) in m where key.hasPrefix("groupe|petit|") || key.hasPrefix("groupe|moyen|") {
            guard row.status == "suppressed" else { continue }
            suppressed += 1
            let size = key.hasPrefix("groupe|petit|") ? "7" : "25"
            #expect(row.n == size, "\(key): n = \(row.n)")
        }
        #expect(suppressed > 20)
        // Published groups keep the rate's own denominator.
        #expect(m["groupe|grand|tpr"]!.n == "30")
        // Aggregates withheld over the attribute publish the attribute's total.
        #expect(m["groupe|all|demographic_parity_difference"]!.n == "92")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        func values(_ x: Any, _ visit: ([String: Any]) -> Void) {
            if let d = x as? [String: Any] { visit(d); d.values.forEach { values($0, visit) } }
            if let a = x as? [Any] { a.forEach { values($0, visit) } }
        }
        var checked = 0
        values(json) { d in
            guard d["status"] as? String == "suppressed", let n = d["n"] as? Int else { return }
            // A group's size (petit 7, moyen 25, grand 60 whose impact ratio is withheld) or the
            // attribute's total: never a sub-count.
            #expect([7, 25, 60, 92].contains(n), "suppressed value with n = \(n)")
            checked += 1
        }
        #expect(checked > 20)
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let undefinedLines = md.split(separator: "\n").filter { $0.contains("petit") && !$0.hasPrefix("|") }
        for line in undefinedLines { #expect(!line.contains("tpr") && !line.contains("selection_rate"), "listed as undefined: \(line)") }
    }

    /// Classes A (150 rows, 81 % selected), B (66, 40 %), C (69, 2 of them women), D, E; sex F/M.
    /// The class B's failure is visible in published rates (0.40 against 0.81).
    func tinyCellData() throws -> URL {
        let classes: [(String, Int, Int, Int)] = [("A", 150, 70, 122), ("B", 66, 30, 26), ("C", 69, 2, 52), ("D", 90, 40, 70), ("E", 80, 35, 64)]
        var csv = "classe,sexe,decision\n"
        for (name, size, women, selected) in classes {
            for i in 0..<size { csv += "\(name),\(i < women ? "F" : "M"),\(i < selected ? 1 : 0)\n" }
        }
        let url = scratch.folder().appendingPathComponent("tiny-cell.csv")
        try Data(csv.utf8).write(to: url)
        return url
    }

    /// Issue 11, point 3: one 2-person intersection cell never turns a visible four-fifths
    /// failure into a pass. The gate and the checklist read the true values: the same audit
    /// exits 1 with and without disclosure control, and the checklist says "not met".
    @Test func suppressionNeverTurnsAFailureIntoAPass() throws {
        let data = try tinyCellData()
        var outcomes: [Int32] = []
        for k in ["10", "0"] {
            let out = scratch.folder()
            let run = try CLI.run(["audit", "--data", data.path, "--protected", "classe", "--protected", "sexe", "--decision", "decision",
                                   "--min-cell-size", k, "--fail-on-disparity", "--quiet", "--out", out.path])
            outcomes.append(run.status)
            #expect(run.stderr.contains("classe=B"), "\(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
            let legal = ((json["assessment"] as? [String: Any])?["legal"] as? [[String: Any]]) ?? []
            let fourFifths = legal.first { $0["id"] as? String == "four_fifths" }
            #expect(fourFifths?["status"] as? String == "not_met", "k = \(k): \(String(describing: fourFifths))")
        }
        #expect(outcomes == [1, 1])
    }

    /// Point 3, the other way: when the failing group is itself hidden, the gate still fails
    /// and the checklist names the group without its figures.
    @Test func hiddenFailingGroupFailsWithoutFigures() throws {
        // grand 60 (40 selected), moyen 25 (17 selected), petit 7 (0 selected): petit fails
        // four-fifths, and is hidden (fewer than 10 rows); --min-group-size 5 makes it gated.
        var csv = "groupe,decision\n"
        for (g, size, selected) in [("grand", 60, 40), ("moyen", 25, 17), ("petit", 7, 0)] {
            for i in 0..<size { csv += "\(g),\(i < selected ? 1 : 0)\n" }
        }
        let url = scratch.folder().appendingPathComponent("hidden-fail.csv")
        try Data(csv.utf8).write(to: url)
        let out = scratch.folder()
        let run = try CLI.run(["audit", "--data", url.path, "--protected", "groupe", "--decision", "decision", "--min-group-size", "5",
                               "--fail-on-disparity", "--quiet", "--out", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("groupe=petit (withheld)"), "\(run.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let line = md.split(separator: "\n").first { $0.contains("petit") && $0.contains("withheld") }
        #expect(line != nil)
        if let line { #expect(!line.contains("0.00") && !line.contains("0 %"), "\(line)") }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        let legal = ((json["assessment"] as? [String: Any])?["legal"] as? [[String: Any]]) ?? []
        #expect(legal.first { $0["id"] as? String == "four_fifths" }?["status"] as? String == "not_met")
    }
}

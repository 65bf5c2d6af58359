import TestSupport
import Foundation
import Testing

/// `vigie compare --model A --model B`, run as a user would, against a hand-made case and
/// against pandas on the committed grids (`Fixtures/reference/sensitivity/make_compare_reference.py`).
@Suite("CompareModel")
struct CompareModelTests {
    let scratch = Scratch()

    static func table(_ path: URL) throws -> (header: [String], rows: [String: [String]]) {
        let lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var rows: [String: [String]] = [:]
        for line in lines.dropFirst() { rows["\(line[0])|\(line[1])"] = line }
        return (lines[0], rows)
    }

    /// A grid gives 10 points for f, B 10 points for g; 2 places, ties by id. By hand:
    /// A selects a01, a02 (group X), B selects a03, a04 (group Y, 2 rows: counts only).
    /// Ranks under A: a01…a12 = 1…12; under B: a03 1, a04 2, a01 3, a02 4, then 5…12.
    /// X (10 rows): rate 20 % → 0 %, 0 gain, 2 lose, mean score 2 → 0, rank change (2 + 2) / 10.
    @Test func handMadeCase() throws {
        let folder = scratch.folder()
        var lines = ["id,f,g,grp", "a01,oui,non,X", "a02,oui,non,X", "a03,non,oui,Y", "a04,non,oui,Y"]
        for i in 5...12 { lines.append(String(format: "a%02d,non,non,X", i)) }
        let data = folder.appendingPathComponent("d.csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: data)
        func grid(_ column: String) -> String {
            """
            name: grid \(column)
            id: id
            criteria:
              - {name: \(column), column: \(column), flag: 10}
            allocation:
              rule: capacity
              capacity: {default: 2}

            """
        }
        let a = folder.appendingPathComponent("a.yaml"), b = folder.appendingPathComponent("b.yaml")
        try Data(grid("f").utf8).write(to: a)
        try Data(grid("g").utf8).write(to: b)
        // Without disclosure control (--min-cell-size 2: no group is under it), every value by hand;
        // Y: 0 → 2 selected, ranks 3, 4 → 1, 2.
        let open = folder.appendingPathComponent("open")
        let all = try CLI.run(["compare", "--model", a.path, "--model", b.path, "--data", data.path, "--protected", "grp", "--min-cell-size", "2", "--out", open.path])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(try String(contentsOf: open.appendingPathComponent("compare.csv"), encoding: .utf8) == """
        attribute,group,n,selected_a,selected_b,rate_a,rate_b,rate_change,gainers,losers,mean_score_a,mean_score_b,mean_score_change,mean_rank_change,suppressed
        overall,all,12,2,2,\(2.0 / 12),\(2.0 / 12),0,2,2,\(20.0 / 12),\(20.0 / 12),0,0,false
        grp,X,10,2,0,0.2,0,-0.2,0,2,2,0,-2,0.4,false
        grp,Y,2,0,2,0,1,1,2,0,0,10,10,-2,false

        """)
        // With the default (10): Y (2 rows) is hidden, and X with it — else Y = overall − X —
        // both without any sub-count (selected, gainers, losers), as the audit does.
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["compare", "--model", a.path, "--model", b.path, "--data", data.path, "--protected", "grp", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8)
        #expect(csv == """
        attribute,group,n,selected_a,selected_b,rate_a,rate_b,rate_change,gainers,losers,mean_score_a,mean_score_b,mean_score_change,mean_rank_change,suppressed
        overall,all,12,2,2,\(2.0 / 12),\(2.0 / 12),0,2,2,\(20.0 / 12),\(20.0 / 12),0,0,false
        grp,X,10,,,,,,,,,,,,true
        grp,Y,2,,,,,,,,,,,,true

        """)
        let md = try String(contentsOf: out.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(md.contains("4 of 12 applicants switch: 2 selected under B and not A, 2 selected under A and not B."))
        #expect(md.contains("| `grp` | `Y` | 2 | — | — | — | — | — | — | — | — | — |"))
        #expect(md.contains("1 groups of fewer than 10 applicants, and 1 more"), "\(md)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("compare.json"))) as? [String: Any]
        let rows = json?["rows"] as? [[String: Any]]
        #expect(rows?.count == 3)
        #expect(rows?[2]["rate_a"] == nil && rows?[2]["selected_a"] == nil && rows?[2]["gainers"] == nil)
        #expect(rows?[1]["mean_rank_change"] == nil)
        #expect(json?["shared_design"] as? Bool == false)
    }

    @Test func committedGridsMatchPandas() throws {
        let out = scratch.folder()
        let housing = CLI.root.appendingPathComponent("Fixtures/housing")
        let run = try CLI.run(["compare", "--model", housing.appendingPathComponent("cotation-grid.yaml").path,
                               "--model", housing.appendingPathComponent("cotation-grid-alternative.yaml").path,
                               "--data", housing.appendingPathComponent("applicants-sample.csv").path,
                               "--protected", "nationalite", "--protected", "sexe", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("120 switch"))
        let actual = try Self.table(out.appendingPathComponent("compare.csv"))
        let expected = try Self.table(CLI.root.appendingPathComponent("Fixtures/reference/sensitivity/compare_reference.csv"))
        #expect(actual.rows.count == expected.rows.count)
        var maxError = 0.0
        for (key, e) in expected.rows {
            let a = try #require(actual.rows[key], "\(key)")
            func value(_ row: [String], _ header: [String], _ name: String) -> Double? { Double(row[header.firstIndex(of: name)!]) }
            for name in ["n", "selected_a", "selected_b", "gainers", "losers"] {
                #expect(value(a, actual.header, name) == value(e, expected.header, name), "\(key) \(name)")
            }
            for name in ["mean_score_a", "mean_score_b", "mean_rank_change"] {
                let x = try #require(value(a, actual.header, name)), y = try #require(value(e, expected.header, name))
                maxError = max(maxError, abs(x - y))
            }
        }
        print("CompareModel: max |mean − pandas| = \(maxError)")
        #expect(maxError <= 1e-9)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("compare.json"))) as? [String: Any]
        #expect(json?["shared_design"] as? Bool == true)
    }

    @Test func exactlyOneKindOfModelIsRequired() throws {
        let housing = CLI.root.appendingPathComponent("Fixtures/housing")
        let grid = housing.appendingPathComponent("cotation-grid.yaml").path
        let one = try CLI.run(["compare", "--model", grid, "--data", housing.appendingPathComponent("applicants-sample.csv").path, "--protected", "sexe"])
        #expect(one.status != 0)
        #expect(one.stderr.contains("exactly two grids"))
        let both = try CLI.run(["compare", "--model", grid, "--model", grid, "--tariff", "a.yaml", "--tariff", "b.yaml"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("not both"))
    }

    /// Bands on the command line need no decision column: the groups are built as in an audit,
    /// from the same single read as the grids.
    @Test func bandedAttributeOnTheCommandLine() throws {
        let housing = CLI.root.appendingPathComponent("Fixtures/housing")
        let grid = housing.appendingPathComponent("cotation-grid.yaml").path
        let out = scratch.folder()
        let banded = try CLI.run(["compare", "--model", grid, "--model", grid, "--data", housing.appendingPathComponent("applicants-sample.csv").path,
                                  "--protected", "age:18,26,36", "--out", out.path])
        #expect(banded.status == 0, "\(banded.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("compare.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").filter { $0.hasPrefix("age,") }.count == 4, "\(csv)")
        for band in ["age,<18,", "age,\"[18,26)\",", "age,\"[26,36)\",", "age,>=36,"] { #expect(csv.contains(band), "\(band)") }
    }

    /// Protected attributes from the housing audit spec, age banded by `DataLoader`.
    @Test func protectedAttributesFromAnAuditSpec() throws {
        let out = scratch.folder()
        let housing = CLI.root.appendingPathComponent("Fixtures/housing")
        let run = try CLI.run(["compare", "--model", housing.appendingPathComponent("cotation-grid.yaml").path,
                               "--model", housing.appendingPathComponent("cotation-grid-alternative.yaml").path,
                               "--spec", housing.appendingPathComponent("audit.yaml").path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("compare.json"))) as? [String: Any]
        let rows = try #require(json?["rows"] as? [[String: Any]])
        let ages = rows.filter { $0["attribute"] as? String == "age" }
        #expect(ages.compactMap { $0["group"] as? String } == ["<18", "[18,26)", "[26,36)", "[36,51)", "[51,66)", ">=66"])
        #expect(ages.compactMap { $0["n"] as? Int }.reduce(0, +) == 5_000)
        // An empty band: no value (nothing to hide).
        #expect(ages[0]["n"] as? Int == 0 && ages[0]["rate_a"] == nil)
        // Hidden groups: none alone in its attribute (else it would be the overall minus the rest).
        for attribute in Set(rows.compactMap { $0["attribute"] as? String }) where attribute != "overall" {
            let hidden = rows.filter { $0["attribute"] as? String == attribute && $0["suppressed"] as? Bool == true }
            #expect(hidden.count != 1, "\(attribute)")
            #expect(hidden.allSatisfy { $0["selected_a"] == nil && $0["gainers"] == nil })
        }
        // The same gainers as with --protected nationalite (pandas: 25).
        let hors = rows.first { $0["attribute"] as? String == "nationalite" && $0["group"] as? String == "hors_UE" }
        #expect(hors?["gainers"] as? Int == 25)
    }
}

import TestSupport
import DecisionModels
import Foundation
import Testing

/// `vigie amend`, run as a user would (`docs/amend.md`): on generated applicants whose only
/// nationality gap is `lien_commune`, the first proposal meets the target when re-run through
/// `vigie audit --model proposal-1.yaml` (the model audit's `grid_impact_ratio`), keeps the
/// floor and lowers `lien_commune`; outputs are byte-identical across runs; bad input is refused
/// naming the option, with exit 2 and no output.
@Suite("AmendCommand")
struct AmendCommandTests {
    let scratch = Scratch()

    static let grid = """
    name: planted
    id: demande_id
    minimum_score: 0
    criteria:
      - {name: anciennete, column: anciennete_mois, per_unit: 1, cap: 60}
      - {name: dalo, column: dalo, flag: 50, true_values: [oui]}
      - {name: handicap, column: handicap, flag: 20, true_values: [oui]}
      - {name: lien_commune, column: lien_commune, flag: 40, true_values: [oui]}
    allocation:
      rule: capacity
      segment_by: [typologie]
      capacity: {default: 100}
    tie_break: [anciennete_mois desc, demande_id asc]

    """

    func inputs() throws -> (data: URL, grid: URL) {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        try Data(PlantedApplicants.csv(rows: 3_000, seed: 20_261_203).utf8).write(to: data)
        try Data(Self.grid.utf8).write(to: grid)
        return (data, grid)
    }

    @Test func firstProposalMeetsTheTargetInTheModelAudit() throws {
        let (data, grid) = try inputs()
        // Next year's applicants: the same law, another draw.
        let holdout = scratch.folder().appendingPathComponent("next-year.csv")
        try Data(PlantedApplicants.csv(rows: 2_500, seed: 99).utf8).write(to: holdout)
        let out = scratch.folder().appendingPathComponent("amend")
        let arguments = ["amend", "--model", grid.path, "--data", data.path, "--protected", "nationalite",
                         "--target", "impact_ratio>=0.8", "--keep", "dalo>=50", "--max-change", "anciennete=±0",
                         "--candidates", "600", "--proposals", "3", "--holdout", holdout.path, "--out", out.path]
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["amend.html", "amend.md", "manifest.json", "proposal-1.yaml", "proposal-2.yaml", "proposal-3.yaml", "proposals.csv"])
        let page = try String(contentsOf: out.appendingPathComponent("amend.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("lien_commune") && !page.contains("<script"))
        let csv = try String(contentsOf: out.appendingPathComponent("proposals.csv"), encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init)
        let first = csv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) -> String { first[header.firstIndex(of: name)!] }
        #expect(column("meets_all_targets") == "true")
        #expect(Double(column("dalo"))! >= 50)
        #expect(Double(column("lien_commune"))! < 40)
        #expect(Double(column("changed_share"))! < 0.1)
        let ratio = Double(column("min_impact_ratio"))!
        #expect(ratio >= 0.8)
        let md = try String(contentsOf: out.appendingPathComponent("amend.md"), encoding: .utf8)
        #expect(md.contains("Lower lien\\_commune from 40 to"))
        #expect(md.contains("Linear programme (GLPK)"))

        // The model audit of proposal-1.yaml, on the data and on the holdout file: its lowest
        // grid_impact_ratio is the proposal's.
        func auditedRatios(_ file: URL) throws -> [Double] {
            let audit = scratch.folder().appendingPathComponent("audit")
            let check = try CLI.run(["audit", "--data", file.path, "--protected", "nationalite", "--decision", "decision",
                                     "--model", out.appendingPathComponent("proposal-1.yaml").path, "--out", audit.path])
            #expect(check.status == 0, "\(check.stderr)")
            let metrics = try String(contentsOf: audit.appendingPathComponent("model-metrics.csv"), encoding: .utf8)
            var ratios: [Double] = []
            for line in metrics.split(separator: "\n") {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if cells.count > 3, cells[2] == "grid_impact_ratio", let x = Double(cells[3]) { ratios.append(x) }
            }
            return ratios
        }
        let ratios = try auditedRatios(data)
        #expect(ratios.count == 3)
        #expect(ratios.min() == ratio)
        #expect(try auditedRatios(holdout).min() == Double(column("min_impact_ratio_holdout")))

        // Deterministic: a second run gives the same bytes.
        let again = scratch.folder().appendingPathComponent("again")
        var second = arguments
        second[second.count - 1] = again.path
        #expect(try CLI.run(second).status == 0)
        for name in names where name != "manifest.json" {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: again.appendingPathComponent(name)), "\(name)")
        }
    }

    /// `exposure_ratio>=0.97`: proposal 1's `min_exposure_ratio` is the lowest `exposure_ratio`
    /// of the model audit of `proposal-1.yaml` (one number, one definition), and meets the target.
    @Test func exposureTargetMatchesTheModelAudit() throws {
        let (data, grid) = try inputs()
        let out = scratch.folder().appendingPathComponent("amend")
        let run = try CLI.run(["amend", "--model", grid.path, "--data", data.path, "--protected", "nationalite",
                               "--target", "exposure_ratio>=0.97", "--keep", "dalo>=50", "--candidates", "300", "--proposals", "2", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("proposals.csv"), encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",").map(String.init)
        let first = csv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let ratioColumn = try #require(header.firstIndex(of: "min_exposure_ratio")), meets = try #require(header.firstIndex(of: "meets_all_targets"))
        let ratio = try #require(Double(first[ratioColumn]))
        #expect(first[meets] == "true")
        #expect(ratio >= 0.97)
        let audit = scratch.folder().appendingPathComponent("audit")
        let check = try CLI.run(["audit", "--data", data.path, "--protected", "nationalite", "--decision", "decision",
                                 "--model", out.appendingPathComponent("proposal-1.yaml").path, "--out", audit.path])
        #expect(check.status == 0, "\(check.stderr)")
        let metrics = try String(contentsOf: audit.appendingPathComponent("model-metrics.csv"), encoding: .utf8)
        var audited: [Double] = []
        for line in metrics.split(separator: "\n") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells.count > 3, cells[2] == "exposure_ratio", let x = Double(cells[3]) { audited.append(x) }
        }
        #expect(audited.count == 3)
        #expect(abs((audited.min() ?? -1) - ratio) < 1e-12)
    }

    /// `--allow band-edges` on applicants whose only gap is the 18-month edge: proposal 1 moves
    /// that edge (its YAML says so), meets the target when re-run through `vigie audit --model
    /// proposal-1.yaml`, and amend.md says it in words; without the flag no edge moves.
    @Test func bandEdgesMoveOnlyWhenAllowed() throws {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        try Data(PlantedEdgeApplicants.csv(rows: 800, seed: 7).utf8).write(to: data)
        try Data(PlantedEdgeApplicants.grid.utf8).write(to: grid)
        func amend(_ extra: [String]) throws -> URL {
            let out = scratch.folder().appendingPathComponent("amend")
            let run = try CLI.run(["amend", "--model", grid.path, "--data", data.path, "--protected", "nationalite",
                                   "--target", "impact_ratio>=0.8", "--candidates", "300", "--proposals", "3", "--out", out.path] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return out
        }
        func edges(_ yaml: URL) throws -> [Double] {
            let g = try PointsGrid.load(path: yaml.path)
            guard case .bands(let bands) = g.criteria[1].kind else { return [] }
            return bands.flatMap { [$0.from ?? .nan, $0.to ?? .nan] }
        }
        // Without the flag: every proposal keeps the edges, and no edge column.
        let fixed = try amend([])
        for name in try FileManager.default.contentsOfDirectory(atPath: fixed.path) where name.hasPrefix("proposal-") {
            #expect(try edges(fixed.appendingPathComponent(name)) == [0, 18, 18, 400], "\(name)")
        }
        #expect(!(try String(contentsOf: fixed.appendingPathComponent("proposals.csv"), encoding: .utf8)).contains("edge"))
        // With it: proposal 1 moves the edge down, and its figures are the model audit's.
        let moved = try amend(["--allow", "band-edges"])
        let first = try edges(moved.appendingPathComponent("proposal-1.yaml"))
        #expect(first[1] < 18 && first[1] == first[2] && first[0] == 0 && first[3] == 400, "\(first)")
        let md = try String(contentsOf: moved.appendingPathComponent("amend.md"), encoding: .utf8)
        #expect(md.contains("Move the edge of anciennete from 18 to \(Int(first[1]))"))
        let csv = try String(contentsOf: moved.appendingPathComponent("proposals.csv"), encoding: .utf8).split(separator: "\n")
        // Band columns are quoted ("anciennete[0,18)"): split on commas outside quotes.
        func cells(_ line: Substring) -> [String] {
            var out = [""], quoted = false
            for ch in line {
                if ch == "\"" { quoted.toggle() } else if ch == "," && !quoted { out.append("") } else { out[out.count - 1].append(ch) }
            }
            return out
        }
        let header = cells(csv[0]), row = cells(csv[1])
        let ratioColumn = try #require(header.firstIndex(of: "min_impact_ratio")), edgeColumn = try #require(header.firstIndex(of: "anciennete edge 18"))
        #expect(Double(row[edgeColumn]) == first[1])
        let ratio = try #require(Double(row[ratioColumn]))
        #expect(ratio >= 0.8)
        let audit = scratch.folder().appendingPathComponent("audit")
        let check = try CLI.run(["audit", "--data", data.path, "--protected", "nationalite", "--decision", "decision",
                                 "--model", moved.appendingPathComponent("proposal-1.yaml").path, "--out", audit.path])
        #expect(check.status == 0, "\(check.stderr)")
        let metrics = try String(contentsOf: audit.appendingPathComponent("model-metrics.csv"), encoding: .utf8)
        var audited: [Double] = []
        for line in metrics.split(separator: "\n") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells.count > 3, cells[2] == "grid_impact_ratio", let x = Double(cells[3]) { audited.append(x) }
        }
        #expect(audited.count == 2)
        #expect(audited.min() == ratio)
        // A grid without bands cannot move an edge; an unknown change is refused.
        let (planted, plantedGrid) = try inputs()
        for (value, message) in [("band-edges", "no band criterion"), ("levels", "expected band-edges")] {
            let out = scratch.folder().appendingPathComponent("out")
            let run = try CLI.run(["amend", "--model", plantedGrid.path, "--data", planted.path, "--protected", "nationalite",
                                   "--target", "impact_ratio>=0.8", "--allow", value, "--out", out.path])
            #expect(run.status == 2 && run.stderr.contains("--allow") && run.stderr.contains(message), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test func badInputIsRefusedNamingTheOption() throws {
        let (data, grid) = try inputs()
        let base = ["amend", "--model", grid.path, "--data", data.path, "--target", "impact_ratio>=0.8"]
        let cases: [([String], String)] = [
            (["--protected", "nationalite", "--keep", "dalo>=80", "--max-change", "dalo=±10"], "--keep"),
            (["--protected", "lien_commune"], "--protected"),
            (["--protected", "nationalite", "--min-group-size", "5000"], "--target"),
            (["--protected", "nationalite", "--keep", "nope>=1"], "--keep"),
            (["--protected", "nationalite", "--target", "exposure_ratio>=0"], "--target"),
            (["--protected", "nationalite", "--target", "exposure_ratio>=0.9", "--min-group-size", "5000"], "--target"),
        ]
        for (extra, option) in cases {
            let out = scratch.folder().appendingPathComponent("out")
            let run = try CLI.run(base + extra + ["--out", out.path])
            #expect(run.status == 2, "\(extra)")
            #expect(run.stderr.contains(option), "\(extra): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(extra)")
        }
    }
}

import TestSupport
import AuditData
import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// The committed Montpellier-like grid on the committed housing sample: it reproduces the
/// generator's `score_total`, and scores, ranks and selections of both grids equal the
/// pandas reference (`Fixtures/reference/grid/make_grid_reference.py`).
@Suite("PointsGridFixture")
struct PointsGridFixtureTests {
    /// The sample split on commas (it has no quoted fields).
    static func sample() throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOfFile: RepositoryPaths.housing("applicants-sample.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    static func reference() throws -> [[String: String]] {
        let text = try String(contentsOfFile: RepositoryPaths.reference("grid/" + "grid_reference.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func gridReproducesTheGeneratorsScoreTotal() throws {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let design = try GridDesign.load(grid: grid, csvPath: RepositoryPaths.housing("applicants-sample.csv"))
        let t = try Self.sample()
        let column = t.header.firstIndex(of: "score_total")!
        let scores = try design.scores()
        #expect(scores.count == 5_000)
        var mismatches = 0
        for (i, row) in t.rows.enumerated() where scores[i] != Double(row[column])! { mismatches += 1 }
        #expect(mismatches == 0)
        // Contributions add up to the score wherever the floor does not bind.
        let c = try design.contributions()
        for i in 0..<design.rows {
            let total = (0..<grid.criteria.count).reduce(0.0) { $0 + c[i, $1] }
            #expect(Swift.max(0, total) == scores[i])
        }
    }

    @Test func bothGridsInOneGemmAndTheirAllocationsMatchPandas() throws {
        let main = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let alternative = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid-alternative.yaml"))
        let design = try GridDesign.load(grid: main, csvPath: RepositoryPaths.housing("applicants-sample.csv"))
        let scores = try design.scores(weights: try design.weightMatrix(of: [main, alternative]))
        let result = try GridAllocation.allocate(scores: scores, design: design)
        let reference = try Self.reference()
        #expect(reference.count == design.rows)
        var maxError = 0.0
        for (i, expected) in reference.enumerated() {
            #expect(design.ids[i] == expected["demande_id"])
            for (g, label) in ["main", "alternative"].enumerated() {
                maxError = Swift.max(maxError, Swift.abs(scores[i, g] - Double(expected["score_\(label)"]!)!))
                #expect(result.rank(i, grid: g) == Int(expected["rank_\(label)"]!)!, "\(design.ids[i]) \(label)")
                #expect(result.isSelected(i, grid: g) == (expected["selected_\(label)"] == "1"), "\(design.ids[i]) \(label)")
            }
        }
        #expect(maxError == 0)
        #expect(result.selectedCount(grid: 0) == 462 && result.selectedCount(grid: 1) == 462)
    }

    /// `date_depot` ↔ `anciennete_mois` (whole months to 2024-12-31, year in the id);
    /// `date_attribution` exactly when `attribue = 1`, after `date_depot`.
    @Test func generatorDatesAreConsistent() throws {
        let t = try Self.sample()
        let col = { (name: String) in t.header.firstIndex(of: name)! }
        #expect(t.header.suffix(2) == ["date_depot", "date_attribution"])
        let calendar = { () -> Calendar in
            var c = Calendar(identifier: .gregorian)
            c.timeZone = TimeZone(identifier: "UTC")!
            return c
        }()
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let snapshot = formatter.date(from: "2024-12-31")!
        var allocated = 0
        for row in t.rows {
            let depotText = row[col("date_depot")]
            let depot = try #require(formatter.date(from: depotText), "\(depotText)")
            #expect(formatter.string(from: depot) == depotText)
            let months = calendar.dateComponents([.month], from: depot, to: snapshot).month!
            #expect(months == Int(row[col("anciennete_mois")])!, "\(row[0]) \(depotText)")
            #expect(row[0].dropFirst(4).prefix(4) == depotText.prefix(4))
            let attribution = row[col("date_attribution")]
            if row[col("attribue")] == "1" {
                allocated += 1
                let date = try #require(formatter.date(from: attribution), "\(row[0])")
                #expect(formatter.string(from: date) == attribution)
                #expect(date > depot && date > snapshot)
            } else {
                #expect(attribution.isEmpty)
            }
        }
        #expect(allocated > 400)
    }
}

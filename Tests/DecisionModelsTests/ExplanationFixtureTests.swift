import TestSupport
import DecisionModels
import Foundation
import Testing

/// The committed grid on `applicants-sample.csv`, against
/// `Fixtures/reference/explain/expected.json` (pandas: the generator's
/// `score_total`, ranks by a sort within typology, waits from the dates;
/// `explain_reference.py`).
@Suite("ExplanationFixture")
struct ExplanationFixtureTests {
    struct Expected: Decodable {
        let id: String
        let typologie: String
        let score_total: Double
        let rank: Int
        let comparable_count: Int
        let capacity: Int
        let selected: Bool
        let anciennete_mois: Int
        let wait_count: Int
        let wait_mean_months: Double
        let wait_median_months: Double
    }

    struct File: Decodable { let applicants: [Expected] }

    static func expected() throws -> [Expected] {
        let path = RepositoryPaths.root.appendingPathComponent("Fixtures/reference/explain/expected.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: path)).applicants
    }

    @Test func matchesPandasReference() throws {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let expected = try Self.expected()
        #expect(expected.count >= 4)
        var maxWaitError = 0.0
        for x in expected {
            let e = try ApplicantExplanation.explain(grid: grid, csvPath: RepositoryPaths.housing("applicants-sample.csv"), id: x.id)
            #expect(e.totalScore == x.score_total, "\(x.id)")
            #expect(e.criteria.reduce(0) { $0 + $1.countedPoints } == e.operations.sum)
            #expect(e.standing.segmentValues == [x.typologie])
            #expect(e.standing.rank == x.rank, "\(x.id)")
            #expect(e.standing.comparableCount == x.comparable_count)
            #expect(e.standing.capacity == x.capacity)
            #expect(e.standing.selected == x.selected, "\(x.id)")
            let anciennete = try #require(e.criteria.first { $0.name == "anciennete" })
            #expect(anciennete.cap?.units == Double(x.anciennete_mois))
            #expect(anciennete.cap?.isBinding == (x.anciennete_mois > 60))
            #expect(anciennete.countedPoints == Double(min(x.anciennete_mois, 60)))
            guard case .available(let n, let mean, let median) = e.wait else {
                Issue.record("\(x.id): wait \(e.wait)")
                continue
            }
            #expect(n == x.wait_count)
            maxWaitError = max(maxWaitError, abs(mean - x.wait_mean_months) / x.wait_mean_months,
                               abs(median - x.wait_median_months) / x.wait_median_months)
        }
        #expect(maxWaitError <= 1e-12, "max relative wait error \(maxWaitError)")
    }
}

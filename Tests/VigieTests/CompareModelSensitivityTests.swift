import AuditData
import TestSupport
import AuditReport
import DecisionModels
import Foundation
import Testing

/// The sensitivity renderers: each CSV line carries the library's entry, in ranking order.
@Suite("CompareModelSensitivity")
struct CompareModelSensitivityTests {
    @Test func csvLinesFollowTheRanking() throws {
        let housing = CLI.root.appendingPathComponent("Fixtures/housing")
        let grid = try PointsGrid.load(path: housing.appendingPathComponent("cotation-grid.yaml").path)
        let data = housing.appendingPathComponent("applicants-sample.csv").path
        let store = try DataLoader.load(path: data, dialect: CSVDialect(),
                                        requests: [ColumnRequest("nationalite", .group(.none, mapping: [:]))] + grid.columnRequests)
        let design = try GridDesign(grid: grid, store: store)
        let attributes = store.attributes
        let result = try GridSensitivity.run(design: design, attributes: attributes)
        let lines = ModelComparison.sensitivityCSV(result).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 1 + result.ranking.count)
        #expect(lines[0] == ModelComparison.sensitivityHeader)
        for (k, e) in result.ranking.enumerated().prefix(50) {
            let line = lines[k + 1]
            #expect(line[0] == String(k + 1) && line[1] == e.attribute && line[2] == e.group && line[3] == e.criterion)
            #expect(Double(line[4]) == e.scale)
            #expect(Double(line[7]) == e.impactRatioChange.value)
            #expect(Double(line[8]) == e.rateDifferenceChange.value)
        }
        let tornado = ModelComparison.tornadoCSV(result).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(tornado.count == 1 + result.tornado.count)
        let first = try #require(result.tornado.first)
        #expect(tornado[1][2] == first.criterion && Double(tornado[1][5]) == first.lowImpactRatioChange.value)
    }
}

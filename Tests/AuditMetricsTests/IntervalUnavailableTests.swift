import AuditData
import AuditMetrics
import Testing

/// An interval that cannot be computed says why (issue 12, point 1): a weighted audit's score
/// mean has no analytic interval, and its entry says so instead of the interval vanishing.
@Suite struct IntervalUnavailableTests {
    static func store(weights: [Double]?) -> ColumnStore {
        let codes: [UInt32] = [0, 0, 0, 1, 1, 1]
        return ColumnStore(
            rowCount: 6,
            attributes: [GroupColumn(attribute: "g", codes: codes, groups: ["a", "b"], unknownCode: nil)],
            label: nil, decision: [1, 0, 1, 0, 0, 1], score: [10, 20, 30, 40, 50, 60], weight: weights,
            source: DataSource(path: "in-memory", delimiter: ",", headerColumns: 4))
    }

    static func run(weights: [Double]?) throws -> AuditResult {
        let data = DataSpec(path: "in-memory", protected: [ProtectedAttributeSpec(column: "g")],
                            decision: BinaryColumnSpec(column: "d"), score: "s", weight: weights == nil ? nil : "w")
        return try Audit.run(store: store(weights: weights), data: data, analysis: AnalysisSpec(intersections: 1, minGroupSize: 1, minCellSize: 0))
    }

    @Test func weightedScoreMeanSaysWhyItHasNoInterval() throws {
        let result = try Self.run(weights: [1, 2, 1, 2, 1, 2])
        let entry = try #require(result["g"]?.groups.first { $0.label == "a" }?.metrics.first { $0.name == "score_mean" })
        #expect(entry.value.value != nil)
        #expect(entry.interval == nil)
        #expect(entry.intervalUnavailable?.contains("weighted") == true)
        // Rates keep their (Kish effective-size) interval and no note.
        let rate = try #require(result["g"]?.groups.first { $0.label == "a" }?.metrics.first { $0.name == "selection_rate" })
        #expect(rate.interval != nil && rate.intervalUnavailable == nil)
    }

    @Test func unweightedScoreMeanHasItsInterval() throws {
        let result = try Self.run(weights: nil)
        let entry = try #require(result["g"]?.groups.first { $0.label == "a" }?.metrics.first { $0.name == "score_mean" })
        #expect(entry.interval != nil)
        #expect(entry.intervalUnavailable == nil)
    }
}

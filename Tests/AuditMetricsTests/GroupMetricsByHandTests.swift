import AuditData
@testable import AuditMetrics
import Testing

/// Group metrics on confusion counts small enough to check by hand.
@Suite struct GroupMetricsByHandTests {
    // Group: TP 3, FP 1, TN 4, FN 2 (n = 10). Population: that group plus TP 1, FP 1, TN 1, FN 1.
    let group = GroupStatistics(rows: SIMD4(4, 1, 2, 3), weights: SIMD4(4, 1, 2, 3), weightSquares: SIMD4(4, 1, 2, 3))
    var population: GroupStatistics {
        group + GroupStatistics(rows: SIMD4(1, 1, 1, 1), weights: SIMD4(1, 1, 1, 1), weightSquares: SIMD4(1, 1, 1, 1))
    }

    @Test func ratesFromCounts() {
        let expected: [GroupMetric: Double] = [
            .count: 10, .share: 10.0 / 14, .baseRate: 5.0 / 10, .selectionRate: 4.0 / 10,
            .ppr: 4.0 / 6, .tpr: 3.0 / 5, .fnr: 2.0 / 5, .tnr: 4.0 / 5, .fpr: 1.0 / 5,
            .ppv: 3.0 / 4, .fdr: 1.0 / 4, .npv: 4.0 / 6, .falseOmissionRate: 2.0 / 6,
            .accuracy: 7.0 / 10, .tp: 3, .fp: 1, .tn: 4, .fn: 2,
        ]
        for metric in GroupMetric.allCases where metric != .scoreMean {
            #expect(group.metric(metric, population: population) == .defined(expected[metric]!), "\(metric)")
        }
        #expect(group.denominatorRows(.tpr) == 5)
        #expect(group.denominatorRows(.npv) == 6)
        #expect(group.denominatorRows(.ppr) == 4)
    }

    @Test func zeroDenominatorsAreUndefinedWithTheirReason() {
        let noPositives = GroupStatistics(rows: SIMD4(3, 2, 0, 0), weights: SIMD4(3, 2, 0, 0), weightSquares: SIMD4(3, 2, 0, 0))
        #expect(noPositives.metric(.tpr, population: population) == .undefined(reason: "no label-positive rows: TP+FN = 0"))
        #expect(noPositives.metric(.fnr, population: population).value == nil)
        #expect(noPositives.metric(.fpr, population: population) == .defined(0.4))
        let empty = GroupStatistics.zero
        for metric in GroupMetric.rates {
            #expect(empty.metric(metric, population: population) == .undefined(reason: "empty group: no rows"))
        }
        #expect(empty.metric(.count, population: population) == .defined(0))
    }

    /// Weighted mean score by hand: scores 10 (w 1), 20 (w 3), missing → (10 + 60) / 4 = 17.5.
    @Test func weightedScoreMean() {
        let g = GroupStatistics(rows: SIMD4(3, 0, 0, 0), weights: SIMD4(4.5, 0, 0, 0), weightSquares: SIMD4(10.25, 0, 0, 0),
                                scoredRows: 2, scoreWeight: 4, scoreSum: 70, scoreSquareSum: 1300)
        #expect(g.metric(.scoreMean, population: g) == .defined(17.5))
        #expect(g.denominatorRows(.scoreMean) == 2)
        let unscored = GroupStatistics(rows: SIMD4(1, 0, 0, 0), weights: SIMD4(1, 0, 0, 0), weightSquares: SIMD4(1, 0, 0, 0))
        #expect(unscored.metric(.scoreMean, population: g) == .undefined(reason: "no row of the group has a score"))
    }

    @Test func disparitiesAgainstTheReference() {
        #expect(Disparity.difference(.defined(0.3), .defined(0.5)) == .defined(0.3 - 0.5))
        #expect(Disparity.ratio(.defined(0.3), .defined(0.6)) == .defined(0.5))
        #expect(Disparity.ratio(.defined(0.3), .defined(0)) == .undefined(reason: "the reference group's value is 0"))
        #expect(Disparity.difference(.undefined(reason: "x"), .defined(1)).reason == "undefined for the group: x")
        #expect(Disparity.ratio(.defined(1), .undefined(reason: "y")).reason == "undefined for the reference: y")
    }

    @Test func fairlearnAggregatesByHand() {
        let rates = [0.2, 0.5, 0.4]
        #expect(FairlearnAggregates.differenceBetweenGroups(rates) == .defined(0.5 - 0.2))
        #expect(FairlearnAggregates.ratioBetweenGroups(rates) == .defined(0.2 / 0.5))
        #expect(FairlearnAggregates.differenceToOverall(rates, overall: .defined(0.4)) == .defined(abs(0.2 - 0.4)))
        // min over groups of min(r, 1/r) with r = m_g / m_all: 0.5, 0.8 (=1/1.25), 1.
        #expect(FairlearnAggregates.ratioToOverall(rates, overall: .defined(0.4)) == .defined(0.2 / 0.4))
        #expect(FairlearnAggregates.ratioBetweenGroups([0, 0]).value == nil)
        #expect(FairlearnAggregates.differenceBetweenGroups([]).value == nil)
    }
}

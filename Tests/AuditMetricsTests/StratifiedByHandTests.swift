@testable import AuditMetrics
import Foundation
import TestSupport
import Testing

/// The stratified analyses on small cases computed by hand (exact fractions in the comments),
/// their undefined values, the one-pass tabulation and its input errors.
@Suite struct StratifiedByHandTests {
    static func table(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> TwoByTwoTable {
        try! TwoByTwoTable(groupSelected: a, groupNotSelected: b, referenceSelected: c, referenceNotSelected: d)
    }

    /// [[2, 1], [1, 2]] and [[3, 1], [1, 3]]: R = 2/3 + 9/8 = 43/24, S = 1/6 + 1/8 = 7/24.
    static let twoStrata = StratifiedTables([table(2, 1, 1, 2), table(3, 1, 1, 3)])

    @Test func mantelHaenszelByHand() {
        let mh = MantelHaenszel(Self.twoStrata, level: 0.95)
        #expect(isClose(mh.oddsRatio.value, 43.0 / 7, tolerance: 1e-15))
        // ΣPR/(2R²) + Σ(PS + QR)/(2RS) + ΣQS/(2S²) = 371/1849 + 204/301 + 25/49 = 125808/90601.
        let variance = 125808.0 / 90601
        #expect(isClose(mh.logStandardError.value, variance.squareRoot(), tolerance: 1e-15))
        let z = Normal.quantile(0.975)
        #expect(isClose(mh.interval?.low, (43.0 / 7) * exp(-z * variance.squareRoot()), tolerance: 1e-14))
        #expect(isClose(mh.interval?.high, (43.0 / 7) * exp(z * variance.squareRoot()), tolerance: 1e-14))
        #expect(mh.informativeStrata == 2 && mh.strata == 2)
    }

    @Test func singleStratumIsTheCrudeOddsRatioWithWoolfVariance() {
        let mh = MantelHaenszel(StratifiedTables([Self.table(12, 30, 20, 25)]))
        #expect(isClose(mh.oddsRatio.value, 12.0 * 25 / (30 * 20), tolerance: 1e-15))
        let woolf: Double = 1.0 / 12 + 1.0 / 30 + 1.0 / 20 + 1.0 / 25
        #expect(isClose(mh.logStandardError.value, woolf.squareRoot(), tolerance: 1e-15))
    }

    @Test func cochranMantelHaenszelByHand() {
        // Δ = 3/6 + 8/8 = 3/2; V = 81/(36·5) + 256/(64·7) = 143/140.
        let cmh = CochranMantelHaenszel(Self.twoStrata)
        #expect(isClose(cmh.observedMinusExpected.value, 1.5, tolerance: 1e-15))
        #expect(isClose(cmh.statistic.value, 315.0 / 143, tolerance: 1e-14))
        #expect(isClose(cmh.pValue.value, 0.1377605549502605, tolerance: 1e-12))  // scipy chi2.sf(315/143, 1)
        let corrected = CochranMantelHaenszel(Self.twoStrata, continuityCorrection: true)
        #expect(isClose(corrected.statistic.value, 140.0 / 143, tolerance: 1e-14))
        #expect(isClose(corrected.pValue.value, 0.3224406302429675, tolerance: 1e-12))
        #expect(!cmh.continuityCorrection && corrected.continuityCorrection && cmh.degreesOfFreedom == 1)
    }

    @Test func continuityCorrectionNeverOvercorrects() {
        // Δ = 0: statsmodels' (|Δ| − ½)² would give X² = 1/(4V) > 0.
        let tables = StratifiedTables([Self.table(2, 3, 2, 3), Self.table(3, 2, 3, 2)])
        #expect(CochranMantelHaenszel(tables, continuityCorrection: true).statistic == .defined(0))
        #expect(CochranMantelHaenszel(tables, continuityCorrection: true).pValue == .defined(1))
    }

    @Test func breslowDayByHand() {
        // ψ = 1.7/1.7 = 1; e = 5·5/10 = 2.5 in both; v = 1/(4/2.5) = 0.625; X² = 2·1.5²/0.625 = 7.2;
        // Tarone: Σa − Σe = 0, no change. scipy chi2.sf(7.2, 1) = 0.0072903580915356595.
        let tables = StratifiedTables([Self.table(4, 1, 1, 4), Self.table(1, 4, 4, 1)])
        for adjustment in [BreslowDay.Adjustment.none, .tarone] {
            let bd = BreslowDay(tables, adjustment: adjustment)
            #expect(isClose(bd.statistic.value, 7.2, tolerance: 1e-14))
            #expect(bd.degreesOfFreedom == 1)
            #expect(isClose(bd.pValue.value, 0.0072903580915356595, tolerance: 1e-12))
        }
        // Homogeneous tables: a = e in every stratum.
        let same = StratifiedTables([Self.table(10, 10, 10, 10), Self.table(8, 2, 4, 1)])
        #expect(BreslowDay(same).statistic == .defined(0))
    }

    @Test func expectedCountSolvesTheOddsRatioEquation() {
        for psi in [0.05, 0.6, 1.0, 1.7, 40.0] {
            let (m1, t1, n) = (30.0, 45.0, 100.0)
            let e = BreslowDay.expectedCount(oddsRatio: psi, groupTotal: m1, selectedTotal: t1, total: n)
            #expect(e > max(0, m1 + t1 - n) && e < min(m1, t1), "ψ = \(psi): e = \(e)")
            #expect(isClose(e * (n - m1 - t1 + e) / ((m1 - e) * (t1 - e)), psi, tolerance: 1e-13), "ψ = \(psi)")
        }
    }

    @Test func uninformativeStrataChangeNothingButTheirCount() {
        let extra = StratifiedTables(Self.twoStrata.strata + [
            Self.table(0, 0, 3, 4),   // group absent
            Self.table(5, 2, 0, 0),   // reference absent
            Self.table(0, 6, 0, 9),   // nobody selected
            Self.table(4, 0, 7, 0),   // everybody selected
            Self.table(0, 0, 0, 0),   // empty
        ])
        #expect(extra.informativeCount == 2 && extra.strata.count == 7)
        #expect(MantelHaenszel(extra).oddsRatio == MantelHaenszel(Self.twoStrata).oddsRatio)
        #expect(MantelHaenszel(extra).interval == MantelHaenszel(Self.twoStrata).interval)
        #expect(MantelHaenszel(extra).informativeStrata == 2 && MantelHaenszel(extra).strata == 7)
        #expect(CochranMantelHaenszel(extra).pValue == CochranMantelHaenszel(Self.twoStrata).pValue)
        #expect(BreslowDay(extra).statistic == BreslowDay(Self.twoStrata).statistic)
        #expect(BreslowDay(extra).degreesOfFreedom == 1)
    }

    @Test func undefinedOddsRatiosSayWhy() {
        let none = MantelHaenszel(StratifiedTables([]))
        #expect(none.oddsRatio.reason?.contains("no stratum") == true && none.interval == nil)
        let uninformative = StratifiedTables([Self.table(0, 0, 4, 5), Self.table(3, 4, 0, 0), Self.table(0, 6, 0, 2)])
        #expect(MantelHaenszel(uninformative).oddsRatio.reason?.contains("no informative stratum") == true)
        #expect(CochranMantelHaenszel(uninformative).pValue.reason?.contains("no informative stratum") == true)
        #expect(BreslowDay(uninformative).statistic.reason?.contains("no informative stratum") == true)

        let zero = StratifiedTables([Self.table(0, 10, 5, 5), Self.table(0, 7, 3, 9)])
        let mh0 = MantelHaenszel(zero)
        #expect(mh0.oddsRatio.reason?.contains("is 0") == true && mh0.logStandardError.value == nil && mh0.interval == nil)
        #expect(CochranMantelHaenszel(zero).pValue.value != nil)  // the test of OR = 1 is still defined
        #expect(BreslowDay(zero).statistic.reason?.contains("0 or infinite") == true)
        let infinite = StratifiedTables([Self.table(4, 0, 0, 6), Self.table(3, 5, 0, 9)])
        #expect(MantelHaenszel(infinite).oddsRatio.reason?.contains("infinite") == true)

        let single = StratifiedTables([Self.table(7, 3, 4, 6), Self.table(0, 0, 5, 5)])
        #expect(BreslowDay(single).statistic.reason?.contains("one informative stratum") == true)
        #expect(BreslowDay(single).degreesOfFreedom == 0 && BreslowDay(single).pValue.value == nil)
        #expect(MantelHaenszel(single, level: 1.5).interval == nil && MantelHaenszel(single, level: 1.5).oddsRatio.value != nil)

        // Weight sums below 1: the hypergeometric variance n − 1 is not positive.
        let light = StratifiedTables([Self.table(0.3, 0.2, 0.2, 0.1)])
        #expect(CochranMantelHaenszel(light).statistic.reason?.contains("≤ 1") == true)
    }

    @Test func tablesRejectInvalidCounts() {
        #expect(throws: StratifiedInputError.invalidCount(name: "referenceSelected", value: -1)) {
            try TwoByTwoTable(groupSelected: 1, groupNotSelected: 2, referenceSelected: -1, referenceNotSelected: 3)
        }
        #expect(throws: StratifiedInputError.self) { try TwoByTwoTable(groupSelected: .nan, groupNotSelected: 2, referenceSelected: 1, referenceNotSelected: 3) }
        #expect(throws: StratifiedInputError.self) { try AgreementTable(both: 1, gridOnly: .infinity, decisionOnly: 0, neither: 0) }
    }

    @Test func kappaByHand() throws {
        // p11 = .4, p10 = .1, p01 = .2, p00 = .3; r1 = .5, c1 = .6; pₒ = .7, pₑ = .5, κ = .4;
        // Var = (.10972 + .10188 − .01)/(.25 · 50) = .016128.
        let k = CohenKappa(try AgreementTable(both: 20, gridOnly: 5, decisionOnly: 10, neither: 15), level: 0.95)
        #expect(isClose(k.observedAgreement.value, 0.7, tolerance: 1e-15))
        #expect(isClose(k.expectedAgreement.value, 0.5, tolerance: 1e-15))
        #expect(isClose(k.kappa.value, 0.4, tolerance: 1e-15))
        #expect(isClose(k.standardError.value, 0.016128.squareRoot(), tolerance: 1e-13))
        let z = Normal.quantile(0.975)
        #expect(isClose(k.interval?.low, 0.4 - z * 0.016128.squareRoot(), tolerance: 1e-13))
        #expect(k.total == 50)
    }

    @Test func kappaUndefinedCases() throws {
        let same = CohenKappa(try AgreementTable(both: 7, gridOnly: 0, decisionOnly: 0, neither: 0))
        #expect(same.kappa.reason?.contains("expected agreement is 1") == true && same.interval == nil)
        #expect(same.observedAgreement == .defined(1) && same.expectedAgreement == .defined(1))
        let empty = CohenKappa(try AgreementTable(both: 0, gridOnly: 0, decisionOnly: 0, neither: 0))
        #expect(empty.kappa.reason?.contains("no applicant") == true && empty.observedAgreement.value == nil)
        // Opposite constant raters: pₑ = 0, pₒ = 0, κ = 0 (defined).
        let opposite = CohenKappa(try AgreementTable(both: 0, gridOnly: 6, decisionOnly: 0, neither: 0))
        #expect(opposite.kappa == .defined(0))
    }

    @Test func agreementTabulationBySegment() throws {
        let tables = try AgreementTable.tabulate(
            gridSelected: [true, true, false, false, true, false, true],
            decided: [1, 0, 1, 0, 1, 0, 0],
            segments: [0, 0, 1, 1, -1, 0, 1], segmentCount: 2,
            weights: [1, 2, 3, 4, 100, 0.5, 0.25])
        #expect(tables == [try AgreementTable(both: 1, gridOnly: 2, decisionOnly: 0, neither: 0.5),
                           try AgreementTable(both: 0, gridOnly: 0.25, decisionOnly: 3, neither: 4)])
        #expect(throws: StratifiedInputError.invalidOutcome(argument: "decided", row: 1, value: 2)) {
            try AgreementTable.tabulate(gridSelected: [true, false], decided: [1, 2])
        }
        #expect(throws: StratifiedInputError.codeOutOfRange(argument: "segments", row: 0, code: 2, count: 2)) {
            try AgreementTable.tabulate(gridSelected: [true], decided: [1], segments: [2], segmentCount: 2)
        }
        #expect(throws: StratifiedInputError.lengthMismatch(argument: "decided", expected: 2, found: 1)) {
            try AgreementTable.tabulate(gridSelected: [true, false], decided: [1])
        }
    }

    @Test func tabulationMatchesANaiveCount() throws {
        var rng = SplitMix64(state: 15)
        let n = 5000, groupCount = 4, strataCount = 6
        let groups = (0..<n).map { _ in Int32(rng.int(5)) - 1 }
        let strata = (0..<n).map { _ in Int32(rng.int(7)) - 1 }
        let selected = (0..<n).map { _ in UInt8(rng.next() % 2) }
        let weights = (0..<n).map { _ in [0.25, 0.5, 1.75, 3.0][rng.int(4)] }
        let counts = try StratifiedCounts.tabulate(groups: groups, strata: strata, selected: selected, weights: weights,
                                                   groupCount: groupCount, strataCount: strataCount)
        let unweighted = try StratifiedCounts.tabulate(groups: groups, strata: strata, selected: selected,
                                                       groupCount: groupCount, strataCount: strataCount)
        var leftOut = 0
        for g in 0..<groupCount {
            for s in 0..<strataCount {
                let rows = (0..<n).filter { Int(groups[$0]) == g && Int(strata[$0]) == s }
                let cell = g * strataCount + s
                #expect(counts.rows[cell] == rows.count)
                #expect(counts.selected[cell] == rows.filter { selected[$0] == 1 }.map { weights[$0] }.reduce(0, +))
                #expect(counts.notSelected[cell] == rows.filter { selected[$0] == 0 }.map { weights[$0] }.reduce(0, +))
                #expect(unweighted.selected[cell] == Double(rows.filter { selected[$0] == 1 }.count))
            }
        }
        for i in 0..<n where groups[i] < 0 || strata[i] < 0 { leftOut += 1 }
        #expect(counts.leftOut == leftOut && unweighted.leftOut == leftOut)
        let against = counts.tables(against: 2)
        #expect(against.count == groupCount && against[2] == nil)
        let t = try #require(against[0]?.strata[3])
        #expect(t == TwoByTwoTable(unchecked: counts.selected[3], counts.notSelected[3], counts.selected[2 * strataCount + 3], counts.notSelected[2 * strataCount + 3]))
        #expect(counts.tables(group: 4, reference: 0) == nil)
    }

    @Test func tabulationNamesTheFirstBadRow() {
        func tabulate(groups: [Int32] = [0, 1, 0], strata: [Int32] = [0, 0, 1], selected: [UInt8] = [1, 0, 1], weights: [Double]? = nil) throws {
            _ = try StratifiedCounts.tabulate(groups: groups, strata: strata, selected: selected, weights: weights, groupCount: 2, strataCount: 2)
        }
        #expect(throws: StratifiedInputError.codeOutOfRange(argument: "groups", row: 1, code: 2, count: 2)) { try tabulate(groups: [0, 2, 0]) }
        #expect(throws: StratifiedInputError.codeOutOfRange(argument: "strata", row: 2, code: -2, count: 2)) { try tabulate(strata: [0, 0, -2]) }
        #expect(throws: StratifiedInputError.invalidOutcome(argument: "selected", row: 0, value: 3)) { try tabulate(selected: [3, 0, 1]) }
        #expect(throws: StratifiedInputError.lengthMismatch(argument: "strata", expected: 3, found: 2)) { try tabulate(strata: [0, 0]) }
        #expect(throws: StratifiedInputError.lengthMismatch(argument: "weights", expected: 3, found: 1)) { try tabulate(weights: [1]) }
        // A left-out row's weight is checked too.
        #expect(throws: StratifiedInputError.invalidWeight(row: 0, value: -1)) { try tabulate(groups: [-1, 1, 0], weights: [-1, 1, 1]) }
        #expect(throws: StratifiedInputError.self) { try tabulate(weights: [1, .nan, 1]) }
        #expect(throws: StratifiedInputError.self) {
            _ = try StratifiedCounts.tabulate(groups: [], strata: [], selected: [], groupCount: 0, strataCount: 1)
        }
        #expect(StratifiedInputError.codeOutOfRange(argument: "strata", row: 2, code: -2, count: 2).description
            == "strata, row 2: expected a code in 0..<2 or -1 (left out), found -2")
    }

    @Test func stratifiedLogRankWithOneStratumIsTheLogRank() throws {
        var rng = SplitMix64(state: 7)
        let n = 400
        let groups = (0..<n).map { _ in Int32(rng.int(4)) - 1 }
        let time = (0..<n).map { _ in Double(rng.next() % 60) }
        let event = (0..<n).map { _ in UInt8(rng.next() % 3 == 0 ? 0 : 1) }
        let times = try WaitingTimes(groups: groups, groupLabels: ["a", "b", "c"], time: time, event: event)
        let plain = LogRank(times)
        let stratified = try StratifiedLogRank(times, strata: [Int32](repeating: 0, count: n), strataCount: 1)
        #expect(stratified.statistic == plain.statistic && stratified.pValue == plain.pValue)
        #expect(stratified.observed == plain.observed && stratified.expected == plain.expected)
        #expect(stratified.degreesOfFreedom == 2 && stratified.leftOut == times.excluded)
        #expect(stratified.stratumSizes == [times.count])
    }

    @Test func stratifiedLogRankUndefinedAndErrors() throws {
        // Each group alone in its stratum: never at risk together, V = 0.
        let times = try WaitingTimes(groups: [0, 0, 1, 1], groupLabels: ["a", "b"], time: [1, 2, 3, 4], event: [1, 1, 1, 1])
        let apart = try StratifiedLogRank(times, strata: [0, 0, 1, 1], strataCount: 2)
        #expect(apart.statistic.reason?.contains("singular") == true && apart.pValue.value == nil)
        let one = try StratifiedLogRank(times, strata: [0, 0, -1, -1], strataCount: 2)
        #expect(one.statistic.reason?.contains("at least 2 groups") == true && one.leftOut == 2 && one.degreesOfFreedom == 0)
        #expect(throws: StratifiedInputError.lengthMismatch(argument: "strata", expected: 4, found: 3)) {
            try StratifiedLogRank(times, strata: [0, 0, 1], strataCount: 2)
        }
        #expect(throws: StratifiedInputError.codeOutOfRange(argument: "strata", row: 3, code: 2, count: 2)) {
            try StratifiedLogRank(times, strata: [0, 0, 1, 2], strataCount: 2)
        }
    }
}

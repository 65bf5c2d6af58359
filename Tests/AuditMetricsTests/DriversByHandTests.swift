@testable import AuditMetrics
import Foundation
import LinearAlgebra
import Testing

/// The driver analyses on cases small enough to compute by hand, their undefined values and
/// their input errors.
@Suite struct DriversByHandTests {
    /// Reference (code 0): rows (1, 2), (3, 4); group 1: (5, 0), (7, 2), (6, 1).
    static let grid = try! Matrix(rows: [[1, 2], [3, 4], [5, 0], [7, 2], [6, 1], [100, 100]])
    static let gridGroups: [Int32] = [0, 0, 1, 1, 1, -1]

    @Test func scoreGapByHand() throws {
        let result = try ScoreGapDecomposition.decompose(contributions: Self.grid, criteria: ["a", "b"],
                                                         groups: Self.gridGroups, reference: 0)
        #expect(result.count == 1)
        let g = result[0]
        // Scores: reference 3, 7 (mean 5); group 5, 9, 7 (mean 7). Gap 2 = (6 − 2) + (1 − 3).
        #expect(g.meanScore == .defined(7) && g.referenceMeanScore == .defined(5) && g.gap.difference == .defined(2))
        #expect(g.criteria.map(\.part.difference) == [.defined(4), .defined(-2)])
        #expect(g.criteria.map(\.shareOfGap) == [.defined(2), .defined(-1)])
        // Criterion a: s² = 1 (group, n 3) and 2 (reference, n 2): SE = √(1/3 + 1) = √(4/3),
        // ν = (4/3)² / ((1/3)²/2 + 1²/1) = 32/19.
        let a = g.criteria[0].part
        #expect(abs(a.standardError.value! - (4.0 / 3).squareRoot()) < 1e-15)
        #expect(abs(a.degreesOfFreedom.value! - 32.0 / 19) < 1e-14)
        let half = StudentT.criticalValue(level: 0.95, degreesOfFreedom: 32.0 / 19)! * (4.0 / 3).squareRoot()
        #expect(abs(a.interval!.low - (4 - half)) < 1e-13 && abs(a.interval!.high - (4 + half)) < 1e-13)
    }

    @Test func studentQuantileClosedForms() {
        // ν = 1 (Cauchy): t = tan(π(p − ½)); ν = 2: t = (2p − 1)·√(2/(4p(1 − p))).
        let p = 0.975
        #expect(abs(StudentT.criticalValue(level: 0.95, degreesOfFreedom: 1)! - tan(Double.pi * (p - 0.5))) < 1e-12)
        let two = (2 * p - 1) * (2 / (4 * p * (1 - p))).squareRoot()
        #expect(abs(StudentT.criticalValue(level: 0.95, degreesOfFreedom: 2)! - two) < 1e-13)
        #expect(abs(StudentT.criticalValue(level: 0.95, degreesOfFreedom: 1e9)! - 1.959963984540054) < 1e-8)
    }

    @Test func scoreGapUndefinedValues() throws {
        // Empty reference group (code 2 never occurs): every value undefined, with a reason.
        let empty = try ScoreGapDecomposition.decompose(contributions: Self.grid, criteria: ["a", "b"],
                                                        groups: Self.gridGroups, reference: 2)
        #expect(empty.map(\.group) == [0, 1])
        #expect(empty.allSatisfy { $0.referenceMeanScore.reason != nil && $0.gap.difference.reason != nil
                && $0.criteria.allSatisfy { $0.shareOfGap.reason != nil } })
        // Equal mean scores: the gap is 0, shares are undefined; a constant criterion has no interval.
        let same = try Matrix(rows: [[1, 5], [3, 5], [2, 5], [2, 5]])
        let zero = try ScoreGapDecomposition.decompose(contributions: same, criteria: ["a", "b"], groups: [0, 0, 1, 1], reference: 0)
        #expect(zero[0].gap.difference == .defined(0))
        #expect(zero[0].criteria.allSatisfy { $0.shareOfGap.reason == "the total gap is zero" })
        #expect(zero[0].criteria[1].part.interval == nil && zero[0].criteria[1].part.degreesOfFreedom.reason != nil)
        // A one-row group: a mean but no variance.
        let one = try ScoreGapDecomposition.decompose(contributions: same, criteria: ["a", "b"], groups: [0, 0, 0, 1], reference: 0)
        #expect(one[0].gap.difference.value != nil && one[0].gap.standardError.reason != nil && one[0].gap.interval == nil)
    }

    @Test func oaxacaByHand() throws {
        // Reference: x = 0, 1, 2 and y = 1 + x; group: x = 1…4 and y = 2x. β_ref = (1, 1), β_g = (0, 2).
        let x = try Matrix(rows: [[0], [1], [2], [1], [2], [3], [4]])
        let y: [Double] = [1, 2, 3, 2, 4, 6, 8]
        let groups: [Int32] = [0, 0, 0, 1, 1, 1, 1]
        for regressors in RegressorVariance.allCases {
            let d = try #require(try OaxacaBlinder.decompose(characteristics: x, criteria: ["x"], outcome: y, groups: groups,
                                                             reference: 0, regressors: regressors).first)
            // gap 5 − 2 = 3; explained (2.5 − 1)·1 = 1.5; unexplained [1, 2.5]·([0, 2] − [1, 1]) = 1.5.
            #expect(abs(d.gap.value! - 3) < 1e-14)
            #expect(abs(d.explained.value! - 1.5) < 1e-12 && abs(d.unexplained.value! - 1.5) < 1e-12)
            #expect(abs(d.byCriterion[0].part - 1.5) < 1e-12)
            // Perfect fits: robust covariances are 0. With stochastic means, V(x̄_g) = (5/3)/4 and
            // V(x̄_ref) = 1/3: SE(explained) = √(1·(5/12 + 4/12)), SE(unexplained) = √((2 − 1)²·5/12).
            let se = (explained: d.explainedStandardError.value!, unexplained: d.unexplainedStandardError.value!)
            if regressors == .fixed {
                #expect(se.explained < 1e-12 && se.unexplained < 1e-12)
            } else {
                #expect(abs(se.explained - 0.75.squareRoot()) < 1e-12)
                #expect(abs(se.unexplained - (5.0 / 12).squareRoot()) < 1e-12)
            }
        }
    }

    @Test func oaxacaDropsAConstantCharacteristicAndRefusesTinyGroups() throws {
        // x₂ is constant (0) in the reference group: not identified there, dropped from both fits.
        let x = try Matrix(rows: [[0, 0], [1, 0], [2, 0], [3, 0], [1, 1], [2, 0], [3, 1], [4, 0], [5, 1]])
        let y: [Double] = [1, 2, 3, 4.5, 2, 4, 6, 8.5, 9]
        let groups: [Int32] = [0, 0, 0, 0, 1, 1, 1, 1, 1]
        let d = try #require(try OaxacaBlinder.decompose(characteristics: x, criteria: ["x1", "x2"], outcome: y,
                                                         groups: groups, reference: 0).first)
        #expect(d.droppedCriteria == ["x2"] && d.byCriterion.map(\.criterion) == ["x1"])
        #expect(abs(d.explained.value! + d.unexplained.value! - d.gap.value!) < 1e-12)
        // Three rows for three coefficients: undefined, with a reason.
        let tiny = try OaxacaBlinder.decompose(characteristics: x, criteria: ["x1", "x2"], outcome: y,
                                               groups: [0, 0, 0, 0, 1, 1, 1, -1, -1], reference: 0)
        #expect(tiny[0].explained.reason?.contains("rows") == true && tiny[0].gap.value != nil)
    }

    @Test func associationsByHand() {
        // 2×2 table [[3, 1], [1, 3]]: V = |ad − bc|/√(row and column totals) = 8/16.
        let a: [Int32] = [0, 0, 0, 0, 1, 1, 1, 1, -1]
        let b: [Int32] = [0, 0, 0, 1, 0, 1, 1, 1, 0]
        #expect(abs(Association.cramersV(a, b).value! - 0.5) < 1e-15)
        #expect(Association.cramersV(a, [0, 0, 0, 0, 0, 0, 0, 0, 1]).reason != nil)  // one level only
        // η: groups {1, 3} and {5, 7}: SS_between 16, SS_total 20.
        #expect(abs(Association.correlationRatio([1, 3, 5, 7, 99], groups: [0, 0, 1, 1, -1]).value! - 0.8.squareRoot()) < 1e-15)
        #expect(Association.correlationRatio([2, 2, 2, 2], groups: [0, 0, 1, 1]).reason != nil)
        #expect(Association.correlationRatio([1, 2, 3], groups: [0, 0, 0]).reason != nil)
        // Malformed input to the public functions: undefined, never a crash.
        #expect(Association.cramersV([0, 1], [0]).reason != nil)
        #expect(Association.cramersV([0, 1], [0, Int32.max]).reason != nil)
        #expect(Association.correlationRatio([1, .nan], groups: [0, 1]).reason != nil)
    }

    @Test func aucByHand() {
        // sklearn's docstring example: 0.75. Ties count ½: positive scores 1 and 2 against a negative 1.
        #expect(ReceiverOperating.auc(scores: [0.1, 0.4, 0.35, 0.8], labels: [false, false, true, true]) == .defined(0.75))
        #expect(ReceiverOperating.auc(scores: [1, 1, 2], labels: [false, true, true]) == .defined(0.75))
        #expect(ReceiverOperating.auc(scores: [1, 2], labels: [true, true]).reason != nil)
        #expect(ReceiverOperating.auc(scores: [1, 2, 3], labels: [true, false]).reason != nil)
        #expect(ReceiverOperating.auc(scores: [1, .nan], labels: [true, false]).reason != nil)
    }

    @Test func blockedWeightedGramEqualsTheDirectSum() throws {
        // More rows than two blocks, and a ragged last block: Σᵢ sᵢ² xᵢⱼ xᵢₗ by a plain loop.
        let n = 2 * WeightedGram.blockRows + 37, k = 3
        let storage = (0..<(n * k)).map { Double(($0 * 7_919) % 101) / 10 - 5 }
        let x = try Matrix(rows: n, columns: k, columnMajor: storage)
        let scale = (0..<n).map { Double($0 % 13) / 4 }
        let gram = try WeightedGram.compute(x, scale: scale)
        for j in 0..<k {
            for l in 0..<k {
                var direct = 0.0
                for i in 0..<n { direct += scale[i] * scale[i] * x[i, j] * x[i, l] }
                #expect(abs(gram[j, l] - direct) <= 1e-12 * abs(direct), "(\(j), \(l)): \(gram[j, l]) vs \(direct)")
            }
        }
        #expect(gram == gram.transposed())
    }

    @Test func anOutlyingFeatureIsNotSeparation() throws {
        // Overlapping classes (the MLE exists), plus one applicant far out: its fitted probability
        // is numerically 1, yet the fit converges and its coefficients are reported.
        var x: [Double] = [], y: [Bool] = []
        for i in 0..<200 {
            let value = Double(i % 20) / 20
            x.append(value)
            y.append((i * 7 + i / 20) % 10 < Int(3 + 5 * value))
        }
        x.append(60); y.append(true)
        let design = try Matrix(rows: x.count, columns: 2, columnMajor: [Double](repeating: 1, count: x.count) + x)
        let fit = try LogisticRegression.fit(design: design, outcome: y)
        #expect(fit.converged && !fit.separation && fit.coefficients.allSatisfy { $0.value != nil })
        #expect(fit.coefficients[1].value! * 60 > 30)
    }

    @Test func malformedInputIsAnErrorNamingThePlace() throws {
        #expect(throws: DriversError.dimensionMismatch(what: "criterion names (one per column of the contributions)", expected: 2, got: 1)) {
            try ScoreGapDecomposition.decompose(contributions: Self.grid, criteria: ["a"], groups: Self.gridGroups, reference: 0)
        }
        var bad = Self.grid
        bad[3, 1] = .nan
        #expect(throws: DriversError.nonFiniteValue(what: "contributions", row: 3, column: 1)) {
            try ScoreGapDecomposition.decompose(contributions: bad, criteria: ["a", "b"], groups: Self.gridGroups, reference: 0)
        }
        #expect(throws: DriversError.invalidCode(what: "group codes", row: 1, code: -2)) {
            try OaxacaBlinder.decompose(characteristics: Self.grid, criteria: ["a", "b"], outcome: [1, 2, 3, 4, 5, 6],
                                        groups: [0, -2, 1, 1, 1, 0], reference: 0)
        }
        #expect(throws: DriversError.self) {
            try ScoreGapDecomposition.decompose(contributions: Self.grid, criteria: ["a", "b"], groups: Self.gridGroups, reference: 0, level: 1)
        }
        #expect(throws: DriversError.self) {
            try ProxyDetection.analyse(attribute: "a", groups: [0, 1], features: [ProxyFeature(name: "x", values: .numeric([1]))])
        }
        #expect(throws: DriversError.nonFiniteValue(what: "x", row: 1, column: nil)) {
            try ProxyDetection.analyse(attribute: "a", groups: [0, 1], features: [ProxyFeature(name: "x", values: .numeric([1, .infinity]))])
        }
        #expect(throws: DriversError.invalidCode(what: "a codes", row: 1, code: 1_000_000)) {
            try ProxyDetection.analyse(attribute: "a", groups: [0, 1_000_000], features: [])
        }
        let message = DriversError.nonFiniteValue(what: "contributions", row: 3, column: 1).description
        #expect(message == "contributions: a finite number was expected at row 4, column 2")
    }
}

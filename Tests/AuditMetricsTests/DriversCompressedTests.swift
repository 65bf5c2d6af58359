@testable import AuditMetrics
import Foundation
import LinearAlgebra
import Testing

/// The fits on a compressed design (``DesignPatterns``: distinct rows with frequencies) against
/// the same fits on the rows, on data that compresses (points-grid-like criteria) and data that
/// does not (a continuous criterion), unweighted and weighted: coefficients, standard errors,
/// log-likelihoods, AUCs, associations and decompositions agree to 1e-12 relative. The weighted
/// fits are also checked against the unweighted fits on the rows expanded by integer weights
/// (frequency weights: a row of weight 3 is three rows), an independent value.
@Suite struct DriversCompressedTests {
    /// Deterministic pseudo-random numbers (64-bit LCG, Knuth's MMIX constants).
    struct Generator {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        mutating func pick(_ values: [Double]) -> Double { values[min(values.count - 1, Int(uniform() * Double(values.count)))] }
    }

    /// A data set: criteria points (column-major), a 0/1 outcome, group codes (−1 for a few
    /// missing), integer weights.
    struct Data {
        var x: Matrix          // n × 3
        var outcome: [Double]
        var groups: [Int32]
        var weights: [Double]
    }

    /// `continuous`: the third criterion is uniform on (0, 30) (no compression) instead of 0–5 × 5 points.
    static func data(rows n: Int, continuous: Bool, seed: UInt64) -> Data {
        var r = Generator(state: seed)
        var c0 = [Double](), c1 = [Double](), c2 = [Double](), y = [Double](), g = [Int32](), w = [Double]()
        for _ in 0..<n {
            let group: Int32 = r.uniform() < 0.04 ? -1 : Int32(min(2, Int(r.uniform() * 3)))
            // Criteria that depend on the group (proxies) and an outcome that depends on both.
            let a = r.uniform() < 0.3 + 0.15 * Double(max(group, 0)) ? 20.0 : 0
            let b = r.pick([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60])
            let c = continuous ? 30 * r.uniform() : 5 * r.pick([0, 1, 2, 3, 4, 5]) + (group == 2 ? 5 : 0)
            let eta = -2 + 0.05 * a + 0.03 * b + 0.04 * c - 0.3 * Double(max(group, 0))
            c0.append(a); c1.append(b); c2.append(c)
            y.append(r.uniform() < 1 / (1 + exp(-eta)) ? 1 : 0)
            g.append(group)
            w.append(r.pick([1, 2, 3]))
        }
        return Data(x: try! Matrix(rows: n, columns: 3, columnMajor: c0 + c1 + c2), outcome: y, groups: g, weights: w)
    }

    /// `|a − b| ≤ 1e-12 · max(|a|, |b|)` (plus 1e-15 for values that are 0 up to rounding).
    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-12) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= tolerance * max(abs(a), abs(b)) + 1e-15
    }

    static func close(_ a: [MetricValue], _ b: [MetricValue]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0.value, $1.value) && $0.reason == $1.reason }
    }

    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1) }
    }

    /// The rows of `x` (and of the parallel arrays) repeated `weights[i]` times.
    static func expand(_ d: Data) -> Data {
        var rows: [Int] = []
        for (i, w) in d.weights.enumerated() { rows += Array(repeating: i, count: Int(w)) }
        var storage: [Double] = []
        for j in 0..<d.x.columns { storage += rows.map { d.x[$0, j] } }
        return Data(x: try! Matrix(rows: rows.count, columns: d.x.columns, columnMajor: storage),
                    outcome: rows.map { d.outcome[$0] }, groups: rows.map { d.groups[$0] }, weights: rows.map { _ in 1 })
    }

    /// `[1, x]` for the rows with a group.
    static func withIntercept(_ x: Matrix, rows: [Int]) throws -> Matrix {
        try OaxacaBlinder.design(x, rows: rows, columns: Array(0..<x.columns))
    }

    // MARK: - Compression

    @Test func patternsAreDistinctRowsInOrderOfFirstAppearance() throws {
        let x = try Matrix(rows: [[1, 2], [3, 4], [1, 2], [-0.0, 4], [0, 4], [3, 4]])
        let p = try #require(try DesignPatterns.compress(design: x, outcome: [1, 0, 1, 0, 0, 1], limit: 10))
        // (1,2,y1) (3,4,y0) (0,4,y0) (3,4,y1): −0 and 0 are one value; the outcome is part of the key.
        #expect(p.patterns == 4 && p.counts == [2, 1, 2, 1] && p.patternOfRow == [0, 1, 0, 2, 2, 3])
        #expect(p.design == (try Matrix(rows: [[1, 2], [3, 4], [0, 4], [3, 4]])) && p.outcome == [1, 0, 0, 1] && p.weight == [1, 1, 1, 1])
        let cells = try p.cells(groups: [1, 0, 1, -1, 0, 0])
        #expect(cells == [PatternCell(pattern: 0, group: 1, count: 2, frequency: 2), PatternCell(pattern: 1, group: 0, count: 1, frequency: 1),
                          PatternCell(pattern: 2, group: 0, count: 1, frequency: 1), PatternCell(pattern: 3, group: 0, count: 1, frequency: 1)])
        // More patterns than the limit: no compression.
        #expect(try DesignPatterns.compress(design: x, limit: 2) == nil)
        // Weights are part of the key and multiply the counts.
        let weighted = try #require(try DesignPatterns.compress(design: x, weights: [2, 2, 2, 0.5, 0.5, 1], limit: 10))
        #expect(weighted.counts == [2, 1, 2, 1] && weighted.weight == [2, 2, 0.5, 1])
        #expect(try weighted.cells(groups: [0, 0, 0, 0, 0, 0]).map(\.frequency) == [4, 2, 1, 1])
    }

    @Test func gridLikeDataCompressesAndContinuousDataDoesNot() throws {
        let grid = Self.data(rows: 4000, continuous: false, seed: 1)
        let p = try #require(try DesignPatterns.compress(design: grid.x, outcome: grid.outcome))
        #expect(p.patterns < 4000 / 4 && p.counts.reduce(0, +) == 4000)
        let continuous = Self.data(rows: 4000, continuous: true, seed: 1)
        #expect(try DesignPatterns.compress(design: continuous.x, outcome: continuous.outcome) == nil)
    }

    @Test func weightedGramEqualsTheSumOfScaledOuterProducts() throws {
        let d = Self.data(rows: 20_000, continuous: true, seed: 5)   // > 2 blocks of 8,192 rows
        let scale = d.weights.map { $0.squareRoot() }
        let g = try WeightedGram.compute(d.x, scale: scale)
        for a in 0..<3 {
            for b in 0..<3 {
                var s = 0.0
                for i in 0..<d.x.rows { s += d.weights[i] * d.x[i, a] * d.x[i, b] }
                #expect(Self.close(g[a, b], s, 1e-13))
                #expect(g[a, b] == g[b, a])
            }
        }
    }

    // MARK: - Logistic regression

    /// Row-level (binomial rows of trials `w`) against the patterns' binomial rows.
    func checkLogistic(_ d: Data, weighted: Bool) throws {
        let rows = d.groups.indices.filter { d.groups[$0] >= 0 }
        let design = try Self.withIntercept(d.x, rows: rows)
        let w = weighted ? rows.map { d.weights[$0] } : rows.map { _ in 1.0 }
        let y = rows.map { d.outcome[$0] }
        let onRows = weighted
            ? try LogisticRegression.fit(design: design, successes: zip(w, y).map { $0 * $1 }, trials: w)
            : try LogisticRegression.fit(design: design, outcome: y.map { $0 == 1 })
        // Compress the design (not the outcome), and count the outcome per pattern as a group.
        let p = try #require(try DesignPatterns.compress(design: design, weights: weighted ? w : nil, limit: design.rows))
        var trials = [Double](repeating: 0, count: p.patterns), successes = trials
        for cell in try p.cells(groups: y.map { Int32($0) }) {
            trials[cell.pattern] += cell.frequency
            if cell.group == 1 { successes[cell.pattern] += cell.frequency }
        }
        let compressed = try LogisticRegression.fit(design: p.design, successes: successes, trials: trials)
        #expect(onRows.converged && compressed.converged)
        #expect(Self.close(onRows.coefficients, compressed.coefficients))
        #expect(Self.close(onRows.standardErrors, compressed.standardErrors))
        #expect(Self.close(onRows.logLikelihood.value, compressed.logLikelihood.value))
        #expect(Self.close(onRows.auc.value, compressed.auc.value))
        if weighted {
            // Independent: the unweighted fit on the rows repeated w times.
            let e = Self.expand(Data(x: d.x, outcome: d.outcome, groups: d.groups, weights: d.weights))
            let eRows = e.groups.indices.filter { e.groups[$0] >= 0 }
            let expanded = try LogisticRegression.fit(design: try Self.withIntercept(e.x, rows: eRows),
                                                      outcome: eRows.map { e.outcome[$0] == 1 })
            #expect(Self.close(expanded.coefficients, onRows.coefficients))
            #expect(Self.close(expanded.standardErrors, onRows.standardErrors))
            #expect(Self.close(expanded.logLikelihood.value, onRows.logLikelihood.value))
            #expect(Self.close(expanded.auc.value, onRows.auc.value))
        }
    }

    @Test(arguments: [false, true], [false, true])
    func logisticOnPatternsEqualsLogisticOnRows(continuous: Bool, weighted: Bool) throws {
        try checkLogistic(Self.data(rows: 3000, continuous: continuous, seed: 11), weighted: weighted)
    }

    @Test func weightedAUCOfWholeCountsEqualsTheRankAUCBitForBit() {
        let scores = [0.3, 0.1, 0.3, 0.7, 0.1, 0.5, 0.3]
        let labels = [true, false, false, true, true, false, true]
        let rowWise = ReceiverOperating.auc(scores: scores, labels: labels)
        let weighted = ReceiverOperating.auc(scores: scores, positives: labels.map { $0 ? 1 : 0 }, negatives: labels.map { $0 ? 0 : 1 })
        #expect(rowWise == weighted)
        // By hand: 4 positives (0.3, 0.7, 0.1, 0.3), 3 negatives (0.1, 0.3, 0.5); pairs won
        // 0.3: 1 + ½ each (×2) = 3, 0.7: 3, 0.1: ½ → 6.5 / 12.
        #expect(weighted == .defined(6.5 / 12))
        #expect(ReceiverOperating.auc(scores: [1, 2], positives: [0, 0], negatives: [1, 1]).value == nil)
    }

    // MARK: - Least squares

    func checkLinear(_ d: Data, weighted: Bool, covariance: RobustCovariance) throws {
        let rows = d.groups.indices.filter { d.groups[$0] >= 0 }
        let design = try Self.withIntercept(d.x, rows: rows)
        let y = rows.map { d.outcome[$0] }
        let w = rows.map { d.weights[$0] }
        let onRows = weighted
            ? try LinearRegression.fit(design: design, outcome: y, frequencies: w, observations: rows.count, covariance: covariance)
            : try LinearRegression.fit(design: design, outcome: y, covariance: covariance)
        let p = try #require(try DesignPatterns.compress(design: design, outcome: y, weights: weighted ? w : nil, limit: design.rows))
        let compressed = try LinearRegression.fit(design: p.design, outcome: p.outcome,
                                                  frequencies: zip(p.counts, p.weight).map { Double($0) * $1 },
                                                  observations: rows.count, covariance: covariance)
        #expect(Self.close(onRows.coefficients, compressed.coefficients))
        #expect(Self.close(onRows.standardErrors, compressed.standardErrors))
        #expect(Self.close(onRows.covariance!.storage, compressed.covariance!.storage))
        #expect(Self.close(onRows.residualSumOfSquares, compressed.residualSumOfSquares))
        #expect(onRows.observations == compressed.observations)
        if weighted {
            let e = Self.expand(d)
            let eRows = e.groups.indices.filter { e.groups[$0] >= 0 }
            let expanded = try LinearRegression.fit(design: try Self.withIntercept(e.x, rows: eRows), outcome: eRows.map { e.outcome[$0] },
                                                    covariance: covariance)
            #expect(Self.close(expanded.coefficients, onRows.coefficients))
            #expect(Self.close(expanded.standardErrors, onRows.standardErrors))
            #expect(Self.close(expanded.residualSumOfSquares, onRows.residualSumOfSquares))
        }
    }

    @Test(arguments: [false, true], [false, true])
    func leastSquaresOnPatternsEqualsLeastSquaresOnRows(continuous: Bool, weighted: Bool) throws {
        let d = Self.data(rows: 3000, continuous: continuous, seed: 21)
        try checkLinear(d, weighted: weighted, covariance: .hc1)
        try checkLinear(d, weighted: weighted, covariance: .hc3)
    }

    @Test func fewerPatternsThanCoefficientsIsRankDeficientAsOnTheRows() throws {
        // 40 rows, 2 distinct rows (with their outcome), 3 columns: the rows are rank deficient;
        // so are the 2 patterns (padded to 3 rows with a zero-frequency row).
        let x = try Matrix(rows: (0..<40).map { i in i % 2 == 0 ? [1, 0, 1] : [1, 1, 0] })
        let y = (0..<40).map { Double($0 % 2) * 3 + 1 }
        #expect(throws: LinearAlgebraError.self) { try LinearRegression.fit(design: x, outcome: y) }
        let p = try #require(try DesignPatterns.compress(design: x, outcome: y, limit: 40))
        #expect(p.patterns == 2)
        #expect(throws: LinearAlgebraError.self) {
            try LinearRegression.fit(design: p.design, outcome: p.outcome, frequencies: p.counts.map(Double.init), observations: 40)
        }
    }

    // MARK: - Oaxaca–Blinder

    static func check(_ a: [OaxacaBlinderDecomposition], _ b: [OaxacaBlinderDecomposition]) {
        #expect(a.count == b.count)
        for (u, v) in zip(a, b) {
            #expect(u.group == v.group && u.count == v.count && u.referenceCount == v.referenceCount)
            #expect(close([u.outcomeMean, u.referenceOutcomeMean, u.gap, u.explained, u.explainedStandardError,
                           u.unexplained, u.unexplainedStandardError],
                          [v.outcomeMean, v.referenceOutcomeMean, v.gap, v.explained, v.explainedStandardError,
                           v.unexplained, v.unexplainedStandardError]))
            #expect(u.droppedCriteria == v.droppedCriteria && u.byCriterion.count == v.byCriterion.count)
            for (p, q) in zip(u.byCriterion, v.byCriterion) {
                #expect(close([p.groupMean, p.referenceMean, p.referenceCoefficient, p.part], [q.groupMean, q.referenceMean, q.referenceCoefficient, q.part]))
                #expect(close([p.standardError], [q.standardError]))
            }
            #expect(close(u.groupFit!.coefficients, v.groupFit!.coefficients))
            #expect(close(u.groupFit!.standardErrors, v.groupFit!.standardErrors))
            #expect(close(u.referenceFit!.standardErrors, v.referenceFit!.standardErrors))
        }
    }

    @Test(arguments: [false, true], [false, true])
    func oaxacaBlinderOnPatternsEqualsOaxacaBlinderOnRows(continuous: Bool, weighted: Bool) throws {
        let d = Self.data(rows: 3000, continuous: continuous, seed: 31)
        let criteria = ["a", "b", "c"]
        for covariance in RobustCovariance.allCases {
            for regressors in RegressorVariance.allCases {
                let onRows = try OaxacaBlinder.decompose(characteristics: d.x, criteria: criteria, outcome: d.outcome, groups: d.groups,
                                                         reference: 0, covariance: covariance, regressors: regressors,
                                                         weights: weighted ? d.weights : nil)
                let p = try #require(try DesignPatterns.compress(design: d.x, outcome: d.outcome, weights: weighted ? d.weights : nil,
                                                                 limit: d.x.rows))
                let compressed = try OaxacaBlinder.decompose(patterns: p, criteria: criteria, groups: d.groups, reference: 0,
                                                             covariance: covariance, regressors: regressors)
                #expect(onRows.count == 2)
                Self.check(onRows, compressed)
                if weighted {
                    let e = Self.expand(d)
                    let expanded = try OaxacaBlinder.decompose(characteristics: e.x, criteria: criteria, outcome: e.outcome, groups: e.groups,
                                                               reference: 0, covariance: covariance, regressors: regressors)
                    // Same decompositions; the counts are rows (expanded: the weights' sums).
                    for (u, v) in zip(expanded, onRows) {
                        #expect(Self.close([u.gap, u.explained, u.explainedStandardError, u.unexplained, u.unexplainedStandardError],
                                           [v.gap, v.explained, v.explainedStandardError, v.unexplained, v.unexplainedStandardError]))
                    }
                }
            }
        }
    }

    @Test func oaxacaBlinderDropsTheSameConstantCriterionOnPatterns() throws {
        var d = Self.data(rows: 2000, continuous: false, seed: 41)
        // Criterion a constant (0) in group 1: dropped from both regressions, on rows and on patterns.
        var storage = d.x.storage
        for i in 0..<d.x.rows where d.groups[i] == 1 { storage[i] = 0 }
        d.x = try Matrix(rows: d.x.rows, columns: 3, columnMajor: storage)
        let onRows = try OaxacaBlinder.decompose(characteristics: d.x, criteria: ["a", "b", "c"], outcome: d.outcome, groups: d.groups, reference: 0)
        let p = try #require(try DesignPatterns.compress(design: d.x, outcome: d.outcome))
        let compressed = try OaxacaBlinder.decompose(patterns: p, criteria: ["a", "b", "c"], groups: d.groups, reference: 0)
        #expect(onRows.first { $0.group == 1 }?.droppedCriteria == ["a"])
        Self.check(onRows, compressed)
    }

    // MARK: - Proxy detection

    func checkProxies(_ d: Data, weighted: Bool) throws {
        // Criterion a takes 2 values (categorical: Cramér's V), b and c more (numeric: η).
        func features(_ x: Matrix) -> [ProxyFeature] {
            [ProxyFeature(name: "a", values: .categorical((0..<x.rows).map { x[$0, 0] > 0 ? 1 : 0 })),
             ProxyFeature(name: "b", values: .numeric((0..<x.rows).map { x[$0, 1] })),
             ProxyFeature(name: "c", values: .numeric((0..<x.rows).map { x[$0, 2] }))]
        }
        let onRows = try ProxyDetection.analyse(attribute: "g", groups: d.groups, features: features(d.x), weights: weighted ? d.weights : nil)
        let p = try #require(try DesignPatterns.compress(design: d.x, weights: weighted ? d.weights : nil, limit: d.x.rows))
        let compressed = try ProxyDetection.analyse(attribute: "g", groups: d.groups, patterns: p, features: features(p.design))
        #expect(onRows.ranked.map(\.feature) == compressed.ranked.map(\.feature))
        #expect(onRows.ranked.map(\.count) == compressed.ranked.map(\.count))
        #expect(Self.close(onRows.ranked.map(\.value), compressed.ranked.map(\.value)))
        #expect(onRows.modelObservations == compressed.modelObservations && onRows.models.count == 3)
        for (u, v) in zip(onRows.models, compressed.models) {
            #expect(u.level == v.level && u.positives == v.positives && u.negatives == v.negatives && u.terms == v.terms)
            #expect(Self.close(u.fit.coefficients, v.fit.coefficients))
            #expect(Self.close(u.fit.standardErrors, v.fit.standardErrors))
            #expect(Self.close([u.fit.logLikelihood, u.fit.auc], [v.fit.logLikelihood, v.fit.auc]))
        }
        if weighted {
            let e = Self.expand(d)
            let expanded = try ProxyDetection.analyse(attribute: "g", groups: e.groups, features: features(e.x))
            #expect(Self.close(expanded.ranked.map(\.value), onRows.ranked.map(\.value)))
            for (u, v) in zip(expanded.models, onRows.models) {
                #expect(Self.close(u.fit.coefficients, v.fit.coefficients))
                #expect(Self.close(u.fit.standardErrors, v.fit.standardErrors))
                #expect(Self.close([u.fit.logLikelihood, u.fit.auc], [v.fit.logLikelihood, v.fit.auc]))
            }
        }
    }

    @Test(arguments: [false, true], [false, true])
    func proxyDetectionOnPatternsEqualsProxyDetectionOnRows(continuous: Bool, weighted: Bool) throws {
        try checkProxies(Self.data(rows: 3000, continuous: continuous, seed: 51), weighted: weighted)
    }

    @Test func unitFrequenciesGiveTheUnweightedAssociationsBitForBit() {
        let d = Self.data(rows: 1000, continuous: true, seed: 61)
        let ones = [Double](repeating: 1, count: 1000)
        let a = (0..<1000).map { Int32(d.x[$0, 0] > 0 ? 1 : 0) }
        #expect(Association.cramersV(a, d.groups) == Association.cramersV(a, d.groups, frequencies: ones))
        let b = (0..<1000).map { d.x[$0, 2] }
        #expect(Association.correlationRatio(b, groups: d.groups) == Association.correlationRatio(b, groups: d.groups, frequencies: ones))
        // Frequencies 2 for every row: the same V and η (both are scale-free in n).
        let twos = [Double](repeating: 2, count: 1000)
        #expect(Self.close(Association.cramersV(a, d.groups).value, Association.cramersV(a, d.groups, frequencies: twos).value))
        #expect(Self.close(Association.correlationRatio(b, groups: d.groups).value,
                           Association.correlationRatio(b, groups: d.groups, frequencies: twos).value))
    }

    // MARK: - Designs held as distinct rows and the row of each applicant

    /// `distinct` and the index of each row such that `distinct[index[i], ·]` is row `i` of `x`
    /// (patterns in order of first appearance, as a points grid's design holds its features).
    static func distinctRows(_ x: Matrix) throws -> (Matrix, [Int32]) {
        var seen: [[Double]: Int32] = [:], rows: [[Double]] = [], index: [Int32] = []
        for i in 0..<x.rows {
            let row = (0..<x.columns).map { x[i, $0] }
            if let p = seen[row] { index.append(p) } else { seen[row] = Int32(rows.count); index.append(Int32(rows.count)); rows.append(row) }
        }
        return (try Matrix(rows: rows), index)
    }

    /// Compressing a design given as distinct rows and an index is compressing the rows
    /// written out: same patterns, counts, pattern of each row.
    @Test func compressingIndexedRowsEqualsCompressingTheRowsWrittenOut() throws {
        let d = Self.data(rows: 3000, continuous: false, seed: 5)
        let (distinct, index) = try Self.distinctRows(d.x)
        #expect(distinct.rows < d.x.rows)
        let expected = try #require(try DesignPatterns.compress(design: d.x, outcome: d.outcome, weights: d.weights, limit: 3000))
        let indexed = try #require(try DesignPatterns.compress(design: distinct, rows: index, outcome: d.outcome, weights: d.weights, limit: 3000))
        #expect(indexed.patterns < 3000)
        #expect(indexed.design == expected.design && indexed.counts == expected.counts && indexed.patternOfRow == expected.patternOfRow)
        #expect(indexed.outcome == expected.outcome && indexed.weight == expected.weight)
        #expect(throws: DriversError.self) { try DesignPatterns.compress(design: distinct, rows: [0, Int32(distinct.rows)]) }
    }

    /// The score-gap decomposition on distinct rows and an index equals the one on the rows
    /// written out exactly (whole points: the row sums are exact), on every group.
    @Test func scoreGapsOnIndexedRowsEqualTheRowsWrittenOut() throws {
        let d = Self.data(rows: 3000, continuous: false, seed: 6)
        let (distinct, index) = try Self.distinctRows(d.x)
        let criteria = ["a", "b", "c"]
        for reference: Int32 in [0, 2] {
            let expected = try ScoreGapDecomposition.decompose(contributions: d.x, criteria: criteria, groups: d.groups, reference: reference)
            let indexed = try ScoreGapDecomposition.decompose(contributions: distinct, rows: index, criteria: criteria, groups: d.groups, reference: reference)
            #expect(expected.count == 2 && indexed == expected)
        }
        #expect(throws: DriversError.self) {
            try ScoreGapDecomposition.decompose(contributions: distinct, rows: [Int32](repeating: -1, count: 3000), criteria: criteria, groups: d.groups, reference: 0)
        }
    }
}

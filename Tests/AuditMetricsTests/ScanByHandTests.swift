import AuditData
import AuditMetrics
import LinearAlgebra
import TestSupport
import Testing

/// The scan's steps against values computed by hand or by scipy/statsmodels
/// (`Fixtures/reference/scan/scan_reference.py`).
@Suite("ScanByHand")
struct ScanByHandTests {
    /// 1-D points 0, 1, 2, 10, 11, 12 from centroids 0 and 1. Iteration 1: only 0 is nearer 0,
    /// so the centroids become 0 and (1+2+10+11+12)/5 = 7.2; iteration 2: 1 and 2 move to the
    /// first (1 < 6.2, 2 < 5.2), centroids 1 and 11; iteration 3: nothing moves. Inertia
    /// (1+0+1) + (1+0+1) = 4.
    @Test func lloydIterationsByHand() throws {
        let x = try Matrix(rows: 6, columns: 1, columnMajor: [0, 1, 2, 10, 11, 12])
        let start = try Matrix(rows: 2, columns: 1, columnMajor: [0, 1])
        let result = try KMeansBisection.lloyd(x, start: start)
        #expect(result.sides == [0, 0, 0, 1, 1, 1])
        #expect(abs(result.centroids[0, 0] - 1) < 1e-12 && abs(result.centroids[1, 0] - 11) < 1e-12)
        #expect(abs(result.inertia - 4) < 1e-12)
    }

    /// 2-D: four points at the corners of two far-apart unit segments; any seed bisects them
    /// into the two segments, centroids (0, 0.5) and (10, 0.5), inertia 4 × 0.25 = 1.
    @Test func bisectionSeparatesTwoObviousGroups() throws {
        let x = try Matrix(rows: [[0, 0], [10, 0], [0, 1], [10, 1]])
        for seed in 1...5 {
            var random = SplitMix64(state: UInt64(seed))
            let result = try #require(try KMeansBisection.bisect(x, using: &random))
            #expect(result.sides[0] == result.sides[2] && result.sides[1] == result.sides[3] && result.sides[0] != result.sides[1])
            #expect(abs(result.inertia - 1) < 1e-12)
            let c = result.sides[0] == 0 ? (0, 1) : (1, 0)
            #expect(abs(result.centroids[c.0, 0]) < 1e-12 && abs(result.centroids[c.0, 1] - 0.5) < 1e-12)
            #expect(abs(result.centroids[c.1, 0] - 10) < 1e-12)
            // A held-out point goes to the nearer centroid.
            let sides = try KMeansBisection.assign(try Matrix(rows: [[1, 0], [9, 1]]), centroids: result.centroids)
            #expect(sides == [result.sides[0], result.sides[1]])
        }
        var random = SplitMix64(state: 1)
        #expect(try KMeansBisection.bisect(try Matrix(rows: [[1, 1], [1, 1], [1, 1]]), using: &random) == nil)
    }

    /// 12 kept of 40 in the cluster against 50 of 80: statsmodels `proportions_ztest` and
    /// `confint_proportions_2indep(method='newcomb')`.
    @Test func splitTestOnYesNoOutcome() {
        let outcome = (0..<40).map { $0 < 12 ? 1.0 : 0 } + (0..<80).map { $0 < 50 ? 1.0 : 0 }
        let inside = (0..<120).map { $0 < 40 }
        let c = ScanComparison.compare(outcome: outcome, inCluster: inside, binary: true)
        #expect(c.clusterSize == 40 && c.restSize == 80)
        #expect(abs(c.difference - -0.325) < 1e-12)
        #expect(abs((c.pValue ?? 1) - 0.0007838036318943155) < 1e-12)
        #expect(abs((c.interval?.low ?? 0) - -0.4793902353233533) < 1e-9)
        #expect(abs((c.interval?.high ?? 0) - -0.13578692045476357) < 1e-9)
    }

    /// Welch: `scipy.stats.ttest_ind(a, b, equal_var=False)` and its confidence interval.
    @Test func splitTestOnNumericOutcome() {
        let a = [1.0, 2.0, 2.5, 3.0, 4.5, 2.0], b = [3.0, 4.0, 5.5, 4.5, 6.0, 5.0, 3.5, 4.0]
        let c = ScanComparison.compare(outcome: a + b, inCluster: a.map { _ in true } + b.map { _ in false }, binary: false)
        #expect(abs(c.difference - -1.9375) < 1e-12)
        #expect(abs((c.pValue ?? 1) - 0.009311825450131782) < 1e-9)
        #expect(abs((c.interval?.low ?? 0) - -3.2804906894306134) < 1e-8)
        #expect(abs((c.interval?.high ?? 0) - -0.5945093105693864) < 1e-8)
        // No variation at all: undefined, with the reason.
        let flat = ScanComparison.compare(outcome: [1, 1, 1, 1], inCluster: [true, true, false, false], binary: false)
        #expect(flat.pValue == nil && flat.reason != nil)
        let same = ScanComparison.compare(outcome: [1, 1, 1, 1], inCluster: [true, true, false, false], binary: true)
        #expect(same.pValue == nil && same.reason != nil)
    }

    @Test func bonferroniAndStudentPValue() {
        let adjusted = MultipleTesting.bonferroni([0.01, 0.04, 0.3])
        for (x, y) in zip(adjusted, [0.03, 0.12, 0.9]) { #expect(abs(x - y) < 1e-15) }
        #expect(abs((StudentT.twoSidedPValue(2.5, degreesOfFreedom: 7.3) ?? 0) - 0.03965023466560043) < 1e-10)
        #expect(StudentT.twoSidedPValue(.infinity, degreesOfFreedom: 3) == nil)
    }

    /// Members: 10 applicants of Nord earning 800…890; others: 5 of Nord and 5 of Sud earning
    /// 1,000…1,900. Income proposes "at most 890" (its 5th percentile is the population's
    /// minimum: open below) and keeps only members (precision 1); commune proposes "Nord"
    /// (precision 10/15). The greedy step takes income alone: coverage 1, precision 1.
    @Test func descriptionByHand() {
        let income = (0..<10).map { 800 + 10 * Double($0) } + (0..<10).map { 1_000 + 100 * Double($0) }
        let commune: [UInt32] = Array(repeating: 0, count: 10) + (0..<10).map { $0 % 2 == 0 ? 0 : 1 }
        let features = [ScanFeature(name: "revenu", values: .numeric(income)),
                        ScanFeature(name: "commune", values: .categorical(codes: GroupCodes(commune, groupCount: 2), labels: ["Nord", "Sud"], missing: nil))]
        let d = ClusterDescription.describe(features: features, rows: Array(0..<20), isMember: (0..<20).map { $0 < 10 })
        #expect(d.conditions == [ScanCondition(feature: "revenu", kind: .range(low: nil, high: 890))])
        #expect(d.coverage == 1 && d.precision == 1)
        // Without the income, the commune: coverage 1, precision 10/15.
        let byCommune = ClusterDescription.describe(features: [features[1]], rows: Array(0..<20), isMember: (0..<20).map { $0 < 10 })
        #expect(byCommune.conditions == [ScanCondition(feature: "commune", kind: .categories(["Nord"]))])
        #expect(abs(byCommune.precision - 10.0 / 15) < 1e-12)
    }

    /// The description's coverage and precision, counted on sets of rows as bits (``RowSet``),
    /// are the shares a row-by-row count of its conditions gives — on 3,000 rows (not a multiple
    /// of 64) of a sub-population, with missing numbers, for clusters of several shapes.
    @Test func descriptionSharesAreThoseOfARowByRowCount() {
        var random = SplitMix64(state: 21)
        let size = 5_000
        let income = (0..<size).map { _ in random.uniform() < 0.03 ? Double.nan : 500 + 3_000 * random.uniform() }
        let age = (0..<size).map { _ in Double(18 + random.int(70)) }
        let commune = (0..<size).map { _ in UInt32(random.int(5)) }
        let features = [ScanFeature(name: "revenu", values: .numeric(income)), ScanFeature(name: "age", values: .numeric(age)),
                        ScanFeature(name: "commune", values: .categorical(codes: GroupCodes(commune, groupCount: 5), labels: ["A", "B", "C", "D", "E"], missing: nil))]
        let rows = (0..<size).filter { $0 % 5 != 0 }.prefix(3_000).map { $0 }
        let population = ClusterDescription.Population(features: features, rows: rows)
        func meets(_ c: ScanCondition, _ r: Int) -> Bool {
            let f = features.first { $0.name == c.feature }!
            switch (c.kind, f.values) {
            case (.range(let low, let high), .numeric(let v)):
                return !v[r].isNaN && (low.map { v[r] >= $0 } ?? true) && (high.map { v[r] <= $0 } ?? true)
            case (.categories(let labels), .categorical(let codes, let all, _)):
                return labels.contains(all[Int(codes[r])])
            default: return false
            }
        }
        let clusters: [(Int) -> Bool] = [
            { r in !income[r].isNaN && income[r] < 1_200 && age[r] > 40 },
            { r in commune[r] == 2 || (commune[r] == 3 && age[r] < 30) },
            { r in age[r] >= 60 },
        ]
        var described = 0
        for inCluster in clusters {
            let isMember = rows.map(inCluster)
            let d = ClusterDescription.describe(population, isMember: isMember)
            #expect(d == ClusterDescription.describe(features: features, rows: rows, isMember: isMember))
            guard !d.conditions.isEmpty else { continue }
            described += 1
            let meeting = rows.indices.filter { i in d.conditions.allSatisfy { meets($0, rows[i]) } }
            let inside = meeting.filter { isMember[$0] }.count
            #expect(d.coverage == Double(inside) / Double(isMember.filter { $0 }.count))
            #expect(d.precision == Double(inside) / Double(meeting.count))
        }
        #expect(described >= 2)
    }

    /// Standardised numbers (divisor n) and one-hot categories at 1/√2; a constant column is left out.
    @Test func featureMatrixByHand() throws {
        let features = [ScanFeature(name: "x", values: .numeric([1, 3, .nan, 5])),
                        ScanFeature(name: "k", values: .numeric([2, 2, 2, 2])),
                        ScanFeature(name: "c", values: .categorical(codes: [0, 1, 1, 0], labels: ["a", "b"], missing: nil))]
        let m = try ScanFeatureMatrix(features: features, rows: [0, 1, 2, 3]).matrix
        #expect(m.rows == 4 && m.columns == 3)
        let sd = (8.0 / 3).squareRoot()  // mean 3 over 1, 3, 5; squared deviations 4 + 0 + 4
        #expect(abs(m[0, 0] - -2 / sd) < 1e-12 && m[1, 0] == 0 && m[2, 0] == 0 && abs(m[3, 0] - 2 / sd) < 1e-12)
        #expect(m[0, 1] == 0.5.squareRoot() && m[0, 2] == 0 && m[1, 2] == 0.5.squareRoot())
    }
}

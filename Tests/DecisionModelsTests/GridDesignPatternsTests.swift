import TestSupport
import AuditData
import AuditMetrics
@testable import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// The design held as the distinct rows of `X` and the pattern of each applicant (issue 21,
/// point 6: no applicants × features matrix): every result equals, bit for bit, the same
/// design held as `X` itself (`GridDesign.uncompressed()`) — `X` materialised, the scores
/// under the grid's weights and under every sensitivity variant, the criteria's points, and
/// the sensitivity analysis's streamed scores and selections on 1 and 2 workers.
@Suite("GridDesignPatterns")
struct GridDesignPatternsTests {
    /// The housing sample's 5,000 applicants three times (ids made distinct): about 2,600
    /// distinct rows of `X` for 15,000 applicants, so the design compresses (at most n/4 patterns).
    static func designs() throws -> (compressed: GridDesign, dense: GridDesign) {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        let lines = try String(contentsOfFile: RepositoryPaths.housing("applicants-sample.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        var text = lines[0] + "\n"
        for copy in 0..<3 { for line in lines.dropFirst() { text += "\(copy)-\(line)\n" } }
        let path = try RepositoryPaths.temporaryFile(String(text))
        let (design, _) = try OneRead.designAndGroups(grid: grid, csvPath: path, protected: [])
        return (design, design.uncompressed())
    }

    @Test func theFixtureCompressesAndItsRowsAreTheDenseRows() throws {
        let (compressed, dense) = try Self.designs()
        let patterns = try #require(compressed.patternOfRow)
        #expect(patterns.count == compressed.rows)
        #expect(compressed.featurePatterns.rows < compressed.rows / 4)
        #expect(dense.patternOfRow == nil && dense.featurePatterns.rows == dense.rows)
        #expect(compressed.features.storage.map(\.bitPattern) == dense.features.storage.map(\.bitPattern))
        #expect(compressed.scaledFeatures().storage.map(\.bitPattern) == dense.scaledFeatures().storage.map(\.bitPattern))
        // Each pattern is the row of its first applicant.
        var first = [Int](repeating: -1, count: compressed.featurePatterns.rows)
        for (i, p) in patterns.enumerated() where first[Int(p)] < 0 { first[Int(p)] = i }
        #expect(first == first.sorted() && !first.contains(-1))
    }

    @Test func scoresAndPointsEqualTheDenseDesignExactly() throws {
        let (compressed, dense) = try Self.designs()
        #expect(try compressed.scores().map(\.bitPattern) == dense.scores().map(\.bitPattern))
        #expect(try compressed.contributions().storage.map(\.bitPattern) == dense.contributions().storage.map(\.bitPattern))
        let halved = dense.weights.map { $0 / 2 }
        #expect(try compressed.contributions(weights: halved).storage.map(\.bitPattern) == dense.contributions(weights: halved).storage.map(\.bitPattern))
        let w = try GridSensitivity.weightMatrix(of: dense, variants: GridSensitivity.variants(of: dense))
        let a = try compressed.exactScores(weights: w), b = try dense.exactScores(weights: w)
        #expect(a.decimals == b.decimals)
        #expect(a.scaled.rows == b.scaled.rows && a.scaled.columns == b.scaled.columns)
        #expect(a.scaled.storage.map(\.bitPattern) == b.scaled.storage.map(\.bitPattern))
    }

    @Test func streamedSensitivityEqualsTheDenseDesignExactly() throws {
        let (compressed, dense) = try Self.designs()
        let w = try GridSensitivity.weightMatrix(of: dense, variants: GridSensitivity.variants(of: dense))
        let expected = try GridSensitivity.measure(design: dense, weights: w, threads: 1) { points, selected in
            (points.map(\.bitPattern), Array(selected))
        }
        for threads in [1, 2] {
            let streamed = try GridSensitivity.measure(design: compressed, weights: w, threads: threads) { points, selected in
                (points.map(\.bitPattern), Array(selected))
            }
            #expect(streamed.count == expected.count)
            for v in expected.indices {
                #expect(streamed[v].value.0 == expected[v].value.0, "variant \(v), \(threads) threads")
                #expect(streamed[v].value.1 == expected[v].value.1, "variant \(v), \(threads) threads")
                #expect(streamed[v].selected == expected[v].selected)
            }
        }
    }

    /// `X` written by blocks and compressed block by block (`GridDesign.features`) has the
    /// patterns, in the same order, and the pattern of each row that `DesignPatterns` gives on
    /// `X` whole, whatever the block size; `X` itself when it does not compress or holds a −0.
    @Test(arguments: [1, 7, 1_000, 65_536])
    func blockwisePatternsEqualTheWholeMatrixPatterns(block: Int) throws {
        // 4,000 rows, 3 features: a flag, a capped count (0…12), a band indicator.
        let n = 4_000, k = 3
        var x = [Double](repeating: 0, count: n * k)
        var state: UInt64 = 42
        for i in 0..<n {
            for j in 0..<k {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let u = Int(state >> 33)
                x[i + j * n] = j == 1 ? Double(u % 13) : Double(u % 2)
            }
        }
        func writers(_ x: [Double], rows n: Int) -> [(Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void] {
            (0..<k).map { j in
                { r, out in for i in r { out[j * r.count + i - r.lowerBound] = x[i + j * n] } }
            }
        }
        let whole = try #require(try DesignPatterns.compress(design: Matrix(rows: n, columns: k, columnMajor: x)))
        let (patterns, rows) = try GridDesign.features(rows: n, columns: k, blockRows: block, writers: writers(x, rows: n))
        #expect(rows == whole.patternOfRow)
        #expect(patterns.storage.map(\.bitPattern) == whole.design.storage.map(\.bitPattern))

        // All rows distinct (more patterns than n/4): X itself.
        let distinct = (0..<(n * k)).map(Double.init)
        let (dense, none) = try GridDesign.features(rows: n, columns: k, blockRows: block, writers: writers(distinct, rows: n))
        #expect(none == nil && dense.rows == n && dense.storage == distinct)
        // A −0 would be folded into +0 by the patterns: X itself, −0 kept.
        var negativeZero = x
        negativeZero[n - 1] = -0.0
        let (kept, noPatterns) = try GridDesign.features(rows: n, columns: k, blockRows: block, writers: writers(negativeZero, rows: n))
        #expect(noPatterns == nil && kept.storage.map(\.bitPattern) == negativeZero.map(\.bitPattern))
    }
}

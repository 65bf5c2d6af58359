import AuditMetrics
import LinearAlgebra
import Testing

/// Vigie's splitting against Algorithm Audit's reference implementation
/// (`unsupervised-bias-detection` 0.2.6 from PyPI, `BiasAwareHierarchicalKMeans`), run by
/// `Fixtures/reference/scan/hbac_reference.py` on the same two tables; its output, for ten
/// random states of scikit-learn's k-means, is `Fixtures/reference/scan/hbac_reference_output.txt`.
/// The tables: four blobs of 15 rows, rows 0–14, 15–29, 30–44, 45–59 (`docs/scan.md`, "Against
/// Algorithm Audit's implementation"); minimum cluster size 10, whole table (no held-out half).
@Suite("ScanAlgorithmAudit")
struct ScanAlgorithmAuditTests {
    static let centres = [0.0, 4.0, 20.0, 24.0]

    /// The table of the script, standardised as the scan does (`ScanFeatureMatrix`).
    static func table(ones: [Int]) throws -> (x: Matrix, y: [Double]) {
        var x: [Double] = [], x2: [Double] = [], y: [Double] = []
        for (b, centre) in centres.enumerated() {
            for j in 0..<15 {
                x.append(centre + 0.15 * Double((7 * j) % 5 - 2))
                x2.append(centre / 2 + 0.15 * Double((3 * j) % 7 - 3))
                y.append(j < ones[b] ? 1 : 0)
            }
        }
        let features = [ScanFeature(name: "x", values: .numeric(x)), ScanFeature(name: "x2", values: .numeric(x2))]
        return (try ScanFeatureMatrix(features: features, rows: Array(0..<60)).matrix, y)
    }

    static let blobs = (0..<4).map { b in Array(15 * b..<15 * b + 15) }

    /// Table A (kept shares 0.2, 0.8, 0.4, 0.8): the reference finds the four blobs on every
    /// random state; so does Vigie on every seed — the same members.
    @Test func sameSplitsAsTheReference() throws {
        let (x, y) = try Self.table(ones: [3, 12, 6, 12])
        for seed in 1...10 {
            #expect(try BiasScan.discoveryLeaves(x, outcome: y, minimumSize: 10, seed: UInt64(seed)) == Self.blobs, "seed \(seed)")
        }
    }

    /// Table B (shares 0.2, 0.8, 0.6, 0.6): the reference again finds the four blobs — it keeps
    /// the cut of C and D because each side's score, mean(every other row) − mean(side) =
    /// 24/45 − 0.6 = −0.067, is above the parent's, 0.5 − 0.6 = −0.1 — while Vigie keeps a cut
    /// only when its two sides' mean outcomes differ, and leaves C ∪ D whole: the deliberate
    /// difference of `docs/scan.md`. The other cuts are the same.
    @Test func theDeliberateDifference() throws {
        let (x, y) = try Self.table(ones: [3, 12, 9, 9])
        for seed in 1...10 {
            #expect(try BiasScan.discoveryLeaves(x, outcome: y, minimumSize: 10, seed: UInt64(seed))
                    == [Self.blobs[0], Self.blobs[1], Self.blobs[2] + Self.blobs[3]], "seed \(seed)")
        }
    }
}

/// Hamerly's bounds (Hamerly 2010, "Making k-means even faster", SIAM SDM) for k = 2: the
/// points whose side cannot change under the new centroids keep it without their distances
/// being computed, and the iterations give the same sides, sums and centroids bit for bit.
///
/// For each point, a lower bound on `d_other − d_own` (its distances to the other centroid and
/// to its own). When the centroids move by `δ₀` and `δ₁`, by the triangle inequality the gap
/// shrinks by at most `δ₀ + δ₁` whatever the side: the bound is stored once with the movement
/// travelled so far (``travelled``), and read against the movement at the time of the pass.
///
/// **The same bits as computing every point.** A point is skipped only when the bound proves
/// that the comparison the pass makes in floating point (`‖c₁‖² − 2x·c₁ < ‖c₀‖² − 2x·c₀`) gives
/// its side again. Each of those two numbers is a sum of at most p + 1 terms whose magnitudes
/// add to at most `(‖x‖ + ‖c‖)²`, so its rounding error is below `γ·(‖x‖ + ‖c‖)²` with
/// `γ` = p·2⁻⁵³ to first order; ``roundingAllowance`` takes γ = 10⁻¹², a hundred times that for
/// p up to 100. If the true gap `L = d_other − d_own` exceeds `√(2γ)·(‖x‖ + ‖c‖)` (``Pass/margin``,
/// with the largest point norm and centroid norm), then `d_other² − d_own² ≥ L² > 2γ(‖x‖ + ‖c‖)²`,
/// more than both errors: the computed comparison is the true one. A bound is stored from
/// computed distances, whose errors are below the same margin each, so it is lowered by twice
/// the margin; movements are enlarged by 10⁻⁹ of themselves against their own rounding. A tie or
/// a point closer than that to the other side is always computed; so is every point of the
/// first pass, and of the pass measuring the inertia.
final class SideBounds: @unchecked Sendable {
    /// γ above.
    static let roundingAllowance = 1e-12

    let count: Int
    /// Per point: a lower bound on its gap when stored, plus ``travelled`` then.
    private let stored: UnsafeMutablePointer<Double>
    /// An upper bound on `Σ (δ₀ + δ₁)` over the iterations so far.
    private(set) var travelled = 0.0
    /// The largest `‖x‖` among the points.
    let largestPointNorm: Double

    /// No bound yet: every point is computed in the first pass.
    init(points: ScanPoints, members: [Int]) {
        count = members.count
        stored = .allocate(capacity: count)
        stored.initialize(repeating: -.infinity, count: count)
        var largest = 0.0
        for i in members { largest = Swift.max(largest, points.norms[i]) }
        largestPointNorm = largest.squareRoot()
    }

    deinit { stored.deallocate() }

    /// Records that the centroids (2 × p, column-major) moved from `old` to `new`.
    func centroidsMoved(from old: [Double], to new: [Double]) {
        var d0 = 0.0, d1 = 0.0
        for j in 0..<(old.count / 2) {
            let a = new[2 * j] - old[2 * j], b = new[2 * j + 1] - old[2 * j + 1]
            d0 += a * a
            d1 += b * b
        }
        travelled += (d0.squareRoot() + d1.squareRoot()) * (1 + 1e-9)
    }

    /// The bounds as one pass reads and writes them, under centroids of squared norms `cn0`, `cn1`.
    func pass(centroidNorms cn0: Double, _ cn1: Double) -> Pass {
        let margin = (2 * Self.roundingAllowance).squareRoot() * (largestPointNorm + Swift.max(cn0, cn1).squareRoot())
        return Pass(stored: stored, travelled: travelled, margin: margin)
    }

    /// One pass's view; each worker reads and writes the points of its own chunks only.
    struct Pass: @unchecked Sendable {
        let stored: UnsafeMutablePointer<Double>
        let travelled: Double
        /// `√(2γ)·(largest ‖x‖ + largest ‖c‖)`.
        let margin: Double

        /// Whether point `i`'s side may change (not `>`: a NaN bound is computed).
        @inline(__always) func mayChange(_ i: Int) -> Bool {
            !(stored[i] - travelled > margin)
        }

        /// Stores point `i`'s bound from the pass's `s_k = ‖c_k‖² − 2x·c_k` and its squared norm.
        @inline(__always) func measured(_ i: Int, norm: Double, _ s0: Double, _ s1: Double, side: UInt8) {
            let d0 = Swift.max(0, norm + s0).squareRoot(), d1 = Swift.max(0, norm + s1).squareRoot()
            let gap = side == 0 ? d1 - d0 : d0 - d1
            stored[i] = gap - 2 * margin + travelled
        }
    }
}

/// What the iterations of one Lloyd run (``KMeansBisection``) carry from pass to pass, chunk
/// by chunk: the points of each one-hot column on each side, and the points on side 1.
///
/// Integers: counted once in the first pass, then moved by the points that change side, they
/// are exactly what counting again would give, in any order. A pass therefore touches a point's
/// categories only when it changes side, and the sums of the one-hot columns
/// (``ScanKernel/finishSums(_:tally:dimension:)``) keep their bits.
final class ChunkTallies: @unchecked Sendable {
    /// 2p counts (`[2j + k]`: points of side k with a non-zero in column j), then the points on side 1.
    let width: Int
    private let storage: UnsafeMutablePointer<Int>
    /// Whether the first pass counted them.
    var isCounted = false

    init(chunks: Int, dimension p: Int) {
        width = 2 * p + 1
        storage = .allocate(capacity: max(1, chunks * width))
        storage.initialize(repeating: 0, count: max(1, chunks * width))
    }

    deinit { storage.deallocate() }

    /// Chunk `c`'s tallies; each worker writes its own chunks only.
    func chunk(_ c: Int) -> UnsafeMutablePointer<Int> { storage + c * width }
}

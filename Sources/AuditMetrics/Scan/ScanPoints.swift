import LinearAlgebra

/// The points the scan's k-means clusters (``KMeansBisection``), stored compactly: a number
/// column as its values (`Double`), a category as the index, among the feature's one-hot
/// columns, of the column where the point has the weight `w` (``ScanFeatureMatrix/categoryWeight``),
/// every other column of the block being 0. The dense matrix `X` (n × p, column-major) this
/// stands for is ``ScanFeatureMatrix/matrix``; it is never built by the scan itself (1M
/// applicants × 40 one-hot columns would be 320 MB, and most of it zeros).
///
/// Every sum over the columns of a point runs in the column order of `X`, skipping the zeros
/// of a category block (adding `0·c` to a partial sum leaves it unchanged), so the compact
/// form gives the same numbers as a loop over `X`: `‖x‖²` (``norms``) as `Σ_j x_j·x_j`, `x·c`
/// as `Σ_j fma(x_j, c_j, ·)` from 0 (``ScanKernel``).
public struct ScanPoints: Sendable {
    /// Number of points (rows of `X`).
    public let count: Int
    /// Number of columns of `X`.
    public let dimension: Int
    /// The number columns, column-major (`count` values each), in the order of ``blocks``.
    let numbers: [Double]
    /// Per category block, the point's column within the block (`count` values each), one
    /// byte each: a block has at most 256 columns (``ScanEncoding``), and a million points
    /// of 4 categories take 4 MB, not 16.
    let categories: [UInt8]
    /// The blocks of columns of `X`, left to right.
    let blocks: [Block]
    /// `‖x_i‖² = Σ_j x_ij²`, summed column by column from 0.
    public let norms: [Double]
    /// The weight of a point's category column.
    public let weight: Double

    /// A run of columns of `X`: one number column, or the one-hot columns of one category.
    struct Block: Sendable, Equatable {
        /// The first column of `X` in the block.
        let column: Int
        /// 1 for a number; the number of one-hot columns for a category.
        let width: Int
        /// The block's index in ``numbers`` (a number) or ``categories`` (a category).
        let slot: Int
        let isNumber: Bool
    }

    /// Points from number columns and category blocks, given left to right as `blocks`
    /// (`.number(values)` or `.category(indices, width)`).
    init(count: Int, numbers: [Double], categories: [UInt8], blocks: [Block], weight: Double) {
        self.count = count
        self.numbers = numbers
        self.categories = categories
        self.blocks = blocks
        self.weight = weight
        self.dimension = blocks.last.map { $0.column + $0.width } ?? 0
        var norms = [Double](repeating: 0, count: count)
        let w2 = weight * weight
        for block in blocks {
            if block.isNumber {
                let base = block.slot * count
                for i in 0..<count { let v = numbers[base + i]; norms[i] += v * v }
            } else {
                for i in 0..<count { norms[i] += w2 }
            }
        }
        self.norms = norms
    }

    /// The rows of a dense matrix, every column a number column (the form of the tests and of
    /// callers that built `X` themselves).
    public init(dense x: Matrix) {
        let blocks = (0..<x.columns).map { Block(column: $0, width: 1, slot: $0, isNumber: true) }
        self.init(count: x.rows, numbers: x.storage, categories: [], blocks: blocks, weight: ScanFeatureMatrix.categoryWeight)
    }

    /// The dense matrix `X` (n × p, column-major): for small data and the tests.
    public func dense() throws -> Matrix {
        var storage = [Double](repeating: 0, count: count * dimension)
        for block in blocks {
            if block.isNumber {
                for i in 0..<count { storage[block.column * count + i] = numbers[block.slot * count + i] }
            } else {
                for i in 0..<count { storage[(block.column + Int(categories[block.slot * count + i])) * count + i] = weight }
            }
        }
        return try Matrix(rows: count, columns: dimension, columnMajor: storage)
    }

    /// The points `members`, in that order, as points of their own (their values and norms
    /// copied, not recomputed): a cluster's rows side by side, so that the many passes of its
    /// bisection read memory in order instead of gathering rows scattered over the population.
    func subset(_ members: [Int]) -> ScanPoints {
        let m = members.count
        let numberBlocks = blocks.filter(\.isNumber).count, categoryBlocks = blocks.count - numberBlocks
        var numbers = [Double](repeating: 0, count: m * numberBlocks)
        var categories = [UInt8](repeating: 0, count: m * categoryBlocks)
        for slot in 0..<numberBlocks {
            let from = slot * count, to = slot * m
            for (i, r) in members.enumerated() { numbers[to + i] = self.numbers[from + r] }
        }
        for slot in 0..<categoryBlocks {
            let from = slot * count, to = slot * m
            for (i, r) in members.enumerated() { categories[to + i] = self.categories[from + r] }
        }
        return ScanPoints(count: m, dimension: dimension, numbers: numbers, categories: categories, blocks: blocks, weight: weight,
                          norms: members.map { norms[$0] })
    }

    private init(count: Int, dimension: Int, numbers: [Double], categories: [UInt8], blocks: [Block], weight: Double, norms: [Double]) {
        self.count = count
        self.dimension = dimension
        self.numbers = numbers
        self.categories = categories
        self.blocks = blocks
        self.weight = weight
        self.norms = norms
    }

    /// Row `i` of `X` (p values).
    func row(_ i: Int) -> [Double] {
        var x = [Double](repeating: 0, count: dimension)
        for block in blocks {
            if block.isNumber { x[block.column] = numbers[block.slot * count + i] }
            else { x[block.column + Int(categories[block.slot * count + i])] = weight }
        }
        return x
    }

    /// `w` (``ScanFeatureMatrix/categoryWeight``) added c times to 0, one addition after the
    /// other, for c = 0…``KMeansBisection/chunkRows``.
    static let repeatedWeight: [Double] = {
        var table = [Double](repeating: 0, count: KMeansBisection.chunkRows + 1)
        for c in 1..<table.count { table[c] = table[c - 1] + ScanFeatureMatrix.categoryWeight }
        return table
    }()

    /// Calls `body` with a kernel reading these points' storage.
    func withKernel<T>(_ body: (ScanKernel) throws -> T) rethrows -> T {
        precondition(categories.isEmpty || weight == ScanFeatureMatrix.categoryWeight, "the table of repeated weights is for 1/√2")
        return try numbers.withUnsafeBufferPointer { n in
            try categories.withUnsafeBufferPointer { c in
                try norms.withUnsafeBufferPointer { q in
                    try Self.repeatedWeight.withUnsafeBufferPointer { r in
                        try body(ScanKernel(count: count, numbers: n, categories: c, norms: q, blocks: blocks, weight: weight, repeatedWeight: r))
                    }
                }
            }
        }
    }
}

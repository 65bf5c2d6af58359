import LinearAlgebra

/// The points k-means clusters: one row per applicant of the scanned population, one column
/// per number (standardised: `(x − mean)/sd` over the population, sd with divisor n; a missing
/// number is the mean, 0; a constant column is left out) and one per category present in the
/// population (one-hot, `1/√2` for the applicant's category, 0 otherwise, so that two
/// applicants differing in one category are at distance 1, as two a standard deviation apart
/// on one number; a missing category is a category of its own).
///
/// Standardising over the whole population reads no outcome, so the held-out half stays honest.
/// Why k-means on this encoding rather than k-prototypes: it keeps one distance, computed by
/// one pass over the points per iteration (`KMeansBisection`), and one-hot columns scaled this way give the
/// squared Euclidean distance the meaning "numbers of standard deviations plus half the
/// categories that differ" (`docs/scan.md`).
public struct ScanFeatureMatrix: Sendable {
    /// Rows: the population's applicants in the order of `rows`, stored compactly (a number
    /// column as its standardised values, a category as the applicant's one-hot column).
    public let points: ScanPoints
    /// The data rows of the population, ascending.
    public let rows: [Int]

    /// The one-hot weight, 1/√2.
    public static let categoryWeight = 0.5.squareRoot()

    /// The dense matrix (rows × columns, column-major): for small data and the tests; the scan
    /// itself reads ``points``.
    public var matrix: Matrix { get throws { try points.dense() } }

    public init(features: [ScanFeature], rows: [Int]) throws {
        let n = rows.count
        var numbers: [Double] = [], categories: [UInt8] = []
        var blocks: [ScanPoints.Block] = []
        var column = 0
        for feature in features {
            switch feature.values {
            case .numeric, .numericByCode:
                let added: Bool = feature.withNumbers { value in
                    var sum = 0.0, count = 0
                    for r in rows where !value(r).isNaN { sum += value(r); count += 1 }
                    guard count > 0 else { return false }
                    let mean = sum / Double(count)
                    var squares = 0.0
                    for r in rows where !value(r).isNaN { squares += (value(r) - mean) * (value(r) - mean) }
                    let sd = (squares / Double(count)).squareRoot()
                    guard sd > 0, sd.isFinite else { return false }
                    blocks.append(ScanPoints.Block(column: column, width: 1, slot: blocks.filter(\.isNumber).count, isNumber: true))
                    numbers.reserveCapacity(numbers.count + n)
                    for r in rows { numbers.append(value(r).isNaN ? 0 : (value(r) - mean) / sd) }
                    return true
                } ?? false
                if added { column += 1 }
            case .categorical(let codes, let labels, _):
                var present = [Bool](repeating: false, count: labels.count)
                for r in rows { present[Int(codes[r])] = true }
                // The one-hot columns: the categories present, in code order (at most 256:
                // a point's column in the block is one byte, ``ScanPoints``).
                var index = [UInt8](repeating: 0, count: labels.count)
                var width = 0
                for code in labels.indices where present[code] {
                    precondition(width < 256, "at most 256 categories of a scanned column in one population (vigie scan allows 50)")
                    index[code] = UInt8(width)
                    width += 1
                }
                guard width > 1 else { continue }
                blocks.append(ScanPoints.Block(column: column, width: width, slot: blocks.filter { !$0.isNumber }.count, isNumber: false))
                categories.reserveCapacity(categories.count + n)
                for r in rows { categories.append(index[Int(codes[r])]) }
                column += width
            }
        }
        self.points = ScanPoints(count: n, numbers: numbers, categories: categories, blocks: blocks, weight: Self.categoryWeight)
        self.rows = rows
    }
}

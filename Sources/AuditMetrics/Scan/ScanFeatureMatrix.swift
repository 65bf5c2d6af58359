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
/// one dgemm per iteration (`KMeansBisection`), and one-hot columns scaled this way give the
/// squared Euclidean distance the meaning "numbers of standard deviations plus half the
/// categories that differ" (`docs/scan.md`).
public struct ScanFeatureMatrix: Sendable {
    /// Rows: the population's applicants in the order of `rows`; column-major.
    public let matrix: Matrix
    /// The data rows of the population, ascending.
    public let rows: [Int]

    /// The one-hot weight, 1/√2.
    public static let categoryWeight = 0.5.squareRoot()

    public init(features: [ScanFeature], rows: [Int]) throws {
        let n = rows.count
        var storage: [Double] = []
        var columns = 0
        for feature in features {
            switch feature.values {
            case .numeric(let values):
                var sum = 0.0, count = 0
                for r in rows where !values[r].isNaN { sum += values[r]; count += 1 }
                guard count > 0 else { continue }
                let mean = sum / Double(count)
                var squares = 0.0
                for r in rows where !values[r].isNaN { squares += (values[r] - mean) * (values[r] - mean) }
                let sd = (squares / Double(count)).squareRoot()
                guard sd > 0, sd.isFinite else { continue }
                storage.reserveCapacity(storage.count + n)
                for r in rows { storage.append(values[r].isNaN ? 0 : (values[r] - mean) / sd) }
                columns += 1
            case .categorical(let codes, let labels, _):
                var present = [Bool](repeating: false, count: labels.count)
                for r in rows { present[Int(codes[r])] = true }
                guard present.filter({ $0 }).count > 1 else { continue }
                for code in labels.indices where present[code] {
                    storage.reserveCapacity(storage.count + n)
                    for r in rows { storage.append(codes[r] == UInt32(code) ? Self.categoryWeight : 0) }
                    columns += 1
                }
            }
        }
        self.matrix = try Matrix(rows: n, columns: columns, columnMajor: storage)
        self.rows = rows
    }

    /// The sub-matrix of the rows `members` (indices into ``rows``), in that order.
    static func rows(_ members: [Int], of x: Matrix) throws -> Matrix {
        let m = members.count, p = x.columns
        var storage = [Double](repeating: 0, count: m * p)
        x.storage.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBufferPointer { target in
                for j in 0..<p {
                    let from = j * x.rows, to = j * m
                    for (i, r) in members.enumerated() { target[to + i] = source[from + r] }
                }
            }
        }
        return try Matrix(rows: m, columns: p, columnMajor: storage)
    }
}

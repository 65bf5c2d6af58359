/// How the scanned features of one population become points (``ScanFeatureMatrix`` gives
/// the meaning of the encoding): each number's mean and standard deviation over the whole
/// population and each category's one-hot columns (the categories present in the population),
/// computed once; then the points of any part of the population on demand (``points(at:)``).
///
/// Why the two steps: the scan clusters the discovery half, then sends the held-out half down
/// the tree (``BiasScan``); each half needs its own points, never the whole population's at
/// once. The encoding is the population's, so a half's points are exactly the rows of the
/// whole population's (the same values, bit for bit: ``ScanFeatureMatrix`` is the encoding's
/// points at every position). At 900,000 applicants and 3 numbers and 4 categories, the whole
/// population's points take 33 MB, a half 16 MB.
public struct ScanEncoding: Sendable {
    /// The features, read at the population's rows.
    let features: [ScanFeature]
    /// The data rows of the population, ascending (4 bytes each: 36 MB for 9 million
    /// applicants, not 72).
    public let rows: [Int32]
    /// The blocks of columns of `X`, left to right (``ScanPoints``).
    let blocks: [ScanPoints.Block]
    /// Per block, how a row's value becomes the block's entry.
    let encodings: [Encoding]

    enum Encoding: Sendable {
        /// Feature `feature`'s number, `(x − mean)/sd`; a missing number 0.
        case number(feature: Int, mean: Double, sd: Double)
        /// Feature `feature`'s category code `c` at one-hot column `column[c]` of the block.
        case category(feature: Int, column: [UInt8])
    }

    /// The encoding of the population of data rows `rows` (ascending).
    public init(features: [ScanFeature], rows: [Int]) {
        self.init(features: features, rows: rows.map { Int32($0) })
    }

    /// The encoding of the population of data rows `rows` (ascending).
    public init(features: [ScanFeature], rows: [Int32]) {
        var blocks: [ScanPoints.Block] = [], encodings: [Encoding] = []
        var column = 0, numberSlots = 0, categorySlots = 0
        for (f, feature) in features.enumerated() {
            switch feature.values {
            case .numeric, .numericByCode:
                let moments: (mean: Double, sd: Double)? = feature.withNumbers { value in
                    var sum = 0.0, count = 0
                    for r in rows.lazy.map(Int.init) where !value(r).isNaN { sum += value(r); count += 1 }
                    guard count > 0 else { return nil }
                    let mean = sum / Double(count)
                    var squares = 0.0
                    for r in rows.lazy.map(Int.init) where !value(r).isNaN { squares += (value(r) - mean) * (value(r) - mean) }
                    let sd = (squares / Double(count)).squareRoot()
                    guard sd > 0, sd.isFinite else { return nil }
                    return (mean, sd)
                } ?? nil
                guard let moments else { continue }
                blocks.append(ScanPoints.Block(column: column, width: 1, slot: numberSlots, isNumber: true))
                encodings.append(.number(feature: f, mean: moments.mean, sd: moments.sd))
                numberSlots += 1
                column += 1
            case .categorical(let codes, let labels, _):
                var present = [Bool](repeating: false, count: labels.count)
                for r in rows { present[Int(codes[Int(r)])] = true }
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
                blocks.append(ScanPoints.Block(column: column, width: width, slot: categorySlots, isNumber: false))
                encodings.append(.category(feature: f, column: index))
                categorySlots += 1
                column += width
            }
        }
        self.features = features
        self.rows = rows
        self.blocks = blocks
        self.encodings = encodings
    }

    /// The points of the population's applicants at `positions` (indices into ``rows``), in
    /// that order; nil: every applicant, in the order of ``rows``.
    public func points(at positions: [Int]? = nil) -> ScanPoints {
        let m = positions?.count ?? rows.count
        var numbers: [Double] = [], categories: [UInt8] = []
        numbers.reserveCapacity(m * blocks.filter(\.isNumber).count)
        categories.reserveCapacity(m * blocks.filter { !$0.isNumber }.count)
        rows.withUnsafeBufferPointer { rows in
            func forEachRow(_ body: (Int) -> Void) {
                if let positions { for i in positions { body(Int(rows[i])) } } else { for r in rows { body(Int(r)) } }
            }
            for encoding in encodings {
                switch encoding {
                case let .number(f, mean, sd):
                    _ = features[f].withNumbers { value in
                        forEachRow { r in numbers.append(value(r).isNaN ? 0 : (value(r) - mean) / sd) }
                    }
                case let .category(f, column):
                    guard case .categorical(let codes, _, _) = features[f].values else { continue }
                    forEachRow { r in categories.append(column[Int(codes[r])]) }
                }
            }
        }
        return ScanPoints(count: m, numbers: numbers, categories: categories, blocks: blocks, weight: ScanFeatureMatrix.categoryWeight)
    }
}

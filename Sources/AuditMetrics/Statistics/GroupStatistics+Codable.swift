/// A group's sufficient statistics as a statistics bundle stores them (`vigie stats`,
/// `docs/holders.md`): exact counts, and weight and score sums in Swift's shortest round-trip
/// form (decoded to the same bits).
extension GroupStatistics: Codable {
    enum CodingKeys: String, CodingKey {
        case rows, weights
        case weightSquares = "weight_squares"
        case scoredRows = "scored_rows"
        case scoreWeight = "score_weight"
        case scoreSum = "score_sum"
        case scoreSquareSum = "score_square_sum"
    }

    /// The largest row count a bundle may give a cell (2^53: exact as a Double, and four
    /// of them add up without overflow).
    static let maximumRows = 1 << 53

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func four<T: Decodable>(_ key: CodingKeys, _ type: T.Type) throws -> [T] {
            let values = try c.decode([T].self, forKey: key)
            guard values.count == 4 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected the 4 confusion cells (TN, FP, FN, TP), found \(values.count) values")
            }
            return values
        }
        let rows = try four(.rows, Int.self)
        let weights = try four(.weights, Double.self)
        let squares = try four(.weightSquares, Double.self)
        guard rows.allSatisfy({ $0 >= 0 && $0 <= Self.maximumRows }) else {
            throw DecodingError.dataCorruptedError(forKey: .rows, in: c, debugDescription: "expected counts of rows from 0 to 2^53")
        }
        guard (weights + squares).allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw DecodingError.dataCorruptedError(forKey: .weights, in: c, debugDescription: "expected finite weight sums (0 or more)")
        }
        let scoredRows = try c.decode(Int.self, forKey: .scoredRows)
        let scoreWeight = try c.decode(Double.self, forKey: .scoreWeight)
        let scoreSum = try c.decode(Double.self, forKey: .scoreSum)
        let scoreSquareSum = try c.decode(Double.self, forKey: .scoreSquareSum)
        guard scoredRows >= 0, scoredRows <= rows.reduce(0, +) else {
            throw DecodingError.dataCorruptedError(forKey: .scoredRows, in: c, debugDescription: "expected at most the group's rows")
        }
        guard scoreWeight.isFinite, scoreWeight >= 0, scoreSum.isFinite, scoreSquareSum.isFinite, scoreSquareSum >= 0 else {
            throw DecodingError.dataCorruptedError(forKey: .scoreSum, in: c, debugDescription: "expected finite score sums")
        }
        self.init(rows: SIMD4(rows), weights: SIMD4(weights), weightSquares: SIMD4(squares),
                  scoredRows: scoredRows, scoreWeight: scoreWeight, scoreSum: scoreSum, scoreSquareSum: scoreSquareSum)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode([rows[0], rows[1], rows[2], rows[3]], forKey: .rows)
        try c.encode([weights[0], weights[1], weights[2], weights[3]], forKey: .weights)
        try c.encode([weightSquares[0], weightSquares[1], weightSquares[2], weightSquares[3]], forKey: .weightSquares)
        try c.encode(scoredRows, forKey: .scoredRows)
        try c.encode(scoreWeight, forKey: .scoreWeight)
        try c.encode(scoreSum, forKey: .scoreSum)
        try c.encode(scoreSquareSum, forKey: .scoreSquareSum)
    }
}

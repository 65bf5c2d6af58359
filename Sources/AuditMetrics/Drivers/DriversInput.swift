import LinearAlgebra

/// Input checks shared by the driver analyses: they throw ``DriversError`` naming the row and
/// column, so that a malformed input never reaches LAPACK or a subscript.
enum DriversInput {
    /// `count == expected`, else ``DriversError/dimensionMismatch(what:expected:got:)``.
    static func requireCount(_ count: Int, _ expected: Int, _ what: String) throws {
        guard count == expected else { throw DriversError.dimensionMismatch(what: what, expected: expected, got: count) }
    }

    /// Every element of `matrix` is finite.
    static func requireFinite(_ matrix: Matrix, _ what: String) throws {
        if let index = matrix.storage.firstIndex(where: { !$0.isFinite }) {
            throw DriversError.nonFiniteValue(what: what, row: index % max(1, matrix.rows), column: index / max(1, matrix.rows))
        }
    }

    /// Every element of `values` is finite.
    static func requireFinite(_ values: [Double], _ what: String) throws {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw DriversError.nonFiniteValue(what: what, row: index, column: nil)
        }
    }

    /// The largest category or group code accepted (codes are dense dictionary codes; per-level
    /// arrays are sized by the largest code).
    static let maximumCode: Int32 = 999_999

    /// Every code is in −1…``maximumCode``; returns the number of levels `max(code) + 1`
    /// (0 when every row is −1).
    static func levelCount(_ codes: [Int32], _ what: String) throws -> Int {
        var largest: Int32 = -1
        for (row, code) in codes.enumerated() {
            guard code >= -1, code <= maximumCode else { throw DriversError.invalidCode(what: what, row: row, code: code) }
            if code > largest { largest = code }
        }
        return Int(largest) + 1
    }

    /// `level` is in (0, 1).
    static func requireLevel(_ level: Double) throws {
        guard level > 0, level < 1 else {
            throw DriversError.invalidArgument("confidence level: expected a number strictly between 0 and 1, got \(level)")
        }
    }
}

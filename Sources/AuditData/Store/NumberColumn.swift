/// One number column of the store (`ColumnStore.numbers`): a `Double` per row, NaN for a
/// missing value, held in the smaller of two forms (issue 21, memory at 10 million rows).
///
/// **Why two forms.** A `[Double]` takes 8 bytes per row whatever the values. Most number
/// columns of a points grid take few distinct values — months of seniority (about 100), an
/// effort rate to 3 decimals (about 1,000), a 0/1 capacity flag — so at 10 million rows the
/// housing demo's three columns took 240 MB for about 1,100 distinct values. Coded, such a
/// column holds one code per row (`GroupCodes`: 1 byte up to 256 distinct values, 2 bytes up
/// to 65,536) and the table of its distinct values (8 bytes each): 10 MB, or 20 MB, instead
/// of 80. A column of many distinct values (volumes, incomes, scores to full precision) stays
/// a dense `[Double]`.
///
/// **Which form** (`init(_:)`): coded when the distinct values, told apart by their bit
/// patterns, number at most 65,536 (`codedLimit`) and the coded form takes fewer bytes than
/// the dense one: `count · w + 3 + 8 · distinct < 8 · count` (`w` = 1 or 2 bytes per code,
/// 3 bytes of padding after the codes: `GroupCodes`). The distinct values are numbered in
/// order of first appearance, so the same values always give the same codes and table.
///
/// **Values read back bit for bit.** The table keeps each distinct bit pattern as it was
/// read: a NaN (a missing value) keeps its exact payload, −0.0 and +0.0 are two entries (they
/// compare equal as numbers but are different values to `sign`, division, and printing).
/// Whatever the form, `column[r]` is the very `Double` of `values[r]`, so every output
/// computed from the column is unchanged.
///
/// A collection of `Double`, indexed by row: `column[r]`, `column.count`, `map`,
/// `reduce` read as on an array. `forEach(in:_:)` reads a range of rows with the form chosen
/// once (the hot loops of the grid's design). Two columns are equal when they hold the same
/// values bit for bit, whatever their forms (`NumberColumn+Equatable`).
public struct NumberColumn: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// How the values are held.
    @usableFromInline enum Storage: Sendable {
        /// One `Double` per row.
        case dense([Double])
        /// Row `r` holds `table[codes[r]]`; `table` lists the distinct bit patterns in order of
        /// first appearance.
        case coded(codes: GroupCodes, table: [Double])
    }

    @usableFromInline let storage: Storage
    /// Number of rows.
    public let count: Int

    /// The most distinct values a coded column holds: the codes of 2 bytes. Past it a code
    /// would take 4 bytes, at best half the dense column, and only when every value repeats
    /// many times over; such a column stays dense, and the count of its distinct values stops
    /// there, so a column of 10 million distinct values never fills a large table.
    public static let codedLimit = 1 << 16

    /// The column of `values`, coded when that takes fewer bytes (see the type's documentation:
    /// at most `codedLimit` distinct bit patterns, `count · w + 3 + 8 · distinct < 8 · count`),
    /// dense otherwise. Coded as a file's column is while it is read (`NumberChunks`, one
    /// mechanism): the values are read once, each looked up in a table of the distinct ones,
    /// and no further than the value past `codedLimit`; a dense column is `values` itself.
    public init(_ values: [Double]) {
        var chunks = NumberChunks()
        for x in values {
            chunks.append(x)
            if chunks.isDense { break }
        }
        self = chunks.takeCoded() ?? NumberColumn(dense: values)
    }

    /// A dense column whatever its values (tests: the two forms of the same values compared).
    init(dense values: [Double]) {
        count = values.count
        storage = .dense(values)
    }

    /// A column written as a literal (tests), in the form `init(_:)` chooses.
    public init(arrayLiteral values: Double...) {
        self.init(values)
    }

    /// A coded column of `codes` into `table` (the load's `NumberChunks`, which chose the form
    /// as `init(_:)` does: `isCodedSmaller`, distinct values in order of first appearance).
    init(codes: GroupCodes, table: [Double]) {
        count = codes.count
        storage = .coded(codes: codes, table: table)
    }

    /// Whether `count` rows of `distinct` values are held coded: at most `codedLimit` values,
    /// and the coded form smaller than the dense one (`codedBytes < 8 · count`).
    static func isCodedSmaller(count: Int, distinct: Int) -> Bool {
        count > 0 && distinct <= codedLimit && codedBytes(count: count, distinct: distinct) < 8 * count
    }

    /// Bytes of a coded column of `count` rows and `distinct` values: codes, padding, table.
    static func codedBytes(count: Int, distinct: Int) -> Int {
        (count << GroupCodes.shift(forGroups: distinct)) + GroupCodes.padding + 8 * distinct
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The value of row `row`: `values[row]` when dense; when coded, the row's code (one
    /// `GroupCodes` read) looked up in the table.
    @inlinable
    public subscript(row: Int) -> Double {
        switch storage {
        case .dense(let values): return values[row]
        case .coded(let codes, let table): return table[Int(codes[row])]
        }
    }

    /// Calls `body(row, value)` for each row of `rows`, in order: the form is looked at once,
    /// then each value read without a bounds check (a coded column: `GroupCodes.forEach`,
    /// then the table). For loops over many rows (the grid's design, a block at a time).
    @inlinable
    public func forEach(in rows: Range<Int>, _ body: (_ row: Int, _ value: Double) throws -> Void) rethrows {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= count, "rows out of range")
        switch storage {
        case .dense(let values):
            try values.withUnsafeBufferPointer { values in
                for r in rows { try body(r, values[r]) }
            }
        case .coded(let codes, let table):
            try table.withUnsafeBufferPointer { table in
                try codes.forEach(in: rows) { r, code in try body(r, table[Int(code)]) }
            }
        }
    }

    /// The values as one array, for an interface that takes `[Double]` (a water tariff's
    /// volumes, the allocation audit). A dense column gives its own array (shared, no copy); a
    /// coded one writes a copy of 8 bytes per row — the memory the coded form saves — so a
    /// loop over many rows reads the column itself (`subscript`, `forEach(in:_:)`) instead.
    public var values: [Double] {
        switch storage {
        case .dense(let values): return values
        case .coded(let codes, let table):
            return [Double](unsafeUninitializedCapacity: count) { out, initialized in
                table.withUnsafeBufferPointer { table in
                    codes.forEach(in: 0..<count) { r, code in out[r] = table[Int(code)] }
                }
                initialized = count
            }
        }
    }

    /// Whether the column is held as codes and a table of distinct values (else one `Double`
    /// per row).
    public var isCoded: Bool {
        if case .coded = storage { return true }
        return false
    }

    /// Bytes per row of the codes (1 or 2) when coded, 8 when dense: the column's weight
    /// per row.
    public var bytesPerRow: Int {
        switch storage {
        case .dense: return 8
        case .coded(let codes, _): return codes.width
        }
    }

    /// The distinct values of a coded column, in order of first appearance (nil when dense).
    public var distinctValues: [Double]? {
        if case .coded(_, let table) = storage { return table }
        return nil
    }

    /// Bytes of values the column holds (arrays' headers aside): `8 · count` dense;
    /// `count · w + 3 + 8 · distinct` coded (`w` = 1 or 2, 3 bytes of padding after the codes).
    /// What the choice of `init(_:)` minimizes; for tests and the memory figures of the docs.
    public var storedBytes: Int {
        switch storage {
        case .dense(let values): return 8 * values.count
        case .coded(_, let table): return Self.codedBytes(count: count, distinct: table.count)
        }
    }
}

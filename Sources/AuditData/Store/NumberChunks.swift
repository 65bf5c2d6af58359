/// One number column's values during the load (`NumberBuilder`; a banded protected attribute,
/// `GroupBuilder`), held as they are read in the form the store keeps (`NumberColumn`): the
/// code of each value in a table of the distinct values, in order of first appearance, while
/// there are at most `NumberColumn.codedLimit` of them; the values themselves (8 bytes each)
/// once there are more.
///
/// **Why while reading** (issue 21, memory at 10 million rows). Held as `Double`s until the end
/// of the load, the housing demo's four number columns, its score and its banded age took
/// 8 bytes a row each — 480 MB at 10 million rows, at the load's peak — to be coded once read.
/// Coded as they come, they take 1 or 2 bytes a row (`CodeChunks`, the categories' chunks,
/// which keep the largest code of each width for a missing value: 1 byte up to 255 distinct
/// values, 2 up to 65,534, 4 for the last two below the limit; the column taken is narrowed
/// to its final width, `GroupCodes`).
///
/// **Segments.** Each segment read by another thread numbers the values in its own order of
/// first appearance; appending a segment (`append`) merges its table into this one in file
/// order, which gives each of its chunks a table from its codes to the merged ones
/// (`ColumnChunkRemap`, as for categories), applied once when the column is taken. The codes
/// and the table are then those one pass over the file gives, whatever the segments, and the
/// column taken (`takeColumn`) is the `NumberColumn` of the same values, `NumberColumn(_:)`,
/// in the same form, with the same codes and table, bit for bit.
///
/// **Too many values.** When a value would be the table's `codedLimit + 1`-th (in a segment,
/// or once merged), the codes read so far are written out as values (each chunk's table
/// applied; the codes are released once all are written) and the table released: the
/// column's values are then appended as they come, as before. A column of many distinct
/// values (an income to the cent, a score to full precision) pays a table lookup per row until
/// its 65,537th distinct value comes (in each segment), then that conversion, then nothing.
///
/// **The row loop.** The lookup per value reads the table's slots through pointers kept here
/// (`keys`, `slots`, `bits`), taken again from the table after a value is added: no call and
/// no access check per row (a `Dictionary` took 20 to 27 ns a value, `NumberCodeTable`).
struct NumberChunks {
    /// The codes, each chunk in its segment's own numbering until the column is taken (`remaps`).
    private var codes = CodeChunks()
    private var remaps: [[UInt32]?] = []
    /// The distinct values, created at the first value (a copy of an empty builder made
    /// before the reads shares none).
    private var table: NumberCodeTable?
    /// The table's slots, as the row loop reads them (valid while `table` holds them).
    private var keys: UnsafeMutablePointer<UInt64>?
    private var slots: UnsafeMutablePointer<UInt32>?
    private var bits = 0
    /// The values themselves, once more than `NumberColumn.codedLimit` distinct ones came.
    private var dense: ColumnChunks<Double>?

    init() {}

    /// Values held.
    var count: Int { dense?.count ?? codes.count }

    /// Whether the values are held as they are (more than `NumberColumn.codedLimit` distinct ones).
    var isDense: Bool { dense != nil }

    /// Appends `x`: its code, or `x` itself once the column is dense.
    @inline(__always)
    mutating func append(_ x: Double) {
        if dense == nil, let keys, let slots {
            let (slot, codePlusOne) = NumberCodeTable.find(x.bitPattern, keys: keys, slots: slots, bits: bits)
            if codePlusOne != 0 {
                codes.append(codePlusOne &- 1)
                return
            }
            addValue(x, at: slot)
            return
        }
        appendSlowly(x)
    }

    /// The first value, or a value once dense.
    private mutating func appendSlowly(_ x: Double) {
        if dense == nil {
            if table == nil { adopt(NumberCodeTable()) }
            append(x)
        } else {
            dense!.append(x)
        }
    }

    /// Numbers `x`, new, in `slot`, or makes the column dense when the table is full.
    private mutating func addValue(_ x: Double, at slot: Int) {
        guard table!.count < NumberColumn.codedLimit else {
            becomeDense()
            dense!.append(x)
            return
        }
        var slot = slot
        if !isKnownUniquelyReferenced(&table) {
            // A copy of this builder shares the table: number the value in a table of our own.
            adopt(table!.copy())
            slot = NumberCodeTable.find(x.bitPattern, keys: keys!, slots: slots!, bits: bits).slot
        }
        codes.append(table!.add(x, at: slot))
        adopt(table!)
    }

    /// Uses `table`, its slots kept for the row loop.
    private mutating func adopt(_ table: NumberCodeTable) {
        self.table = table
        keys = table.keys
        slots = table.slots
        bits = table.bits
    }

    /// Writes the codes read so far out as values, chunk by chunk, and releases the table.
    private mutating func becomeDense() {
        guard dense == nil else { return }
        let values = table?.values ?? []
        let remaps = self.remaps
        dense = values.withUnsafeBufferPointer { values in
            codes.mapCodes { k, code in values[Int(ColumnChunkRemap.code(code, remaps, k))] }
        }
        codes = CodeChunks()
        self.remaps = []
        table = nil
        keys = nil
        slots = nil
    }

    /// Appends the values `other` read (the segment that follows, read by another thread):
    /// its table merged into this one in file order, its chunks moved (their codes remapped
    /// when the column is taken); both written out as values when the merged table would hold
    /// more than `NumberColumn.codedLimit` values.
    mutating func append(_ other: NumberChunks) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        if dense == nil, !other.isDense, let theirs = other.table {
            if !isKnownUniquelyReferenced(&table) { adopt(table!.copy()) }
            var remap: [UInt32] = []
            remap.reserveCapacity(theirs.count)
            for x in theirs.values {
                guard let code = table!.code(of: x, limit: NumberColumn.codedLimit) else { break }
                remap.append(code)
            }
            adopt(table!)
            if remap.count == theirs.count {
                remaps = ColumnChunkRemap.appended(remaps, count: codes.chunkCount, other.remaps, count: other.codes.chunkCount, remap: remap)
                codes.append(other.codes)
                return
            }
            // Too many values once merged: the values added to our table are codes no row holds.
        }
        var other = other
        becomeDense()
        other.becomeDense()
        dense!.append(other.dense!)
    }

    /// The column as `NumberColumn(_:)` holds the same values: coded, codes in order of first
    /// appearance, when `NumberColumn.isCodedSmaller`; dense otherwise. The chunks are released
    /// as they are copied.
    mutating func takeColumn() -> NumberColumn {
        takeCoded() ?? NumberColumn(dense: takeArray())
    }

    /// The column coded (codes in order of first appearance, the table of distinct values) when
    /// `NumberColumn.isCodedSmaller`, the chunks released as they are copied; nil, and nothing
    /// taken, when the column is dense or its codes would not be smaller.
    mutating func takeCoded() -> NumberColumn? {
        let n = count
        guard dense == nil, let table, NumberColumn.isCodedSmaller(count: n, distinct: table.count) else { return nil }
        let values = table.values
        let remaps = self.remaps
        let shift = GroupCodes.shift(forGroups: values.count)
        let codes = GroupCodes(count: n, shift: shift) { out in
            if shift == 0 {
                self.codes.take(into: out, as: UInt8.self) { k, c in UInt8(truncatingIfNeeded: ColumnChunkRemap.code(c, remaps, k)) }
            } else {
                self.codes.take(into: out, as: UInt16.self) { k, c in UInt16(truncatingIfNeeded: ColumnChunkRemap.code(c, remaps, k)) }
            }
        }
        self = NumberChunks()
        return NumberColumn(codes: codes, table: values)
    }

    /// The values as one array of exactly `count` elements; the chunks are released as they
    /// are copied.
    mutating func takeArray() -> [Double] {
        defer { self = NumberChunks() }
        if var dense = self.dense {
            self.dense = nil  // the chunks referenced once: each released as it is copied
            return dense.takeArray()
        }
        let values = table?.values ?? []
        let remaps = self.remaps
        return values.withUnsafeBufferPointer { values in
            var codes = self.codes
            self.codes = CodeChunks()
            return [Double](unsafeUninitializedCapacity: codes.count) { out, initialized in
                let n = codes.count
                codes.take(into: UnsafeMutableRawBufferPointer(out), as: Double.self) { k, c in values[Int(ColumnChunkRemap.code(c, remaps, k))] }
                initialized = n
            }
        }
    }
}

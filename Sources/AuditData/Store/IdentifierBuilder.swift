/// Reads one identifier column during the load: each row's value as written, its bytes
/// appended to one byte column and its length to another (`ColumnChunks`, no `String` per
/// row); after the load, the column (`IdentifierColumn`), and a value given twice is an
/// error naming both lines (`IdentifierColumn.firstRepetition`).
struct IdentifierBuilder {
    let name: String
    let slot: Int
    /// Every value's bytes, in row order (merged segments: in file order).
    private var bytes = ColumnChunks<UInt8>()
    /// Each value's length in bytes.
    private var lengths = ColumnChunks<UInt32>()
    /// Whether every value is ASCII: then two values are equal as `String`s (Unicode
    /// canonical equivalence) exactly when their bytes are.
    private(set) var allASCII = true

    init(name: String, slot: Int) {
        self.name = name
        self.slot = slot
    }

    /// Reads row `row`'s value: valid UTF-8 without a NUL byte (`CSVRow.validatedString`
    /// names the field otherwise).
    mutating func read(_ row: CSVRow) throws(CSVError) {
        let field = row.bytes(slot)
        var high: UInt8 = 0
        var hasNul = false
        for byte in field {
            high |= byte
            hasNul = hasNul || byte == 0
        }
        // ASCII without NUL is valid; anything else is checked (and the error located) by the row.
        if high >= 0x80 || hasNul {
            _ = try row.validatedString(slot)
            allASCII = false
        }
        bytes.append(contentsOf: field)
        lengths.append(UInt32(field.count))
    }

    /// Appends the rows `other` read (the segment that follows, read by another thread).
    mutating func append(_ other: IdentifierBuilder) {
        bytes.append(other.bytes)
        lengths.append(other.lengths)
        allASCII = allASCII && other.allASCII
    }

    /// The column; the builder's chunks are released as they are copied.
    ///
    /// - Throws: `CSVError` naming the column when its values hold more than
    ///   `IdentifierColumn.maxBytes` bytes in all.
    mutating func takeColumn(file: String, location: ColumnLocation?) throws(CSVError) -> IdentifierColumn {
        guard bytes.count <= IdentifierColumn.maxBytes else {
            throw CSVError(file: file, line: nil, column: location.map { $0.index + 1 }, columnName: location?.header ?? name,
                           problem: .sentence(.dataIdentifierTooLarge, arguments: ["name": name, "size": "\(bytes.count)", "limit": "\(IdentifierColumn.maxBytes)"]))
        }
        var end: UInt32 = 0
        let ends = lengths.takeArray { _, length in
            end &+= length
            return end
        }
        return IdentifierColumn(bytes: bytes.takeArray(), ends: ends, isASCII: allASCII)
    }
}

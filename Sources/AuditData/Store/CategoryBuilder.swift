/// Reads one categorical (or date) column during the load: values coded in order of first
/// appearance, without a `String` per row (`CategoricalEncoder`).
struct CategoryBuilder {
    let name: String
    let slot: Int
    private var encoder = CategoricalEncoder()
    /// Codes, each chunk in its segment's own order (`remaps`, `ColumnChunkRemap`), at the
    /// narrowest width the codes read need (`CodeChunks`); a missing value is marked until
    /// the column is taken.
    private var codes = CodeChunks()
    private var remaps: [[UInt32]?] = []
    /// Whether some row's value is missing.
    private(set) var hasMissing = false

    init(name: String, slot: Int) {
        self.name = name
        self.slot = slot
    }

    /// Distinct values read so far (a missing value not counted).
    var distinctCount: Int { encoder.count }

    /// The distinct values in order of first appearance (merged segments: in the file).
    var levels: [String] { encoder.levels }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        if row.isMissing(slot) {
            hasMissing = true
            codes.append(UInt32.max)
        } else {
            codes.append(try encoder.code(for: row, slot))
        }
    }

    /// Appends the rows `other` read (the segment that follows these rows, read by another
    /// thread), its levels merged in file order (`CategoricalEncoder.merge`): the codes are
    /// those one builder reading both segments would give. Its chunks are moved, not copied;
    /// their codes are remapped when the column is taken.
    mutating func append(_ other: CategoryBuilder) {
        let remap = encoder.merge(other.encoder)
        remaps = ColumnChunkRemap.appended(remaps, count: codes.chunkCount, other.remaps, count: other.codes.chunkCount, remap: remap)
        codes.append(other.codes)
        hasMissing = hasMissing || other.hasMissing
    }

    /// Each row's code turned by `recode` (from the code in order of first appearance in the
    /// file), a missing value coded `missing`, written once at the width of `groupCount`
    /// groups (`GroupCodes`: every code, `missing` included, below `groupCount`); the
    /// builder's chunks are released as they are copied.
    mutating func takeCodes(groupCount: Int, missing: UInt32, _ recode: (UInt32) -> UInt32) -> GroupCodes {
        let remaps = self.remaps
        self.remaps = []
        @inline(__always) func code(_ k: Int, _ code: UInt32) -> UInt32 {
            code == UInt32.max ? missing : recode(ColumnChunkRemap.code(code, remaps, k))
        }
        let shift = GroupCodes.shift(forGroups: groupCount)
        return GroupCodes(count: codes.count, shift: shift) { out in
            switch shift {
            case 0: codes.take(into: out, as: UInt8.self) { k, c in UInt8(truncatingIfNeeded: code(k, c)) }
            case 1: codes.take(into: out, as: UInt16.self) { k, c in UInt16(truncatingIfNeeded: code(k, c)) }
            default: codes.take(into: out, as: UInt32.self) { k, c in code(k, c) }
            }
        }
    }

    /// The column: levels in order of first appearance, then `unknown` when a value is
    /// missing. The builder's chunks are released.
    mutating func takeColumn() -> GroupColumn {
        var groups = encoder.levels
        guard hasMissing else {
            return GroupColumn(attribute: name, codes: takeCodes(groupCount: groups.count, missing: 0) { $0 }, groups: groups, unknownCode: nil)
        }
        let unknown = UInt32(groups.count)
        groups.append(GroupColumn.unknownLabel)
        return GroupColumn(attribute: name, codes: takeCodes(groupCount: groups.count, missing: unknown) { $0 }, groups: groups, unknownCode: unknown)
    }
}

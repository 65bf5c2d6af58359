/// Reads one categorical (or date) column during the load: values coded in order of first
/// appearance, without a `String` per row (`CategoricalEncoder`).
struct CategoryBuilder {
    let name: String
    let slot: Int
    private var encoder = CategoricalEncoder()
    /// Codes, each chunk in its segment's own order (`remaps`, `ColumnChunkRemap`);
    /// `UInt32.max` marks a missing value until the column is taken.
    private var codes = ColumnChunks<UInt32>()
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
        remaps = ColumnChunkRemap.appended(remaps, count: codes.chunks.count, other.remaps, count: other.codes.chunks.count, remap: remap)
        codes.append(other.codes)
        hasMissing = hasMissing || other.hasMissing
    }

    /// Each row's code turned by `recode` (from the code in order of first appearance in the
    /// file), a missing value coded `missing`, in one array of its exact size; the builder's
    /// chunks are released.
    mutating func takeCodes(missing: UInt32, _ recode: (UInt32) -> UInt32) -> [UInt32] {
        let remaps = self.remaps
        self.remaps = []
        return codes.takeArray { k, code in
            code == UInt32.max ? missing : recode(ColumnChunkRemap.code(code, remaps, k))
        }
    }

    /// The column: levels in order of first appearance, then `unknown` when a value is
    /// missing. The builder's chunks are released.
    mutating func takeColumn() -> GroupColumn {
        var groups = encoder.levels
        guard hasMissing else {
            return GroupColumn(attribute: name, codes: takeCodes(missing: UInt32.max) { $0 }, groups: groups, unknownCode: nil)
        }
        let unknown = UInt32(groups.count)
        groups.append(GroupColumn.unknownLabel)
        return GroupColumn(attribute: name, codes: takeCodes(missing: unknown) { $0 }, groups: groups, unknownCode: unknown)
    }
}

/// Reads one categorical (or date) column during the load: values coded in order of first
/// appearance, without a `String` per row (`CategoricalEncoder`).
struct CategoryBuilder {
    let name: String
    let slot: Int
    private var encoder = CategoricalEncoder()
    /// Codes; `UInt32.max` marks a missing value until `column()` gives it its code.
    private var codes: [UInt32] = []

    init(name: String, slot: Int) {
        self.name = name
        self.slot = slot
    }

    /// Distinct values read so far (a missing value not counted).
    var distinctCount: Int { encoder.count }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        codes.append(row.isMissing(slot) ? UInt32.max : try encoder.code(for: row, slot))
    }

    /// Room for `rows` rows in all (before appending segments whose sizes are known).
    mutating func reserveCapacity(rows: Int) { codes.reserveCapacity(rows) }

    /// Appends the rows `other` read (the segment that follows these rows, read by another
    /// thread), its levels merged in file order (`CategoricalEncoder.merge`): the codes are
    /// those one builder reading both segments would give.
    mutating func append(_ other: CategoryBuilder) {
        let remap = encoder.merge(other.encoder)
        codes.reserveCapacity(codes.count + other.codes.count)
        remap.withUnsafeBufferPointer { remap in
            for code in other.codes { codes.append(code == UInt32.max ? code : remap[Int(code)]) }
        }
    }

    /// The column: levels in order of first appearance, then `unknown` when a value is missing.
    func column() -> GroupColumn {
        var groups = encoder.levels
        guard codes.contains(UInt32.max) else {
            return GroupColumn(attribute: name, codes: codes, groups: groups, unknownCode: nil)
        }
        let unknown = UInt32(groups.count)
        groups.append(GroupColumn.unknownLabel)
        return GroupColumn(attribute: name, codes: codes.map { $0 == UInt32.max ? unknown : $0 }, groups: groups, unknownCode: unknown)
    }
}

/// Reads the label or the decision during the load, as 0/1.
struct BinaryBuilder {
    let name: String
    let slot: Int
    let rule: BinaryRule
    /// `label` or `decision`, for messages.
    let role: String
    private var values = ColumnChunks<UInt8>()
    /// A declared positive value is matched per distinct value after the pass, as text
    /// (canonically equivalent Unicode forms match), and must occur at least once. Each
    /// chunk of `codes` has its segment's codes; `remaps[k]`, when set, turns those of chunk
    /// `k` into codes of `texts` (segments merged in file order).
    private var texts = CategoricalEncoder()
    private var codes = ColumnChunks<UInt32>()
    private var remaps: [[UInt32]?] = []

    init(name: String, slot: Int, rule: BinaryRule, role: String) {
        self.name = name
        self.slot = slot
        self.rule = rule
        self.role = role
    }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        guard !row.isMissing(slot) else {
            throw row.error(slot, InputProblem.missingValue(role: role))
        }
        switch rule {
        case .positive:
            codes.append(try texts.code(for: row, slot))
        case .threshold(let threshold):
            guard let value = row.double(slot), value.isFinite else {
                throw row.error(slot, InputProblem.expectedNumberForThreshold(role: role, threshold: threshold, found: row.string(slot)))
            }
            values.append(value >= threshold ? 1 : 0)
        case .standard:
            guard let value = BinaryValue.standard(row.bytes(slot)) else {
                throw row.error(slot, InputProblem.expectedYesNo(role: role, found: row.string(slot)))
            }
            values.append(value ? 1 : 0)
        }
    }

    /// Appends the rows `other` read (the segment that follows, read by another thread):
    /// its chunks moved, its codes remapped when taken (`CategoricalEncoder.merge`).
    mutating func append(_ other: BinaryBuilder) {
        values.append(other.values)
        guard case .positive = rule else { return }
        let remap = texts.merge(other.texts)
        remaps = ColumnChunkRemap.appended(remaps, count: codes.chunks.count, other.remaps, count: other.codes.chunks.count, remap: remap)
        codes.append(other.codes)
    }

    /// The 0/1 values. With a declared positive value, the distinct values equal to it as
    /// text (Unicode canonical equivalence: a decomposed "é" matches a precomposed one) are
    /// positive; the declared value must occur.
    /// The builder's chunks are released.
    mutating func resolved(file: String) throws(CSVError) -> [UInt8] {
        guard case .positive(let positive) = rule else { return values.takeArray() }
        let levels = texts.levels
        let isPositive = levels.map { $0 == positive }
        guard isPositive.contains(true) else {
            var distinct: [String] = []
            for level in levels where !distinct.contains(level) { distinct.append(level) }
            let seen = distinct.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (distinct.count > 12 ? ", …" : "")
            throw CSVError(file: file, line: nil, column: nil, columnName: name,
                           problem: .sentence(.dataPositiveNever, arguments: ["role": "\(role)", "positive": "\(positive)", "seen": "\(seen)"]))
        }
        let remaps = self.remaps
        return codes.takeArray { k, code in isPositive[Int(ColumnChunkRemap.code(code, remaps, k))] ? 1 : 0 }
    }
}

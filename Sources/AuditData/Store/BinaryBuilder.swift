/// Reads the label or the decision during the load, as 0/1.
struct BinaryBuilder {
    let name: String
    let slot: Int
    let rule: BinaryRule
    /// `label` or `decision`, for messages.
    let role: String
    private(set) var values: [UInt8] = []
    /// A declared positive value is matched per distinct value after the pass, as text
    /// (canonically equivalent Unicode forms match), and must occur at least once.
    private var texts = CategoricalEncoder()
    private var codes: [UInt32] = []

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

    /// Room for `rows` rows in all.
    mutating func reserveCapacity(rows: Int) {
        if case .positive = rule { codes.reserveCapacity(rows) } else { values.reserveCapacity(rows) }
    }

    /// Appends the rows `other` read (the segment that follows, read by another thread).
    mutating func append(_ other: BinaryBuilder) {
        values.append(contentsOf: other.values)
        guard case .positive = rule else { return }
        let remap = texts.merge(other.texts)
        codes.reserveCapacity(codes.count + other.codes.count)
        for code in other.codes { codes.append(remap[Int(code)]) }
    }

    /// The 0/1 values. With a declared positive value, the distinct values equal to it as
    /// text (Unicode canonical equivalence: a decomposed "é" matches a precomposed one) are
    /// positive; the declared value must occur.
    func resolved(file: String) throws(CSVError) -> [UInt8] {
        guard case .positive(let positive) = rule else { return values }
        let levels = texts.levels
        let isPositive = levels.map { $0 == positive }
        guard isPositive.contains(true) else {
            var distinct: [String] = []
            for level in levels where !distinct.contains(level) { distinct.append(level) }
            let seen = distinct.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (distinct.count > 12 ? ", …" : "")
            throw CSVError(file: file, line: nil, column: nil, columnName: name,
                           message: "the declared positive \(role) value '\(positive)' never occurs (values are compared exactly); values found: \(seen)")
        }
        return codes.map { isPositive[Int($0)] ? 1 : 0 }
    }
}

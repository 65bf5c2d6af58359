/// Reads one numeric column during the load, applying every rule requested for it.
struct NumberBuilder {
    let name: String
    let slot: Int
    private(set) var rules: [NumberRule]
    /// The values read, NaN for a missing one, coded as they come while they take few
    /// distinct values (`NumberChunks`): taken once, by `takeColumn()` or `takeValues()`.
    private var values = NumberChunks()
    /// The first rule refusing a missing value, if any.
    private var refusesMissing: (@Sendable (String) -> String)?
    /// Whether some rule restricts the range.
    private var checksRange = false

    init(name: String, slot: Int, rule: NumberRule) {
        self.name = name
        self.slot = slot
        self.rules = []
        add(rule)
    }

    mutating func add(_ rule: NumberRule) {
        rules.append(rule)
        if refusesMissing == nil, case .refused(let message) = rule.missing { refusesMissing = message }
        if case .any = rule.range {} else { checksRange = true }
    }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        if row.isMissing(slot) {
            if let refusesMissing { throw row.error(slot, refusesMissing(row.string(slot))) }
            values.append(.nan)
            return
        }
        guard let value = row.double(slot), value.isFinite else { throw row.error(slot, rules[0].notANumber(row.string(slot))) }
        guard value.magnitude <= NumberRule.largestMagnitude else {
            throw row.error(slot, "expected a number of magnitude at most 10^15 in column '\(name)', found '\(row.string(slot))': larger values overflow sums and squares in double precision (rescale the column, e.g. to thousands)")
        }
        if checksRange {
            for rule in rules where !rule.range.contains(value) { throw row.error(slot, rule.outOfRange(row.string(slot))) }
        }
        values.append(value)
    }

    /// Appends the rows `other` read (the segment that follows, read by another thread):
    /// its chunks, moved without copying values.
    mutating func append(_ other: NumberBuilder) {
        values.append(other.values)
    }

    /// The column, in one array of its exact size (the score, the weight); the builder's chunks are released.
    mutating func takeValues() -> [Double] { values.takeArray() }

    /// The column in the store's form (`NumberColumn`: coded when that is smaller); the
    /// builder's chunks are released.
    mutating func takeColumn() -> NumberColumn { values.takeColumn() }

    /// The warnings of the rules that keep missing values (`values`: this column, taken):
    /// how many, the first line, the effect.
    func missingWarnings(_ values: NumberColumn, lines: RowLines) -> [DataWarning] {
        let effects = rules.compactMap { rule -> DataWarning.Effect? in
            if case .kept(let warning?) = rule.missing { return warning }
            return nil
        }
        guard !effects.isEmpty, let first = values.firstIndex(where: \.isNaN) else { return [] }
        let count = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        return effects.map { .valuesLeftOut(column: name, count: count, negative: false, line: lines.line(ofRow: first), effect: $0) }
    }

    /// The warnings of the rules that flag negative values.
    func negativeWarnings(_ values: NumberColumn, lines: RowLines) -> [DataWarning] {
        let effects = rules.compactMap(\.negativeWarning)
        guard !effects.isEmpty, let first = values.firstIndex(where: { $0 < 0 }) else { return [] }
        let count = values.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        return effects.map { .valuesLeftOut(column: name, count: count, negative: true, line: lines.line(ofRow: first), effect: $0) }
    }
}

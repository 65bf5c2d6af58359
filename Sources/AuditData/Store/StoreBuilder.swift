/// The load of one `ColumnStore`: the requests resolved to header columns, one builder per
/// column and kind, each row handed to every builder, then the columns assembled.
///
/// Within a row, values are checked in this order: protected attributes, label, decision,
/// score, weight, numbers, categories and dates, identifiers (each kind in request order);
/// the first value refused stops the load.
struct StoreBuilder {
    let reader: CSVReader
    /// Header index of each selected field; the builders' slots index this.
    private(set) var selected: [Int] = []
    private(set) var warnings: [DataWarning] = []
    private var locations: [String: ColumnLocation] = [:]
    private var groups: [GroupBuilder] = []
    private var label: BinaryBuilder?
    private var decision: BinaryBuilder?
    private var score: NumberBuilder?
    private var weight: NumberBuilder?
    private var numbers: [NumberBuilder] = []
    private var categories: [CategoryBuilder] = []
    /// Names of the categories read as dates.
    private var dateNames: [String] = []
    private var identifiers: [IdentifierBuilder] = []
    private var lines = RowLines()
    private(set) var rows = 0

    init(reader: CSVReader, requests: [ColumnRequest]) throws {
        self.reader = reader
        for request in requests { try add(request) }
    }

    /// The field slot of a column, selected once however many requests name it.
    private mutating func slot(_ request: ColumnRequest) throws -> Int {
        let name = request.column
        let index: Int
        do {
            index = try reader.columnIndex(named: name)
        } catch let error as CSVError {
            guard let who = request.reader else { throw error }
            throw CSVError(file: reader.path, line: 1, column: nil, columnName: name,
                           message: "\(who) reads column '\(name)', which is not in the header; " + reader.headerListing)
        }
        if reader.isDuplicated(name), !name.contains("#") {
            let warning = DataWarning.duplicateColumn(name: name)
            if !warnings.contains(warning) { warnings.append(warning) }
        }
        locations[name] = ColumnLocation(index: index, header: reader.header[index])
        if let existing = selected.firstIndex(of: index) { return existing }
        selected.append(index)
        return selected.count - 1
    }

    private mutating func add(_ request: ColumnRequest) throws {
        let name = request.column
        let s = try slot(request)
        switch request.kind {
        case .group(let binning, let mapping, let limits):
            groups.append(GroupBuilder(name: name, slot: s, binning: binning, mapping: mapping, limits: limits))
        case .label(let rule):
            label = BinaryBuilder(name: name, slot: s, rule: rule, role: "label")
        case .decision(let rule):
            decision = BinaryBuilder(name: name, slot: s, rule: rule, role: "decision")
        case .score:
            score = NumberBuilder(name: name, slot: s, rule: NumberRule(
                missing: .kept(warning: nil), notANumber: { "expected a number for score column '\(name)', found '\($0)'" }))
        case .weight:
            weight = NumberBuilder(name: name, slot: s, rule: NumberRule(
                missing: .refused { _ in "missing weight: every row needs a weight in column '\(name)'" },
                notANumber: { "expected a finite, non-negative weight, found '\($0)'" }, range: .zeroOrFrom(NumberRule.smallestWeight),
                outOfRange: { $0.hasPrefix("-") ? "expected a finite, non-negative weight, found '\($0)'" : "expected a weight of 0 or from 1e-15 to 1e15, found '\($0)': smaller weights have squares that vanish in double precision, and every interval with them (rescale the weights: only their ratios matter to the rates)" }))
        case .number(let rule):
            if let k = numbers.firstIndex(where: { $0.name == name }) {
                numbers[k].add(rule)
            } else {
                numbers.append(NumberBuilder(name: name, slot: s, rule: rule))
            }
        case .category, .date:
            if !categories.contains(where: { $0.name == name }) { categories.append(CategoryBuilder(name: name, slot: s)) }
            if case .date = request.kind, !dateNames.contains(name) { dateNames.append(name) }
        case .identifier:
            if !identifiers.contains(where: { $0.name == name }) { identifiers.append(IdentifierBuilder(name: name, slot: s)) }
        }
    }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        for k in groups.indices { try groups[k].read(row) }
        try label?.read(row)
        try decision?.read(row)
        try score?.read(row)
        try weight?.read(row)
        for k in numbers.indices { try numbers[k].read(row) }
        for k in categories.indices { try categories[k].read(row) }
        for k in identifiers.indices { try identifiers[k].read(row) }
        lines.append(row.line)
        rows += 1
    }

    /// Appends the rows `other` read: the segment that follows these rows, read by another
    /// thread from a copy of the same empty builder, its lines counted from 0 at its start,
    /// which is on line `lineOffset`.
    mutating func append(_ other: StoreBuilder, lineOffset: Int) {
        for k in groups.indices { groups[k].append(other.groups[k]) }
        label?.append(other.label!)
        decision?.append(other.decision!)
        score?.append(other.score!)
        weight?.append(other.weight!)
        for k in numbers.indices { numbers[k].append(other.numbers[k]) }
        for k in categories.indices { categories[k].append(other.categories[k]) }
        for k in identifiers.indices { identifiers[k].append(other.identifiers[k]) }
        lines.append(other.lines, lineOffset: lineOffset)
        rows += other.rows
    }

    /// Whether a protected attribute has more groups than allowed (`GroupLimits`), once the
    /// segments are merged.
    var exceedsGroupLimits: Bool { groups.contains { $0.exceedsGroupLimit } }

    /// The store, once every row is read: values resolved, groups built, identifiers
    /// checked, warnings gathered. Each column is written once into an array of its exact
    /// size and the builder's chunks of it released (`ColumnChunks`), column after column:
    /// the rows are held about once, plus one column.
    consuming func finish() throws -> ColumnStore {
        let path = reader.path
        var warnings = self.warnings
        let labels = try label?.resolved(file: path)
        let decisions = try decision?.resolved(file: path)
        for (role, values) in [("label", labels), ("decision", decisions)] {
            guard let values, !values.isEmpty else { continue }
            if !values.contains(1) { warnings.append(.allNegative(role: role)) }
            if !values.contains(0) { warnings.append(.allPositive(role: role)) }
        }
        var attributes: [GroupColumn] = []
        for k in groups.indices {
            let (column, warning) = groups[k].column()
            if let warning { warnings.append(warning) }
            attributes.append(column)
        }
        let weights = weight?.takeValues()
        if let weight, let weights, !weights.contains(where: { $0 > 0 }) {
            throw CSVError(file: path, line: nil, column: nil, columnName: weight.name, problem: .sentence(.dataWeightsZero, arguments: [:]))
        }
        var identifierValues: [String: IdentifierColumn] = [:]
        for k in identifiers.indices {
            let name = identifiers[k].name
            let values = try identifiers[k].takeColumn(file: path, location: locations[name])
            identifierValues[name] = values
            guard let (first, second) = values.firstRepetition(), let location = locations[name] else { continue }
            throw CSVError(file: path, line: lines.line(ofRow: second), column: location.index + 1, columnName: location.header,
                           problem: .sentence(.dataIdTwice, arguments: ["id": "\(values[second])", "first": "\(lines.line(ofRow: first))", "second": "\(lines.line(ofRow: second))"]))
        }
        // Each number column taken in its compact form (`NumberColumn`, coded while read:
        // `NumberChunks`) and checked; the warnings keep their order (every column's missing
        // values, then every column's negative values).
        var numberColumns: [(name: String, values: NumberColumn)] = []
        var negativeWarnings: [DataWarning] = []
        for k in numbers.indices {
            let column = numbers[k].takeColumn()
            warnings += numbers[k].missingWarnings(column, lines: lines)
            negativeWarnings += numbers[k].negativeWarnings(column, lines: lines)
            numberColumns.append((numbers[k].name, column))
        }
        warnings += negativeWarnings

        let scores = score?.takeValues()
        var store = ColumnStore(
            rowCount: rows, attributes: attributes, label: labels, decision: decisions, score: scores, weight: weights,
            missingScores: scores.map { $0.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } } ?? 0,
            source: DataSource(path: path, delimiter: CSVDialect.name(ofDelimiter: reader.delimiter), headerColumns: reader.header.count),
            warnings: warnings, rowLines: lines)
        for number in numberColumns { store.numbers[number.name] = number.values }
        numberColumns = []
        for k in categories.indices {
            let column = categories[k].takeColumn()
            let name = categories[k].name
            store.categories[name] = column
            if dateNames.contains(name) { store.dates[name] = DateColumn(texts: column) }
        }
        store.identifiers = identifierValues
        store.locations = locations
        return store
    }
}

import Foundation

/// Streams a data file once into a `ColumnStore`, keeping only the columns the spec names.
///
/// Documented behaviours:
/// - a missing protected value becomes the explicit `unknown` group (never dropped);
/// - a missing or unreadable label, decision or weight is an error naming file, line and
///   column: every row must say what happened to the person;
/// - a missing score is kept as missing and counted;
/// - a duplicated header name resolves to its first occurrence with a warning
///   (`name#2` selects the second);
/// - weights must be finite and non-negative.
public enum DataLoader {
    /// Reads `spec.path`, with the columns the decision models read besides the spec's: a
    /// tariff's meter types, a drought rule's levels. `progress` is called every 65,536 rows
    /// and at the end.
    public static func load(_ spec: DataSpec, meter: String? = nil, droughtLevel: String? = nil,
                            progress: ((LoadProgress) -> Void)? = nil) throws -> ColumnStore {
        try spec.validate()
        guard let path = spec.path else { throw SpecError(key: "data", message: "no data file") }
        let reader = try CSVReader(path: path, dialect: spec.csv)
        let fileSize = progress == nil ? 0 : reader.fileSize
        var warnings: [String] = []
        var slots: [Int] = []

        func slot(for name: String) throws -> Int {
            let index = try reader.columnIndex(named: name)
            if reader.isDuplicated(name), !name.contains("#") {
                let warning = "column '\(name)' appears more than once in the header; the first occurrence is used (write '\(name)#2' for the second)"
                if !warnings.contains(warning) { warnings.append(warning) }
            }
            if let existing = slots.firstIndex(of: index) { return existing }
            slots.append(index)
            return slots.count - 1
        }

        let attributeSlots = try spec.protected.map { try slot(for: $0.column) }
        let labelSlot = try spec.label.map { try slot(for: $0.column) }
        let decisionSlot = try spec.decision.map { try slot(for: $0.column) }
        let scoreSlot = try spec.score.map { try slot(for: $0) }
        let weightSlot = try spec.weight.map { try slot(for: $0) }
        // Auxiliary columns of allocation audits, by role.
        var numericRoles: [(ColumnStore.ColumnRole, String, Int)] = []
        for (role, name) in [(ColumnStore.ColumnRole.allocation, spec.allocation?.column), (.need, spec.allocation?.need),
                             (.per, spec.allocation?.per), (.rank, spec.rankBy), (.income, spec.income)] {
            if let name { numericRoles.append((role, name, try slot(for: name))) }
        }
        var categoricalRoles: [(ColumnStore.ColumnRole, String, Int)] = []
        for (role, name) in [(ColumnStore.ColumnRole.meter, meter), (.droughtLevel, droughtLevel)] {
            if let name { categoricalRoles.append((role, name, try slot(for: name))) }
        }
        var numericValues: [[Double]] = numericRoles.map { _ in [] }
        var numericMissing = numericRoles.map { _ in (count: 0, firstLine: 0) }
        var negativeAllocations = (count: 0, firstLine: 0)
        var categoricalFirstLines: [[Int]] = categoricalRoles.map { _ in [] }
        var categoricalEncoders = categoricalRoles.map { _ in CategoricalEncoder() }
        var categoricalCodes: [[UInt32]] = categoricalRoles.map { _ in [] }

        let labelReader = spec.label.map { BinaryReader($0, role: "label") }
        let decisionReader = spec.decision.map { BinaryReader($0, role: "decision") }
        // A declared positive value is matched per distinct value after the pass, as text
        // (canonically equivalent Unicode forms match), and must occur at least once.
        var labelValues = CategoricalEncoder(), decisionValues = CategoricalEncoder()
        var labelCodes: [UInt32] = [], decisionCodes: [UInt32] = []

        var encoders = spec.protected.map { _ in CategoricalEncoder() }
        var codes: [[UInt32]] = spec.protected.map { _ in [] }
        var numbers: [[Double]] = spec.protected.map { _ in [] }
        let isNumeric = spec.protected.map { $0.binning != .none }
        var labels: [UInt8] = []
        var decisions: [UInt8] = []
        var scores: [Double] = []
        var weights: [Double] = []
        var missingScores = 0
        var rows = 0

        try reader.forEachRow(selecting: slots) { row in
            for a in 0..<attributeSlots.count {
                let s = attributeSlots[a]
                if isNumeric[a] {
                    if row.isMissing(s) {
                        numbers[a].append(.nan)
                    } else if let value = row.double(s), value.isFinite {
                        numbers[a].append(value)
                    } else {
                        throw row.error(s, "expected a number to band protected attribute '\(spec.protected[a].column)', found '\(row.string(s))'")
                    }
                } else {
                    codes[a].append(row.isMissing(s) ? UInt32.max : try encoders[a].code(for: row, s))
                }
            }
            if let s = labelSlot, let r = labelReader {
                if r.declaresPositive {
                    try r.checkPresent(row, s)
                    labelCodes.append(try labelValues.code(for: row, s))
                } else {
                    labels.append(try r.read(row, s))
                }
            }
            if let s = decisionSlot, let r = decisionReader {
                if r.declaresPositive {
                    try r.checkPresent(row, s)
                    decisionCodes.append(try decisionValues.code(for: row, s))
                } else {
                    decisions.append(try r.read(row, s))
                }
            }
            if let s = scoreSlot {
                if row.isMissing(s) {
                    scores.append(.nan)
                    missingScores += 1
                } else if let value = row.double(s), value.isFinite {
                    scores.append(value)
                } else {
                    throw row.error(s, "expected a number for score column '\(spec.score!)', found '\(row.string(s))'")
                }
            }
            if let s = weightSlot {
                guard !row.isMissing(s) else { throw row.error(s, "missing weight: every row needs a weight in column '\(spec.weight!)'") }
                guard let value = row.double(s), value.isFinite, value >= 0 else {
                    throw row.error(s, "expected a finite, non-negative weight, found '\(row.string(s))'")
                }
                weights.append(value)
            }
            for (i, (role, name, s)) in numericRoles.enumerated() {
                if row.isMissing(s) {
                    numericValues[i].append(.nan)
                    if numericMissing[i].count == 0 { numericMissing[i].firstLine = row.line }
                    numericMissing[i].count += 1
                } else if let value = row.double(s), value.isFinite {
                    if role == .per && value <= 0 { throw row.error(s, "expected a positive household size in '\(name)', found '\(row.string(s))'") }
                    if role == .allocation && value < 0 {
                        if negativeAllocations.count == 0 { negativeAllocations.firstLine = row.line }
                        negativeAllocations.count += 1
                    }
                    numericValues[i].append(value)
                } else {
                    throw row.error(s, "expected a number in '\(name)' (\(role.rawValue)), found '\(row.string(s))'")
                }
            }
            for i in categoricalRoles.indices {
                let s = categoricalRoles[i].2
                let code = row.isMissing(s) ? UInt32.max : try categoricalEncoders[i].code(for: row, s)
                if code != UInt32.max, Int(code) == categoricalFirstLines[i].count { categoricalFirstLines[i].append(row.line) }
                categoricalCodes[i].append(code)
            }
            rows += 1
            if rows & 0xFFFF == 0 { progress?(LoadProgress(rows: rows, bytesRead: reader.bytesRead, fileSize: fileSize)) }
        }
        progress?(LoadProgress(rows: rows, bytesRead: fileSize, fileSize: fileSize))

        if let r = labelReader, r.declaresPositive {
            labels = try r.resolve(codes: labelCodes, levels: labelValues.levels, file: path)
            labelCodes = []
        }
        if let r = decisionReader, r.declaresPositive {
            decisions = try r.resolve(codes: decisionCodes, levels: decisionValues.levels, file: path)
            decisionCodes = []
        }
        for (role, values) in [("label", labels), ("decision", decisions)] where !values.isEmpty {
            if !values.contains(1) { warnings.append("every \(role) is negative: no row has a positive \(role)") }
            if !values.contains(0) { warnings.append("every \(role) is positive: no row has a negative \(role)") }
        }

        var attributes: [GroupColumn] = []
        for (a, attribute) in spec.protected.enumerated() {
            if isNumeric[a] {
                let (column, warning) = Self.band(attribute, values: numbers[a])
                if let warning { warnings.append(warning) }
                attributes.append(column)
                numbers[a] = []
            } else {
                attributes.append(Self.categorical(attribute, codes: codes[a], levels: encoders[a].levels))
                codes[a] = []
            }
        }
        if spec.weight != nil, weights.reduce(0, +) == 0 {
            throw CSVError(file: path, line: nil, column: nil, columnName: spec.weight, message: "all weights are zero: nothing to audit")
        }
        let delimiterName = CSVDialect.name(ofDelimiter: reader.delimiter)
        var store = ColumnStore(
            rowCount: rows,
            attributes: attributes,
            label: spec.label == nil ? nil : labels,
            decision: spec.decision == nil ? nil : decisions,
            score: spec.score == nil ? nil : scores,
            weight: spec.weight == nil ? nil : weights,
            missingScores: missingScores,
            source: DataSource(path: path, delimiter: delimiterName, headerColumns: reader.header.count),
            warnings: warnings
        )
        for (i, (role, _, _)) in numericRoles.enumerated() { store.numeric[role] = numericValues[i] }
        for (i, (role, name, s)) in categoricalRoles.enumerated() {
            store.categorical[role] = (categoricalCodes[i], categoricalEncoders[i].levels)
            store.categoricalOrigin[role] = (slots[s] + 1, name, categoricalFirstLines[i])
        }
        var auxiliaryWarnings: [String] = []
        for (i, (role, name, _)) in numericRoles.enumerated() where numericMissing[i].count > 0 {
            let effect: String
            switch role {
            case .allocation: effect = "those households are left out of the allocation audit"
            case .need: effect = "those households are left out of the shortfall figures"
            case .per: effect = "per-capita figures leave them out; the drought rule counts them as 1 person"
            case .rank: effect = "those households are left out of the concentration curve and index"
            case .income: effect = "those households are left out of the affordability figures"
            default: effect = "those values are left out"
            }
            auxiliaryWarnings.append("column '\(name)' has \(numericMissing[i].count) missing value\(numericMissing[i].count == 1 ? "" : "s") (first on line \(numericMissing[i].firstLine)): \(effect)")
        }
        if negativeAllocations.count > 0, let name = spec.allocation?.column {
            auxiliaryWarnings.append("column '\(name)' has \(negativeAllocations.count) negative value\(negativeAllocations.count == 1 ? "" : "s") (first on line \(negativeAllocations.firstLine)): the inequality indices are undefined for allocations below 0")
        }
        if !auxiliaryWarnings.isEmpty {
            store = ColumnStore(rowCount: store.rowCount, attributes: store.attributes, label: store.label, decision: store.decision, score: store.score,
                                weight: store.weight, missingScores: store.missingScores, source: store.source, warnings: store.warnings + auxiliaryWarnings)
                .withAuxiliary(from: store)
        }
        return store
    }

    /// Applies the value mapping, sorts groups by label (byte order) and puts `unknown` last.
    static func categorical(_ spec: ProtectedAttributeSpec, codes: [UInt32], levels: [String]) -> GroupColumn {
        let mapped = levels.map { spec.mapping[$0] ?? $0 }
        let hasMissing = codes.contains(UInt32.max)
        var labels = Array(Set(mapped)).filter { $0 != GroupColumn.unknownLabel }
        // Numeric labels (deciles, codes) in numeric order; others by their bytes.
        let numbers = labels.map { Double($0) }
        if !labels.isEmpty, numbers.allSatisfy({ $0 != nil }) {
            labels = zip(labels, numbers).sorted { a, b in
                a.1! != b.1! ? a.1! < b.1! : Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8))
            }.map(\.0)
        } else {
            labels.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        let hasUnknown = hasMissing || mapped.contains(GroupColumn.unknownLabel)
        if hasUnknown { labels.append(GroupColumn.unknownLabel) }
        var position: [String: UInt32] = [:]
        for (i, label) in labels.enumerated() { position[label] = UInt32(i) }
        let remap = mapped.map { position[$0]! }
        let unknownCode = hasUnknown ? UInt32(labels.count - 1) : nil
        let newCodes = codes.map { $0 == UInt32.max ? unknownCode! : remap[Int($0)] }
        return GroupColumn(attribute: spec.column, codes: newCodes, groups: labels, unknownCode: unknownCode)
    }

    /// Bands a numeric column by fixed edges or by quantiles computed from its non-missing values.
    static func band(_ spec: ProtectedAttributeSpec, values: [Double]) -> (GroupColumn, String?) {
        var warning: String?
        var edges: [Double]
        var labels: [String]
        // `rightClosed`: quantile bins are (a, b] as pandas.qcut; bands are [a, b).
        let rightClosed: Bool
        switch spec.binning {
        case .bands(let cuts):
            edges = cuts
            rightClosed = false
            labels = ["<\(format(cuts[0]))"]
            for (a, b) in zip(cuts, cuts.dropFirst()) { labels.append("[\(format(a)),\(format(b)))") }
            labels.append(">=\(format(cuts[cuts.count - 1]))")
        case .quantiles(let k):
            rightClosed = true
            let sorted = values.filter { !$0.isNaN }.sorted()
            edges = []
            if !sorted.isEmpty {
                for i in 1..<k {
                    let q = Quantile.type7(sorted, Double(i) / Double(k))
                    if edges.last != q { edges.append(q) }
                }
                if let last = edges.last, last >= sorted[sorted.count - 1] { edges.removeLast() }
            }
            if edges.count != k - 1 {
                warning = "'\(spec.column)': tied values leave \(edges.count + 1) quantile groups instead of \(k)"
            }
            labels = (1...(edges.count + 1)).map { "Q\($0)" }
        case .none:
            preconditionFailure("band() is only called for banded attributes")
        }
        let hasMissing = values.contains { $0.isNaN }
        if hasMissing { labels.append(GroupColumn.unknownLabel) }
        let unknownCode = hasMissing ? UInt32(labels.count - 1) : nil
        var codes = [UInt32](repeating: 0, count: values.count)
        for (r, v) in values.enumerated() {
            if v.isNaN { codes[r] = unknownCode!; continue }
            // Binary search for the number of edges below (or at) v.
            var lo = 0, hi = edges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if rightClosed ? (edges[mid] < v) : (edges[mid] <= v) { lo = mid + 1 } else { hi = mid }
            }
            codes[r] = UInt32(lo)
        }
        return (GroupColumn(attribute: spec.column, codes: codes, groups: labels, unknownCode: unknownCode, binning: spec.binning, cutPoints: edges), warning)
    }

    /// `18.0` → `18`, `2.5` → `2.5`: edges printed as an auditor wrote them.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}

/// How far a load has gone, for progress bars.
public struct LoadProgress: Sendable, Equatable {
    /// Data rows read so far.
    public let rows: Int
    /// Bytes of the file read so far, and its size (0 if unknown).
    public let bytesRead: Int
    public let fileSize: Int

    /// Fraction of the file read, in [0, 1], when the size is known.
    public var fraction: Double? {
        fileSize > 0 ? min(1, Double(bytesRead) / Double(fileSize)) : nil
    }
}

/// Reads the label or decision of a row as 0/1.
struct BinaryReader {
    let spec: BinaryColumnSpec
    let role: String

    init(_ spec: BinaryColumnSpec, role: String) {
        self.spec = spec
        self.role = role
    }

    /// Whether the column has a declared positive value (read as text, resolved after the pass).
    var declaresPositive: Bool { spec.positive != nil }

    func checkPresent(_ row: CSVRow, _ slot: Int) throws {
        guard !row.isMissing(slot) else {
            throw row.error(slot, "missing \(role): every row needs a \(role) value")
        }
    }

    /// Turns the distinct values of a declared-positive column into 0/1. Values equal to the
    /// declared one as text (Unicode canonical equivalence: a decomposed "é" matches a
    /// precomposed one) are positive; the declared value must occur.
    func resolve(codes: [UInt32], levels: [String], file: String) throws -> [UInt8] {
        let positive = spec.positive!
        let isPositive = levels.map { $0 == positive }
        guard isPositive.contains(true) else {
            var distinct: [String] = []
            for level in levels where !distinct.contains(level) { distinct.append(level) }
            let seen = distinct.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (distinct.count > 12 ? ", …" : "")
            throw CSVError(file: file, line: nil, column: nil, columnName: spec.column,
                           message: "the declared positive \(role) value '\(positive)' never occurs (values are compared exactly); values found: \(seen)")
        }
        return codes.map { isPositive[Int($0)] ? 1 : 0 }
    }

    func read(_ row: CSVRow, _ slot: Int) throws -> UInt8 {
        try checkPresent(row, slot)
        if let threshold = spec.threshold {
            guard let value = row.double(slot), value.isFinite else {
                throw row.error(slot, "expected a number to compare with the \(role) threshold \(threshold), found '\(row.string(slot))'")
            }
            return value >= threshold ? 1 : 0
        }
        let bytes = row.bytes(slot)
        guard let value = BinaryValue.standard(bytes) else {
            throw row.error(slot, "expected a yes/no \(role) (1/0, true/false, yes/no, oui/non) or a declared positive value, found '\(row.string(slot))'")
        }
        return value ? 1 : 0
    }
}

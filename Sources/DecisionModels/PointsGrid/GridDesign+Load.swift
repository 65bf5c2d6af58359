import AuditData
import Foundation
import LinearAlgebra

extension GridDesign {
    /// Reads a CSV file against a grid (one streaming pass) and builds `X`, the
    /// segments, the tie-break order and the capacities.
    ///
    /// - Throws: `CSVError` with file, line and column: a column the grid names
    ///   is not in the header (the message lists the available columns); a
    ///   non-numeric value in a per-unit, band or numeric tie-break column; a
    ///   missing value in a flag, per-unit or band column whose criterion does
    ///   not declare `missing: 0`; a repeated id; a `from_data` capacity value
    ///   other than 0/1; a per-unit value that is not a decimal with at most 15
    ///   decimals (scores could not be exact); and every format error of
    ///   `CSVReader`. A category value the grid does not declare is not an error (0 points).
    public static func load(grid: PointsGrid, csvPath: String, dialect: CSVDialect = CSVDialect()) throws -> GridDesign {
        let reader = try CSVReader(path: csvPath, dialect: dialect)
        var selected: [Int] = []           // header indices
        var slotOfColumn: [String: Int] = [:]
        func slot(_ name: String, _ use: String) throws -> Int {
            if let s = slotOfColumn[name] { return s }
            guard let index = reader.header.firstIndex(of: name) else {
                throw CSVError(file: csvPath, line: 1, column: nil, columnName: name,
                               message: "\(use) reads column '\(name)', which is not in the header; available columns: "
                                   + reader.header.map { "'\($0)'" }.joined(separator: ", "))
            }
            selected.append(index)
            slotOfColumn[name] = selected.count - 1
            return selected.count - 1
        }
        let idSlot = try slot(grid.idColumn, "the id")
        let criterionSlots = try grid.criteria.map { try slot($0.column, "criterion '\($0.name)'") }
        let segmentSlots = try grid.segmentBy.map { try slot($0, "allocation.segment_by") }
        let tieSlots = try grid.tieBreak.dropLast().map { try slot($0.column, "tie_break") }
        var fromDataSlot: Int?
        switch grid.allocation {
        case .capacity(.fromData(let column)), .proposals(.fromData(let column), _):
            fromDataSlot = try slot(column, "allocation.capacity.from_data")
        default: break
        }

        var definitions: [GridFeature] = []
        var featureCriterion: [Int] = []
        for (c, criterion) in grid.criteria.enumerated() {
            for feature in criterion.features {
                definitions.append(feature)
                featureCriterion.append(c)
            }
        }
        let parsers = grid.criteria.map(CriterionParser.init)
        var columns = [[Double]](repeating: [], count: definitions.count)
        var ids: [String] = []
        var idLines: [Int] = []
        var segmentEncoders = [CategoricalEncoder](repeating: CategoricalEncoder(), count: segmentSlots.count)
        var segmentCodes = [[UInt32]](repeating: [], count: segmentSlots.count)
        var tieValues = [[Double]](repeating: [], count: tieSlots.count)
        var allocated: [Bool] = []
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(definitions.count, 1))
        defer { buffer.deallocate() }

        // Per-unit criteria: the decimals of their values, for exact scoring.
        var surveys = [GridUnitColumnSurvey](repeating: GridUnitColumnSurvey(), count: parsers.count)
        try reader.forEachRow(selecting: selected) { row in
            ids.append(try row.validatedString(idSlot))
            idLines.append(row.line(of: idSlot))
            var f = 0
            for c in 0..<parsers.count {
                try parsers[c].features(row, criterionSlots[c], into: buffer + f, survey: &surveys[c])
                f += parsers[c].featureCount
            }
            for j in 0..<definitions.count { columns[j].append(buffer[j]) }
            for (k, s) in segmentSlots.enumerated() {
                segmentCodes[k].append(try segmentEncoders[k].code(for: row, s))
            }
            for (k, s) in tieSlots.enumerated() {
                guard !row.isMissing(s), let value = row.double(s) else {
                    throw row.error(s, "expected a number for tie-break key '\(grid.tieBreak[k].column)', found '\(row.string(s))'")
                }
                tieValues[k].append(value)
            }
            if let s = fromDataSlot {
                let value = row.double(s)
                guard value == 0 || value == 1 else {
                    throw row.error(s, "expected 0 or 1 (an actual allocation) for the capacity column, found '\(row.string(s))'")
                }
                allocated.append(value == 1)
            }
        }
        let n = ids.count
        var storage: [Double] = []
        storage.reserveCapacity(n * definitions.count)
        for j in columns.indices {
            storage.append(contentsOf: columns[j])
            columns[j] = []
        }
        let matrix = try Matrix(rows: n, columns: definitions.count, columnMajor: storage)
        let (codes, labels) = combineSegments(segmentCodes, segmentEncoders.map(\.levels), rows: n)
        let idOrder = ids.indices.sorted { ids[$0] < ids[$1] }
        for (a, b) in zip(idOrder, idOrder.dropFirst()) where ids[a] == ids[b] {
            let later = max(a, b)
            throw CSVError(file: csvPath, line: idLines[later], column: selected[idSlot] + 1, columnName: grid.idColumn,
                           message: "id '\(ids[later])' is given twice (first on line \(idLines[min(a, b)])); the id column must identify each applicant")
        }
        let tieRank = tieOrder(idOrder: idOrder, keys: tieValues, descending: grid.tieBreak.dropLast().map(\.descending),
                               idDescending: grid.tieBreak.last?.descending ?? false)
        let capacities = resolveCapacities(grid, codes: codes, labels: labels, allocated: allocated)
        var columnScales: [GridColumnScale] = []
        for (c, criterion) in grid.criteria.enumerated() {
            if case .perUnit(let perUnit, let cap) = criterion.kind {
                columnScales.append(try surveys[c].scale(perUnit: perUnit, cap: cap, key: "criteria[\(c + 1)]"))
            } else {
                columnScales += Array(repeating: .indicator, count: parsers[c].featureCount)
            }
        }
        return GridDesign(grid: grid, ids: ids, features: matrix, featureDefinitions: definitions,
                          featureCriterion: featureCriterion, segmentCodes: codes, segmentLabels: labels,
                          tieRank: tieRank, capacities: capacities, columnScales: columnScales)
    }

    /// Dense segment codes numbered in the sorted order of their labels.
    static func combineSegments(_ codes: [[UInt32]], _ levels: [[String]], rows n: Int) -> ([Int32], [[String]]) {
        guard !codes.isEmpty else { return ([Int32](repeating: 0, count: n), [[]]) }
        var combined = [Int](repeating: 0, count: n)
        var radix = 1
        for (k, column) in codes.enumerated() {
            for i in 0..<n { combined[i] += Int(column[i]) * radix }
            radix *= max(levels[k].count, 1)
        }
        func label(_ key: Int) -> [String] {
            var key = key
            return levels.map { values in
                let code = key % max(values.count, 1)
                key /= max(values.count, 1)
                return values[code]
            }
        }
        let distinct = Set(combined).map { ($0, label($0)) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
        var dense: [Int: Int32] = [:]
        for (position, entry) in distinct.enumerated() { dense[entry.0] = Int32(position) }
        return (combined.map { dense[$0] ?? 0 }, distinct.map(\.1))
    }

    /// Position of each row when sorted by the tie-break keys, then by id: the
    /// rows in id order, then stable radix sorts by each numeric key, last key first.
    static func tieOrder(idOrder: [Int], keys: [[Double]], descending: [Bool], idDescending: Bool) -> [Int32] {
        var order = (idDescending ? idOrder.reversed() : idOrder).map { Int32($0) }
        var sortKeys = [UInt64](repeating: 0, count: order.count)
        for (k, values) in keys.enumerated().reversed() {
            for (p, row) in order.enumerated() {
                sortKeys[p] = descending[k] ? StableRadixSort.descendingKey(values[Int(row)]) : StableRadixSort.ascendingKey(values[Int(row)])
            }
            StableRadixSort.sort(keys: &sortKeys, items: &order)
        }
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, row) in order.enumerated() { rank[Int(row)] = Int32(position) }
        return rank
    }

    static func resolveCapacities(_ grid: PointsGrid, codes: [Int32], labels: [[String]], allocated: [Bool]) -> [Int]? {
        let capacity: GridCapacity
        switch grid.allocation {
        case .capacity(let c), .proposals(let c, _): capacity = c
        case .threshold, nil: return nil
        }
        switch capacity {
        case .fromData:
            var k = [Int](repeating: 0, count: labels.count)
            for (i, isAllocated) in allocated.enumerated() where isAllocated { k[Int(codes[i])] += 1 }
            return k
        case .declared(let segments, let fallback):
            return labels.map { label in segments.first { $0.segment == label }?.k ?? fallback }
        }
    }
}

/// Turns one criterion's field into its feature values (the columns of `X`).
/// A class with plain fields, so the per-row loop neither copies nor
/// re-destructures the criterion's enum payload.
final class CriterionParser {
    enum Kind { case flag, category, perUnit, bands }
    let name: String
    let kindName: String
    let kind: Kind
    let featureCount: Int
    let missingIsZero: Bool
    /// flag: the true values; category: the levels (UTF-8 bytes).
    let patterns: [[UInt8]]
    /// perUnit: `cap / |ppu|` (+∞ without a cap).
    let capUnits: Double
    /// bands: bounds (±∞ when open).
    let lower: [Double]
    let upper: [Double]

    init(_ criterion: GridCriterion) {
        name = criterion.name
        kindName = criterion.kind.name
        featureCount = criterion.features.count
        missingIsZero = criterion.missingIsZero
        var patterns: [[UInt8]] = [], capUnits = Double.infinity, lower: [Double] = [], upper: [Double] = []
        switch criterion.kind {
        case .flag(_, let trueValues):
            kind = .flag
            patterns = trueValues.map { Array($0.utf8) }
        case .category(let levels):
            kind = .category
            patterns = levels.map { Array($0.value.utf8) }
        case .perUnit(let perUnit, let cap):
            kind = .perUnit
            if let cap { capUnits = cap / abs(perUnit) }
        case .bands(let bands):
            kind = .bands
            lower = bands.map { $0.from ?? -.infinity }
            upper = bands.map { $0.to ?? .infinity }
        }
        self.patterns = patterns
        self.capUnits = capUnits
        self.lower = lower
        self.upper = upper
    }

    /// Index of the pattern equal to `bytes`, if any.
    @inline(__always)
    private func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (k, pattern) in patterns.enumerated() where pattern.count == bytes.count {
            if bytes.count == 0 { return k }
            let equal = pattern.withUnsafeBufferPointer { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
            if equal { return k }
        }
        return nil
    }

    /// The feature values of one field; a per-unit value is also recorded in `survey`
    /// (its decimals, for exact scoring).
    func features(_ row: CSVRow, _ slot: Int, into buffer: UnsafeMutablePointer<Double>, survey: inout GridUnitColumnSurvey) throws {
        for f in 0..<featureCount { buffer[f] = 0 }
        if kind == .category {
            if let level = match(row.bytes(slot)) { buffer[level] = 1 }
            return
        }
        if row.isMissing(slot) {
            guard missingIsZero else {
                throw row.error(slot, "missing value for criterion '\(name)' (\(kindName)); declare `missing: 0` in the grid to give 0 points")
            }
            return
        }
        switch kind {
        case .flag:
            if match(row.bytes(slot)) != nil { buffer[0] = 1 }
        case .perUnit:
            let v = try number(row, slot)
            try survey.record(v, capUnits: capUnits, row: row, slot: slot, criterion: name)
            buffer[0] = min(v, capUnits)
        case .bands:
            let x = try number(row, slot)
            for b in 0..<lower.count where x >= lower[b] && x < upper[b] {
                buffer[b] = 1
                break
            }
        case .category:
            break
        }
    }

    private func number(_ row: CSVRow, _ slot: Int) throws -> Double {
        guard let x = row.double(slot) else {
            throw row.error(slot, "expected a number for criterion '\(name)' (\(kindName)), found '\(row.string(slot))'")
        }
        return x
    }
}

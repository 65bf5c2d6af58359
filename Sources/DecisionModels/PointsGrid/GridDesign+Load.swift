import AuditData
import AuditMetrics
import LinearAlgebra

extension GridDesign {
    /// Reads a CSV file against a grid (one streaming pass, ``PointsGrid/columnRequests``)
    /// and builds the design (``init(grid:store:)``).
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
        try GridDesign(grid: grid, store: DataLoader.load(path: csvPath, dialect: dialect, requests: grid.columnRequests))
    }

    /// The design of the applicants of `store`, read with the grid's requests
    /// (``PointsGrid/columnRequests``, alone or with other analyses' columns): `X`, the
    /// segments, the tie-break order and the capacities.
    ///
    /// - Throws: `CSVError` at the first missing value of a flag criterion that does not
    ///   declare `missing: 0`, or at a per-unit value that is not a decimal with at most 15
    ///   decimals (``GridUnitColumnSurvey``); `SpecError` when the store lacks a column of the
    ///   grid (it was read without the grid's requests).
    public init(grid: PointsGrid, store: ColumnStore) throws {
        let n = store.rowCount
        func notLoaded(_ column: String) -> SpecError {
            SpecError(key: "model", problem: .sentence(.gridColumnNotRead, arguments: ["column": "\(column)", "name": "\(grid.name)"]))
        }
        func category(_ column: String) throws(SpecError) -> GroupColumn {
            guard let values = store.categories[column] else { throw notLoaded(column) }
            return values
        }
        // A number column as the store holds it (dense or coded: `NumberColumn`), never copied
        // to an array: the loops below read it row by row.
        func numbers(_ column: String) throws(SpecError) -> NumberColumn {
            guard let values = store.numbers[column] else { throw notLoaded(column) }
            return values
        }
        guard let ids = store.identifiers[grid.idColumn] else { throw notLoaded(grid.idColumn) }

        var definitions: [GridFeature] = []
        var featureCriterion: [Int] = []
        for (c, criterion) in grid.criteria.enumerated() {
            for feature in criterion.features {
                definitions.append(feature)
                featureCriterion.append(c)
            }
        }
        // First, criterion by criterion over all rows: every located error and how each column
        // becomes whole numbers (per-unit: from the decimals of its values), and a writer of
        // the criterion's features for any range of rows.
        typealias Writer = (_ rows: Range<Int>, _ into: UnsafeMutableBufferPointer<Double>) -> Void
        var writers: [Writer] = []
        var columnScales: [GridColumnScale] = []
        var f = 0
        for (c, criterion) in grid.criteria.enumerated() {
            if case .perUnit = criterion.kind {} else { columnScales += Array(repeating: .indicator, count: criterion.features.count) }
            let first = f
            // Feature `first + k` of row `i` of the range `r` at `(first + k)·r.count + i − r.lowerBound`.
            switch criterion.kind {
            case .flag(_, let trueValues):
                let column = try category(criterion.column)
                if !criterion.missingIsZero, let unknown = column.unknownCode, let row = column.codes.firstIndex(of: unknown) {
                    throw store.error(row: row, column: criterion.column,
                                      PointsGrid.missingMessage("criterion '\(criterion.name)' (\(criterion.kind.name))"))
                }
                let isTrue = column.groups.indices.map { code in
                    UInt32(code) != column.unknownCode && trueValues.contains { $0.utf8.elementsEqual(column.groups[code].utf8) }
                }
                let codes = column.codes
                writers.append { r, out in
                    let base = first * r.count - r.lowerBound
                    codes.forEach(in: r) { i, code in if isTrue[Int(code)] { out[base + i] = 1 } }
                }
            case .category(let levels):
                // A level's feature; an undeclared or missing value gives none (0 points).
                let column = try category(criterion.column)
                let feature = column.groups.indices.map { code in
                    UInt32(code) == column.unknownCode ? nil : levels.firstIndex { $0.value.utf8.elementsEqual(column.groups[code].utf8) }
                }
                let codes = column.codes
                writers.append { r, out in
                    codes.forEach(in: r) { i, code in
                        if let level = feature[Int(code)] { out[(first + level) * r.count + i - r.lowerBound] = 1 }
                    }
                }
            case .perUnit(let perUnit, let cap):
                let capUnits = cap.map { $0 / abs(perUnit) } ?? .infinity
                var survey = GridUnitColumnSurvey()
                let values = try numbers(criterion.column)
                try values.forEach(in: 0..<values.count) { i, x in
                    guard !x.isNaN else { return }
                    guard survey.record(x, capUnits: capUnits, row: i) else {
                        throw store.error(row: i, column: criterion.column, GridUnitColumnSurvey.notDecimal(criterion: criterion.name, value: x))
                    }
                }
                columnScales.append(try survey.scale(perUnit: perUnit, cap: cap, key: "criteria[\(c + 1)]",
                                                     location: survey.row.map { store.error(row: $0, column: criterion.column, "") }))
                writers.append { r, out in
                    let base = first * r.count - r.lowerBound
                    values.forEach(in: r) { i, x in if !x.isNaN { out[base + i] = min(x, capUnits) } }
                }
            case .bands(let bands):
                let values = try numbers(criterion.column)
                writers.append { r, out in
                    values.forEach(in: r) { i, x in
                        guard !x.isNaN, let b = bands.firstIndex(where: { $0.contains(x) }) else { return }
                        out[(first + b) * r.count + i - r.lowerBound] = 1
                    }
                }
            }
            f += criterion.features.count
        }
        let (featurePatterns, patternOfRow) = try Self.features(rows: n, columns: definitions.count, writers: writers)
        let segments = try grid.segmentBy.map(category)
        let (codes, labels) = Self.combineSegments(segments.map(\.codes), segments.map(\.groups), rows: n)
        let tieKeys = try grid.tieBreak.dropLast().map { try numbers($0.column) }
        let tieRank = Self.tieOrder(idOrder: ids.rowsInOrder(), keys: tieKeys, descending: grid.tieBreak.dropLast().map(\.descending),
                                    idDescending: grid.tieBreak.last?.descending ?? false)
        let allocated = try grid.capacityColumn.map { try numbers($0).map { $0 == 1 } } ?? []
        let capacities = Self.resolveCapacities(grid, codes: codes, labels: labels, allocated: allocated)
        self.init(grid: grid, ids: ids, featurePatterns: featurePatterns, patternOfRow: patternOfRow, featureDefinitions: definitions,
                  featureCriterion: featureCriterion, segmentCodes: codes, segmentLabels: labels,
                  tieRank: tieRank, capacities: capacities, columnScales: columnScales)
    }

    /// Rows written per block while the design is compressed (65,536 rows × features).
    static let blockRows = 1 << 16

    /// `X` as its distinct rows and the pattern of each row, written and compressed a block of
    /// rows at a time (no `rows × columns` matrix): each block's patterns (``DesignPatterns``,
    /// in the order of their first row) are merged into the whole's in block order, so the
    /// patterns are numbered in the order of their first row, as ``DesignPatterns`` numbers them
    /// on `X` whole. `X` itself (and nil) when it has more distinct rows than a quarter of the
    /// rows (``DesignPatterns/defaultLimitShare``) or holds a −0 (the patterns fold −0 into +0).
    static func features(rows n: Int, columns k: Int, blockRows: Int = blockRows,
                         writers: [(_ rows: Range<Int>, _ into: UnsafeMutableBufferPointer<Double>) -> Void]) throws -> (Matrix, [Int32]?) {
        func write(_ r: Range<Int>, into buffer: inout [Double]) {
            buffer.withUnsafeMutableBufferPointer { out in
                for i in 0..<(r.count * k) { out[i] = 0 }
                for writer in writers { writer(r, out) }
            }
        }
        let cap = Int(Double(n) * DesignPatterns.defaultLimitShare)
        var compressible = n > 0
        var patternOfRow = [Int32](repeating: 0, count: compressible ? n : 0)
        var index: [[UInt64]: Int32] = [:]
        var distinct: [[Double]] = []          // row by row
        var buffer = [Double](repeating: 0, count: min(n, blockRows) * k)
        var low = 0
        while compressible && low < n {
            let r = low..<min(n, low + blockRows)
            write(r, into: &buffer)
            let block = Array(buffer[0..<(r.count * k)])
            guard !block.contains(where: { $0 == 0 && $0.sign == .minus }),
                  let local = try DesignPatterns.compress(design: Matrix(rows: r.count, columns: k, columnMajor: block), limit: r.count) else {
                compressible = false
                break
            }
            var global = [Int32](repeating: 0, count: local.patterns)
            for q in 0..<local.patterns {
                let row = (0..<k).map { local.design[q, $0] }
                let key = row.map(\.bitPattern)
                if let known = index[key] {
                    global[q] = known
                } else {
                    global[q] = Int32(distinct.count)
                    index[key] = global[q]
                    distinct.append(row)
                }
            }
            for (i, q) in local.patternOfRow.enumerated() { patternOfRow[r.lowerBound + i] = global[Int(q)] }
            if distinct.count > cap { compressible = false }
            low = r.upperBound
        }
        if compressible {
            var storage = [Double](repeating: 0, count: distinct.count * k)
            for (q, row) in distinct.enumerated() { for j in 0..<k { storage[q + j * distinct.count] = row[j] } }
            return (try Matrix(rows: distinct.count, columns: k, columnMajor: storage), patternOfRow)
        }
        // X, column-major: feature f of row i at f·n + i.
        var storage = [Double](repeating: 0, count: n * k)
        write(0..<n, into: &storage)
        return (try Matrix(rows: n, columns: k, columnMajor: storage), nil)
    }

    /// Dense segment codes numbered in the sorted order of their labels.
    static func combineSegments(_ codes: [GroupCodes], _ levels: [[String]], rows n: Int) -> ([Int32], [[String]]) {
        guard !codes.isEmpty else { return ([Int32](repeating: 0, count: n), [[]]) }
        var combined = [Int](repeating: 0, count: n)
        var radix = 1
        for (k, column) in codes.enumerated() {
            column.forEach(in: 0..<n) { i, code in combined[i] += Int(code) * radix }
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

    /// Position of each row when sorted by the tie-break keys, then by id: the rows in id
    /// order, then a stable sort by each numeric key, last key first
    /// (`StableRadixSort.sort(items:key:)`: by counting when the key has few distinct values —
    /// months, dates, flags — 6 bytes a row; else the radix sort).
    static func tieOrder(idOrder: consuming [Int32], keys: [NumberColumn], descending: [Bool], idDescending: Bool) -> [Int32] {
        var order = idOrder
        if idDescending { order.reverse() }
        for (k, values) in keys.enumerated().reversed() {
            if descending[k] {
                StableRadixSort.sort(items: &order) { StableRadixSort.descendingKey(values[$0]) }
            } else {
                StableRadixSort.sort(items: &order) { StableRadixSort.ascendingKey(values[$0]) }
            }
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

import AuditData

/// The groups of one protected attribute (e.g. `nationalite`) for each applicant
/// of a ``GridDesign``: row `i` belongs to `groups[codes[i]]`. Rows must be the
/// design's rows in the same order (same file), which ``load(columns:csvPath:dialect:rows:)``
/// checks by count.
///
/// Groups are sorted by label (deterministic output); an empty or missing value
/// (`""`, `NA`, …: ``CSVRow/isMissing(_:)``) forms the group ``missingLabel`` (`unknown`).
public struct GridProtectedAttribute: Sendable, Equatable {
    /// Label of the group of rows whose value is missing (`GroupColumn.unknownLabel`, as in audit reports).
    public static let missingLabel = GroupColumn.unknownLabel

    /// The column name.
    public let name: String
    /// Group labels, sorted.
    public let groups: [String]
    /// Group of each row: an index into ``groups``.
    public let codes: [Int32]

    /// - Throws: `SpecError` when a code is outside `0..<groups.count`.
    public init(name: String, groups: [String], codes: [Int32]) throws(SpecError) {
        if let bad = codes.firstIndex(where: { $0 < 0 || Int($0) >= groups.count }) {
            throw SpecError(key: "protected.\(name)", message: "row \(bad + 1) has group code \(codes[bad]); expected 0..<\(groups.count)")
        }
        self.name = name
        self.groups = groups
        self.codes = codes
    }

    /// The groups `DataLoader` built for an audit spec's protected attribute (bands,
    /// quantiles and relabelling applied; a missing value is `unknown`), in its group order.
    public init(_ column: GroupColumn) throws(SpecError) {
        try self.init(name: column.attribute, groups: column.groups, codes: column.codes.map { Int32(truncatingIfNeeded: $0) })
    }

    /// Number of rows in each group.
    public var counts: [Int] {
        var result = [Int](repeating: 0, count: groups.count)
        for code in codes { result[Int(code)] += 1 }
        return result
    }

    /// Reads the protected columns of a CSV file in one pass.
    ///
    /// - Parameter rows: the expected number of data rows (the design's `rows`), checked when given.
    /// - Throws: `CSVError` when a column is not in the header (listing the
    ///   available columns) or a value is not valid UTF-8; `SpecError` when the
    ///   file has another number of rows than expected.
    public static func load(columns: [String], csvPath: String, dialect: CSVDialect = CSVDialect(),
                            rows expected: Int? = nil) throws -> [GridProtectedAttribute] {
        let reader = try CSVReader(path: csvPath, dialect: dialect)
        var indices: [Int] = []
        for name in columns {
            guard let index = reader.header.firstIndex(of: name) else {
                throw CSVError(file: csvPath, line: 1, column: nil, columnName: name,
                               message: "protected attribute '\(name)' is not in the header; available columns: "
                                   + reader.header.map { "'\($0)'" }.joined(separator: ", "))
            }
            indices.append(index)
        }
        var encoders = [CategoricalEncoder](repeating: CategoricalEncoder(), count: columns.count)
        var raw = [[UInt32]](repeating: [], count: columns.count)
        let missingCode = UInt32.max
        try reader.forEachRow(selecting: indices) { row in
            for k in columns.indices {
                raw[k].append(row.isMissing(k) ? missingCode : try encoders[k].code(for: row, k))
            }
        }
        let n = raw.first?.count ?? 0
        if let expected, n != expected {
            throw SpecError(file: csvPath, key: "protected",
                            message: "the data file has \(n) rows for the protected attributes but the grid design has \(expected); both must come from the same file")
        }
        return try columns.indices.map { k in
            let levels = encoders[k].levels
            let hasMissing = raw[k].contains(missingCode)
            let labels = (levels + (hasMissing ? [missingLabel] : [])).sorted()
            var position: [String: Int32] = [:]
            for (p, label) in labels.enumerated() { position[label] = Int32(p) }
            let remap = levels.map { position[$0] ?? 0 }
            let missingPosition = position[missingLabel] ?? 0
            let codes = raw[k].map { $0 == missingCode ? missingPosition : remap[Int($0)] }
            return try GridProtectedAttribute(name: columns[k], groups: labels, codes: codes)
        }
    }
}

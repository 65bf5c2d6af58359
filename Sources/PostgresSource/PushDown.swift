import AuditData
import AuditMetrics
import Foundation

/// The push-down audit (`vigie audit --data postgresql://… --table T`, `docs/postgres.md`):
/// the audit's sufficient statistics computed by the database in one `GROUP BY` query at the
/// finest grain (``PushDownQuery``), added up here to every attribute and intersection; only
/// counts and sums leave it, never a row.
///
/// **The same reading as a CSV file.** The query groups each protected column, the label and
/// the decision by their text; the distinct texts are then read by Vigie's own CSV reader
/// (`DataLoader`, from a private temporary file holding one line per cell and no count)
/// with the spec's column requests — so missing values, value mappings, bands, the yes/no rules
/// of the label and the decision, the limits on groups and every error are those of a CSV
/// audit of the same table exported with `COPY … TO … CSV HEADER`. Each result row's counts and
/// sums are then added to the groups its codes give.
///
/// **What is exact.** Counts are; so every rate, difference, ratio, interval, test and
/// verdict computed from them equals the CSV audit's bit for bit (`metrics.csv` and
/// `findings.csv` byte-identical when the weight and score sums are exact in binary: no
/// weight, integer scores such as a grid's points). The database adds floating-point weight
/// and score sums in its own order: otherwise within a few units in the last place.
/// Refused (no exact push-down): quantile bands, a weighted bootstrap, decision models and
/// allocations (they rank rows).
public enum PushDown {
    /// What the database computed.
    public struct Result {
        public let statistics: AuditStatistics
        public let hasLabel: Bool
        public let hasDecision: Bool
        public let weighted: Bool
        public let warnings: [DataWarning]
        /// The statistics query as sent.
        public let sql: String
        /// The result set as text (tab-separated, `\N` for NULL, one line per row), for its hash.
        public let resultText: Data
        /// Rows audited.
        public var rowCount: Int { statistics.overall.count }
    }

    /// The push-down query `data` and `intersections` give (for `--show-sql`).
    public static func query(data: DataSpec, intersections: Int) -> PushDownQuery {
        PushDownQuery(protected: data.protected.map(\.column), label: data.label?.column, decision: data.decision?.column,
                      score: data.score, weight: data.weight, intersections: intersections)
    }

    /// Runs the push-down audit's queries on `location` for the columns of `data`.
    public static func statistics(location: PostgresLocation, data: DataSpec, intersections: Int) throws -> Result {
        for p in data.protected {
            if case .quantiles = p.binning {
                throw PostgresError(.sentence(.postgresQuantiles, arguments: ["column": "\(p.column)"]))
            }
        }
        let query = query(data: data, intersections: intersections)
        let name = location.description
        let connection = try PostgresConnection(uri: location.uri, location: name)
        // The columns, for a clear error on a missing one (no row is read).
        let header = try connection.query("SELECT * FROM \(location.sqlRelation) AS vigie_source LIMIT 0").columns
        for column in query.keys + [data.score, data.weight].compactMap({ $0 }) where !header.contains(column) {
            throw PostgresError(.sentence(.postgresNoColumn, arguments: ["source": "\(name)", "column": "\(column)", "columns": "\(header.joined(separator: ", "))"]))
        }
        var warnings: [DataWarning] = []
        if let check = query.checkSQL(relation: location.sqlRelation) {
            let row = try connection.query(check)
            var values: [String: String?] = [:]
            for (c, column) in row.columns.enumerated() { values[column] = row.rows.first?[c] ?? nil }
            func count(_ key: String) -> Int { values[key].flatMap { $0 }.flatMap(Int.init) ?? 0 }
            if let weight = data.weight {
                if count("missing_weights") > 0 { throw PostgresError(.sentence(.postgresNoWeight, arguments: ["source": "\(name)", "column": "\(weight)", "count": "\(count("missing_weights"))"])) }
                if count("bad_weights") > 0 {
                    throw PostgresError(.sentence(.postgresBadWeight, arguments: ["source": "\(name)", "column": "\(weight)", "count": "\(count("bad_weights"))", "example": "\(values["bad_weight"].flatMap { $0 } ?? "?")"]))
                }
                if count("positive_weights") == 0 { throw PostgresError(.sentence(.postgresWeightsZero, arguments: ["source": "\(name)", "column": "\(weight)"])) }
            }
            if let score = data.score {
                if count("bad_scores") > 0 {
                    throw PostgresError(.sentence(.postgresBadScore, arguments: ["source": "\(name)", "column": "\(score)", "count": "\(count("bad_scores"))", "example": "\(values["bad_score"].flatMap { $0 } ?? "?")"]))
                }
                if count("missing_scores") > 0 { warnings.append(.missingScores(count: count("missing_scores"), column: score)) }
            }
        }
        let sql = query.sql(relation: location.sqlRelation)
        let result = try connection.query(sql)
        guard !result.rows.isEmpty else { throw PostgresError(.sentence(.postgresNoRows, arguments: ["source": "\(name)"])) }
        return try assemble(result, query: query, data: data, location: name, sql: sql, warnings: warnings)
    }

    /// Turns the query's rows — the finest cells — into the audit's statistics (see the type's
    /// documentation): each cell's counts and sums added to the group of every grouping it
    /// belongs to, in the result's order (sorted: deterministic).
    static func assemble(_ result: PostgresConnection.Rows, query: PushDownQuery, data: DataSpec, location: String, sql: String, warnings: [DataWarning]) throws -> Result {
        let keyCount = query.keys.count
        let column = Dictionary(uniqueKeysWithValues: result.columns.enumerated().map { ($0.element, $0.offset) })
        func index(_ name: String) throws -> Int {
            guard let i = column[name] else { throw PostgresError(.sentence(.postgresResultColumn, arguments: ["source": "\(location)", "column": "\(name)"])) }
            return i
        }
        let nColumn = try index("n")
        let keyColumns = try (0..<keyCount).map { try index("k\($0)") }
        // The keys as a CSV file, read by Vigie's reader with the audit's requests.
        var csv = query.keys.map(csvField).joined(separator: ",") + "\n"
        var text = Data()
        for row in result.rows {
            csv += keyColumns.map { row[$0].map(csvField) ?? "" }.joined(separator: ",") + "\n"
            text.append(Data((row.map { $0 ?? "\\N" }.joined(separator: "\t") + "\n").utf8))
        }
        let requests = data.groupRequests + [data.label.map { ColumnRequest($0.column, .label($0.rule)) },
                                              data.decision.map { ColumnRequest($0.column, .decision($0.rule)) }].compactMap { $0 }
        var dialect = data.csv
        dialect.delimiter = UInt8(ascii: ",")
        dialect.decimalComma = false
        let keys = try readKeys(csv, dialect: dialect, requests: requests, location: location)
        let groupings = Grouping.all(for: keys, order: query.sets.map(\.count).max() ?? 1)
        guard groupings.map(\.components) == query.sets else { throw PostgresError(.sentence(.postgresGroupings, arguments: ["source": "\(location)"])) }
        let weighted = data.weight != nil, scored = data.score != nil
        func value(_ row: [String?], _ name: String) throws -> Double {
            guard let text = row[try index(name)] else { return 0 }   // a sum over no value: NULL
            guard let x = Double(text), x.isFinite else { throw PostgresError(.sentence(.postgresNotFinite, arguments: ["source": "\(location)", "column": "\(name)", "found": "\(text)"])) }
            return x
        }
        var statistics = AuditStatistics(empty: groupings)
        var overall = GroupStatistics.zero
        for (r, row) in result.rows.enumerated() {
            guard let nText = row[nColumn], let n = Int(nText), n >= 0 else { throw PostgresError(.sentence(.postgresRowCount, arguments: ["source": "\(location)"])) }
            let cell = 2 * Int(keys.label?[r] ?? 0) + Int(keys.decision?[r] ?? 0)
            var s = GroupStatistics.zero
            s.rows[cell] = n
            if weighted {
                s.weights[cell] = try value(row, "w")
                s.weightSquares[cell] = try value(row, "w2")
            } else {
                s.weights[cell] = Double(n)
                s.weightSquares[cell] = Double(n)
            }
            if scored {
                guard let scoredText = row[try index("scored")], let scoredRows = Int(scoredText) else { throw PostgresError(.sentence(.postgresScoreCount, arguments: ["source": "\(location)"])) }
                s.scoredRows = scoredRows
                s.scoreWeight = weighted ? try value(row, "score_weight") : Double(scoredRows)
                s.scoreSum = try value(row, "score_sum")
                s.scoreSquareSum = try value(row, "score_squares")
            }
            overall += s
            for (g, grouping) in groupings.enumerated() {
                let code = grouping.code(ofRow: r, in: keys)
                statistics.setGroup(g, code, statistics.groups[g][code] + s)
            }
        }
        statistics.setOverall(overall)
        return Result(statistics: statistics, hasLabel: data.label != nil, hasDecision: data.decision != nil, weighted: weighted,
                      warnings: warnings + keys.warnings, sql: sql, resultText: text)
    }

    /// A CSV field: quoted, inner quotes doubled (an empty text stays `""`, as COPY writes it).
    static func csvField(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Reads the keys' CSV from a private temporary file; a reading error names the database and
    /// the column instead of the temporary file.
    static func readKeys(_ csv: String, dialect: CSVDialect, requests: [ColumnRequest], location: String) throws -> ColumnStore {
        let folder = NSTemporaryDirectory() + "vigie-pushdown-XXXXXX"
        var template = Array(folder.utf8CString)
        guard let made = mkdtemp(&template) else { throw PostgresError(.sentence(.postgresTemporaryFolder, arguments: ["reason": "\(String(cString: strerror(errno)))"])) }
        let directory = String(cString: made)
        let path = directory + "/keys.csv"
        defer {
            unlink(path)
            rmdir(directory)
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw PostgresError(.sentence(.postgresTemporaryFile, arguments: ["folder": "\(directory)"]))
        }
        do {
            return try DataLoader.load(path: path, dialect: dialect, requests: requests)
        } catch let error as CSVError {
            throw PostgresError("\(location)\(error.columnName.map { ", column '\($0)'" } ?? ""): \(error.message)")
        }
    }
}

import Foundation

/// Where the push-down audit reads: a PostgreSQL connection URI and the rows to audit (a table
/// or a query). The password never appears here: libpq takes it from `PGPASSWORD` or
/// `~/.pgpass` (a URI with a password is refused, so that it cannot reach a manifest, a shell
/// history or the process list).
public struct PostgresLocation: Sendable, Equatable {
    /// `postgresql://user@host:port/database?…`, as given.
    public let uri: String
    /// The rows: a table (`schema.table` or `table`) or a `SELECT` query.
    public let relation: Relation

    public enum Relation: Sendable, Equatable {
        case table(String)
        case query(String)
    }

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Checks the URI: the scheme, and no password in it.
    public init(uri: String, relation: Relation) throws(PostgresError) {
        guard Self.isURI(uri) else {
            throw PostgresError(.sentence(.postgresURI, arguments: ["uri": "\(uri)"]))
        }
        let afterScheme = uri[uri.range(of: "://")!.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") {
            throw PostgresError(.sentence(.postgresPassword, arguments: [:]))
        }
        let lowered = uri.lowercased()
        if lowered.contains("password=") {
            throw PostgresError(.sentence(.postgresPasswordParameter, arguments: [:]))
        }
        switch relation {
        case .table(let name):
            guard !name.isEmpty, name.split(separator: ".", omittingEmptySubsequences: false).count <= 2,
                  !name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
                throw PostgresError(.sentence(.postgresTable, arguments: ["name": "\(name)"]))
            }
        case .query(let sql):
            let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.lowercased().hasPrefix("select") || trimmed.lowercased().hasPrefix("with") || trimmed.lowercased().hasPrefix("table") else {
                throw PostgresError(.sentence(.postgresQuery, arguments: [:]))
            }
            guard !trimmed.contains(";") || trimmed.hasSuffix(";") && !trimmed.dropLast().contains(";") else {
                throw PostgresError(.sentence(.postgresOneQuery, arguments: [:]))
            }
        }
        self.uri = uri
        self.relation = relation
    }

    /// The relation as SQL: the quoted table name, or the query as a subquery.
    public var sqlRelation: String {
        switch relation {
        case .table(let name): return name.split(separator: ".").map { PushDownQuery.identifier(String($0)) }.joined(separator: ".")
        case .query(let sql):
            var text = sql.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.hasSuffix(";") { text.removeLast() }
            return "(\(text))"
        }
    }

    /// The server and database, without parameters (the password is never in the URI).
    public var server: String { uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? uri }

    /// What the outputs say the data is: the server and database and the table, or `query`.
    public var description: String {
        let base = server
        switch relation {
        case .table(let name): return "\(base) table \(name)"
        case .query: return "\(base) query"
        }
    }
}

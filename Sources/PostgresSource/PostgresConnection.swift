import CPostgres
import Foundation

/// One libpq connection (`PQconnectdb`), closed when released. Queries run with
/// `PQexecParams` and text results; every failure becomes a ``PostgresError`` quoting the
/// server's message.
///
/// libpq rather than postgres-nio: a C library Debian ships (libpq-dev), linked like BLAS,
/// adds nothing to the build (postgres-nio and SwiftNIO add minutes to every clean build in
/// CI), and a synchronous client is all an audit needs: one query, one result.
final class PostgresConnection {
    private let handle: OpaquePointer
    let location: String

    /// Connects to `uri`; `location` names it in errors (no password).
    init(uri: String, location: String) throws(PostgresError) {
        guard let connection = PQconnectdb(uri) else { throw PostgresError(.sentence(.postgresAllocate, arguments: ["server": "\(location)"])) }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw PostgresError(.sentence(.postgresConnect, arguments: ["server": "\(location)", "reason": "\(message)"]))
        }
        handle = connection
        self.location = location
    }

    deinit { PQfinish(handle) }

    /// A query's rows, every value as text (`nil` for NULL).
    struct Rows {
        let columns: [String]
        let rows: [[String?]]
    }

    /// Runs `sql` and returns its rows.
    func query(_ sql: String) throws(PostgresError) -> Rows {
        guard let result = PQexecParams(handle, sql, 0, nil, nil, nil, nil, 0) else {
            throw PostgresError(.sentence(.postgresSend, arguments: ["server": "\(location)", "reason": "\(String(cString: PQerrorMessage(handle)))"]))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK else {
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
            throw PostgresError(.sentence(.postgresFailed, arguments: ["server": "\(location)", "reason": "\(message.trimmingCharacters(in: .whitespacesAndNewlines))"]))
        }
        let fields = Int(PQnfields(result)), tuples = Int(PQntuples(result))
        let columns = (0..<fields).map { String(cString: PQfname(result, Int32($0))) }
        var rows: [[String?]] = []
        rows.reserveCapacity(tuples)
        for r in 0..<tuples {
            rows.append((0..<fields).map { f in
                PQgetisnull(result, Int32(r), Int32(f)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(r), Int32(f)))
            })
        }
        return Rows(columns: columns, rows: rows)
    }
}

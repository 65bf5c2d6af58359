import ArgumentParser
import PostgresSource

/// `vigie audit`'s options for data in a PostgreSQL database (`docs/postgres.md`): the audit is
/// pushed down — the server computes the counts and sums, no row leaves it.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("With --data postgresql://…: the table to audit (table or schema.table).", valueName: "name"))
    var table: String?

    @Option(name: .long, help: ArgumentHelp("With --data postgresql://…: a SELECT query whose rows to audit (instead of --table).", valueName: "sql"))
    var query: String?

    @Flag(name: .long, help: "Print the statistics query the audit would send (plain SQL GROUP BY: PostgreSQL, Citus, Trino or Spark SQL) and stop.")
    var showSQL = false

    /// Checks the flags against `--data` before any work.
    func validate(data: String?) throws {
        let isDatabase = data.map(PostgresLocation.isURI) ?? false
        if table != nil && query != nil { throw ValidationError("give --table or --query, not both") }
        if (table != nil || query != nil) && data != nil && !isDatabase {
            throw ValidationError("--table and --query read a database: give --data postgresql://user@host:port/database")
        }
    }

    /// The database to read, when the data is a PostgreSQL URI (from `--data` or the spec).
    func location(data: String?) throws -> PostgresLocation? {
        guard let data, PostgresLocation.isURI(data) else {
            if table != nil || query != nil { throw ValidationError("--table and --query read a database: give --data postgresql://user@host:port/database") }
            return nil
        }
        guard let relation = table.map(PostgresLocation.Relation.table) ?? query.map(PostgresLocation.Relation.query) else {
            throw ValidationError("--data \(data): name the rows to audit with --table NAME or --query 'SELECT …'")
        }
        return try PostgresLocation(uri: data, relation: relation)
    }
}

import TestSupport
import Foundation
import Testing

/// The push-down audit against a real server (`docs/postgres.md`): a throwaway PostgreSQL
/// cluster (`Tests/postgres/throwaway-server.sh`, Debian's server, which `bash .ci/setup`
/// installs), loaded with generated applicants; the audit by push-down and the audit of the
/// table exported with `COPY … TO … CSV HEADER` give byte-identical `metrics.csv` and
/// `findings.csv`; bad input — an unreachable server, wrong credentials, a missing table or
/// column, a column of the wrong type, a query error, a value the audit cannot read, a password
/// in the URI — is refused with exit 2, a message naming what failed, and nothing written.
@Suite("PostgresPushDown", .serialized)
struct PostgresPushDownTests {
    let scratch = Scratch()

    /// The server, started once for the test run and stopped when it ends (its URI, or why it
    /// did not start). Not a `static let`: starting a process inside a lazy global's
    /// initialiser can deadlock Foundation's process monitor.
    static func server() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let started { return try started.get() }
        let result = Result { try startServer() }
        started = result
        return try result.get()
    }

    static let lock = NSLock()
    nonisolated(unsafe) static var started: Result<String, Error>?

    /// Runs the script through `system(3)`, which waits for it with `waitpid`: Foundation's
    /// `Process` was seen to leave this script a zombie and wait for ever (the script's
    /// children — `runuser`, `pg_ctl`, `setsid` — outlive or re-parent themselves).
    static func startServer() throws -> String {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let uriFile = base.appendingPathExtension("uri"), log = base.appendingPathExtension("log")
        defer {
            try? FileManager.default.removeItem(at: uriFile)
            try? FileManager.default.removeItem(at: log)
        }
        let script = CLI.root.appendingPathComponent("Tests/postgres/throwaway-server.sh").path
        let status = system("/bin/bash '\(script)' \(getpid()) '\(uriFile.path)' </dev/null >'\(log.path)' 2>&1")
        let uri = (try? String(contentsOf: uriFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard status == 0, uri.hasPrefix("postgresql://") else {
            let message = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ServerError(description: "the throwaway PostgreSQL server did not start (status \(status)): \(message)")
        }
        return uri
    }

    struct ServerError: Error, CustomStringConvertible { let description: String }

    /// Runs `psql` on the test server with `script` on standard input.
    @discardableResult
    static func psql(_ uri: String, _ script: String, in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", uri]
        process.currentDirectoryURL = folder
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ServerError(description: "psql: \(error)") }
        return text
    }

    static let columns = """
    demande_id text, anciennete_mois integer, commune_souhaitee text, typologie text, type_menage text, age integer, sexe text,
    nationalite text, handicap text, residence_qpv text, revenu_mensuel text, taux_effort text, situation_logement text, dalo text,
    menace_expulsion text, violences text, suroccupation text, logement_indigne text, lien_commune text, refus_offre text,
    score_total integer, besoin_prioritaire integer, propose_caleol integer, attribue integer, date_depot date, date_attribution date
    """

    static let arguments = ["--protected", "nationalite", "--protected", "sexe", "--protected", "age:18,26,36,51,66", "--protected", "handicap",
                            "--protected", "commune_souhaitee", "--label", "besoin_prioritaire", "--decision", "propose_caleol",
                            "--score", "score_total", "--min-cell-size", "10"]

    /// A table `name` of `rows` generated applicants, some values blanked (missing), and its export.
    func table(_ name: String, rows: Int, uri: String) throws -> (folder: URL, export: URL) {
        let folder = scratch.folder()
        let generated = folder.appendingPathComponent("generated.csv")
        #expect(try CLI.run(["generate", "housing", "--rows", String(rows), "--seed", "11", "--out", generated.path]).status == 0)
        try Self.psql(uri, """
            SET client_min_messages = warning;
            DROP TABLE IF EXISTS \(name);
            CREATE TABLE \(name) (\(Self.columns));
            \\copy \(name) FROM 'generated.csv' CSV HEADER
            UPDATE \(name) SET sexe = NULL WHERE anciennete_mois % 53 = 0;
            UPDATE \(name) SET nationalite = '' WHERE anciennete_mois % 61 = 0;
            UPDATE \(name) SET score_total = NULL WHERE anciennete_mois % 47 = 0;
            \\copy \(name) TO 'export.csv' CSV HEADER
            """, in: folder)
        return (folder, folder.appendingPathComponent("export.csv"))
    }

    @Test("pushed down, by table and by query, and from the COPY export: metrics.csv and findings.csv byte-identical; the manifest records the server, the query and the result's hash, no password")
    func pushDownEqualsExport() throws {
        let uri = try Self.server()
        let (folder, export) = try table("applicants", rows: 6_000, uri: uri)
        let fromCSV = folder.appendingPathComponent("csv"), fromTable = folder.appendingPathComponent("table")
        var r = try CLI.run(["audit", "--data", export.path, "--quiet", "--out", fromCSV.path] + Self.arguments)
        #expect(r.status == 0, "\(r.stderr)")
        r = try CLI.run(["audit", "--data", uri, "--table", "applicants", "--quiet", "--out", fromTable.path] + Self.arguments)
        #expect(r.status == 0, "\(r.stderr)")
        for file in ["metrics.csv", "findings.csv"] {
            #expect(try Data(contentsOf: fromCSV.appendingPathComponent(file)) == Data(contentsOf: fromTable.appendingPathComponent(file)), "\(file)")
        }
        let metrics = try String(contentsOf: fromTable.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(metrics.contains("sexe,unknown,"), "NULL is a missing value")
        #expect(metrics.contains("nationalite,unknown,"), "an empty text is a missing value, as in the export")
        // The same rows as a query, filtered: equal to the export of the same query.
        try Self.psql(uri, "\\copy (SELECT * FROM applicants WHERE typologie <> 'T1') TO 'query.csv' CSV HEADER", in: folder)
        let fromQuery = folder.appendingPathComponent("query"), fromQueryCSV = folder.appendingPathComponent("query-csv")
        r = try CLI.run(["audit", "--data", uri, "--query", "SELECT * FROM applicants WHERE typologie <> 'T1'", "--quiet", "--out", fromQuery.path] + Self.arguments)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try CLI.run(["audit", "--data", folder.appendingPathComponent("query.csv").path, "--quiet", "--out", fromQueryCSV.path] + Self.arguments).status == 0)
        #expect(try Data(contentsOf: fromQuery.appendingPathComponent("metrics.csv")) == Data(contentsOf: fromQueryCSV.appendingPathComponent("metrics.csv")))
        // The manifest.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: fromTable.appendingPathComponent("manifest.json"))) as? [String: Any]
        let database = try #require(manifest?["database"] as? [String: Any])
        #expect(database["server"] as? String == uri)
        #expect(database["table"] as? String == "applicants")
        #expect((database["sql"] as? String)?.contains("GROUP BY") == true)
        #expect((database["result_sha256"] as? String)?.count == 64)
        #expect(database["rows"] as? Int == 6_000)
        // Same data, same hash: a second run gives the same manifest.
        let again = folder.appendingPathComponent("again")
        #expect(try CLI.run(["audit", "--data", uri, "--table", "applicants", "--quiet", "--out", again.path] + Self.arguments).status == 0)
        #expect(try Data(contentsOf: again.appendingPathComponent("manifest.json")) == Data(contentsOf: fromTable.appendingPathComponent("manifest.json")))
        // --show-sql prints the query and runs nothing.
        r = try CLI.run(["audit", "--data", uri, "--table", "applicants", "--show-sql"] + Self.arguments)
        #expect(r.status == 0 && r.stdout.contains("GROUP BY") && r.stdout.contains("FROM \"applicants\""))
    }

    @Test("refused with exit 2, the failure named, nothing written")
    func badInput() throws {
        let uri = try Self.server()
        let folder = try table("small", rows: 300, uri: uri).folder
        try Self.psql(uri, """
            DROP TABLE IF EXISTS typed;
            CREATE TABLE typed AS SELECT nationalite, sexe, besoin_prioritaire, propose_caleol, 'n/a'::text AS score_total FROM small;
            DROP TABLE IF EXISTS labels;
            CREATE TABLE labels AS SELECT nationalite, sexe, 2 AS besoin_prioritaire, propose_caleol, score_total FROM small;
            GRANT SELECT ON small TO auditor;
            """, in: folder)
        let port = uri.split(separator: ":").last!.split(separator: "/").first!
        let short = ["--protected", "nationalite", "--protected", "sexe", "--label", "besoin_prioritaire", "--decision", "propose_caleol", "--score", "score_total"]
        let cases: [(arguments: [String], expected: String, environment: [String: String])] = [
            (["--data", "postgresql://postgres@127.0.0.1:1/postgres", "--table", "small"], "cannot connect", [:]),
            (["--data", "postgresql://auditor@127.0.0.1:\(port)/postgres", "--table", "small"], "password authentication failed", ["PGPASSWORD": "wrong"]),
            (["--data", "postgresql://auditor:secret@127.0.0.1:\(port)/postgres", "--table", "small"], "PGPASSWORD", [:]),
            (["--data", uri, "--table", "nowhere"], "does not exist", [:]),
            (["--data", uri, "--query", "SELECT nationalite FROM small"], "no column 'sexe'", [:]),
            (["--data", uri, "--table", "typed"], "invalid input syntax for type double precision", [:]),
            (["--data", uri, "--query", "SELECT * FROM small WHERE nope"], "the query failed", [:]),
            (["--data", uri, "--table", "labels"], "column 'besoin_prioritaire'", [:]),
            (["--data", uri], "--table", [:]),
        ]
        for c in cases {
            let out = scratch.folder().appendingPathComponent("out")
            let r = try CLI.run(["audit", "--out", out.path, "--quiet"] + c.arguments + short, environment: c.environment)
            #expect(r.status == 2, "\(c.arguments): \(r.stderr)")
            #expect(r.stderr.contains(c.expected), "\(c.arguments): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(c.arguments)")
            #expect(!r.stderr.contains("secret"), "no password echoed")
        }
        // The right password works.
        let out = scratch.folder().appendingPathComponent("ok")
        let r = try CLI.run(["audit", "--out", out.path, "--quiet", "--data", "postgresql://auditor@127.0.0.1:\(port)/postgres", "--table", "small"] + short,
                            environment: ["PGPASSWORD": "vigie-test"])
        #expect(r.status == 0, "\(r.stderr)")
    }
}

import AuditApplication
import Foundation
import RegisterRecords
import TestSupport
import Testing

/// Register records live in the audit folder they describe, beside its reports: the folder
/// stays a Vigie output folder (a new audit replaces it whole, records included, since they
/// describe the old audit), and `vigie verify` still passes.
@Suite struct RegisterInAuditFolderTests {
    typealias S = RegisterTestSupport

    @Test func everyRecordNameIsKnownToTheOutputFolder() {
        for format in RegisterFormat.allCases {
            for name in format.fileNames { #expect(OutputFolder.derivedFileNames.contains(name), "\(name)") }
        }
    }

    @Test func recordsKeepTheFolderReplaceableAndVerifiable() throws {
        let audit = try S.copy(S.housing)
        for format in RegisterFormat.allCases {
            let run = try S.vigie(["register", "--format", format.rawValue, "--declare", S.housingDeclarations, "--quiet", audit.path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: audit.path)
        #expect(entries.contains("register-nl.json") && entries.contains("register-etalab.csv"))
        #expect(entries.allSatisfy { !$0.hasPrefix(".") }, "no temporary file stays: \(entries)")
        let verify = try S.vigie(["verify", audit.path, "--inputs", RepositoryPaths.housing("")])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // A new audit into the folder is accepted without --force and leaves no stale record.
        let again = try S.vigie(["demo", "housing", "--quiet", "--out", audit.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: audit.appendingPathComponent("register-nl.json").path))
    }

    /// The grid of an audit written far from its inputs is recorded by name only: found with
    /// `--inputs DIR`, else reported missing with where it was looked for.
    @Test func gridFoundWithInputsFolder() throws {
        let copy = try S.copy(S.housing)
        func operationsSource(_ extra: [String]) throws -> (String?, S.Run) {
            let process = Process()
            process.executableURL = S.binary
            process.arguments = ["register", "--format", "etalab", "--stdout"] + extra + [copy.path]
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let run = S.Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
            let rows = S.parseCSV(run.stdout)
            let record = Dictionary(zip(rows.first ?? [], rows.last ?? []), uniquingKeysWith: { a, _ in a })
            return (record["Opérations effectuées par l'algorithme [source]"], run)
        }
        let (without, r1) = try operationsSource([])
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(without == "missing")
        let (with, r2) = try operationsSource(["--inputs", RepositoryPaths.housing("")])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(with == "declared")
    }
}

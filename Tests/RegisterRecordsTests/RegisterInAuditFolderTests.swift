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
}

import Foundation
import Testing

/// A folder that is not a Vigie audit, another schema version, a changed report, a card
/// missing a required field, bad options and declarations: exit 2, a message naming the
/// file or field, nothing written, the inputs untouched.
@Suite(.serialized) struct RegisterBadInputTests {
    func refused(_ arguments: [String], in folder: URL?, mentions: [String]) throws {
        let before = folder.map { RegisterTestSupport.registerFiles($0) }
        let r = try RegisterTestSupport.vigie(arguments)
        #expect(r.status == 2, "\(arguments): \(r.stdout)\(r.stderr)")
        for text in mentions { #expect(r.stderr.contains(text), "\(text) in: \(r.stderr)") }
        #expect(r.stdout.isEmpty)
        if let folder, let before { #expect(RegisterTestSupport.registerFiles(folder) == before, "nothing written") }
    }

    @Test func notAFolder() throws {
        let file = RegisterTestSupport.scratch().appendingPathComponent("x.txt")
        try Data("x".utf8).write(to: file)
        try refused(["register", "--format", "etalab", file.path], in: nil, mentions: ["is not a folder"])
    }

    @Test func notAVigieAudit() throws {
        let empty = RegisterTestSupport.scratch()
        try refused(["register", "--format", "atrs", empty.path], in: empty, mentions: ["report.json: not found", "is not a Vigie audit folder"])
        let other = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try RegisterTestSupport.editReport(other) { $0["generator"] = ["name": "other-tool", "version": "1"] }
        try refused(["register", "--format", "etalab", other.path], in: other, mentions: ["report.json: generator.name is 'other-tool', expected 'vigie'"])
        let noManifest = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try FileManager.default.removeItem(at: noManifest.appendingPathComponent("manifest.json"))
        try refused(["register", "--format", "etalab", noManifest.path], in: noManifest, mentions: ["manifest.json: not found"])
        let broken = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try Data("{".utf8).write(to: broken.appendingPathComponent("report.json"))
        try refused(["register", "--format", "etalab", broken.path], in: broken, mentions: ["report.json: not valid JSON"])
    }

    @Test func anotherSchemaVersion() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try RegisterTestSupport.editReport(copy) { $0["schema_version"] = "1.0" }
        try refused(["register", "--format", "nl", "--declare", RegisterTestSupport.housingDeclarations, copy.path], in: copy,
                    mentions: ["report.json: schema_version is '1.0'", "report schema 1.1"])
        let manifest = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        var m = try RegisterTestSupport.json(manifest.appendingPathComponent("manifest.json"))
        m["manifest_version"] = 2
        try JSONSerialization.data(withJSONObject: m).write(to: manifest.appendingPathComponent("manifest.json"))
        try refused(["register", "--format", "etalab", manifest.path], in: manifest, mentions: ["manifest.json: manifest_version is 2"])
    }

    @Test func reportChangedAfterTheAudit() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let url = copy.appendingPathComponent("report.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        // Any edit of a figure: here a 1 prefixed to the count of no_disparity verdicts.
        let edited = text.replacingOccurrences(of: "\"no_disparity\" : ", with: "\"no_disparity\" : 1")
        #expect(edited != text)
        text = edited
        try text.write(to: url, atomically: true, encoding: .utf8)
        try refused(["register", "--format", "atrs", copy.path], in: copy, mentions: ["is not the", "that manifest.json records", "vigie verify"])
    }

    @Test func malformedReportNamesTheKey() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try RegisterTestSupport.editReport(copy) { r in
            var verdicts = r["verdicts"] as? [String: Any] ?? [:]
            verdicts["disparity"] = "many"
            r["verdicts"] = verdicts
        }
        try refused(["register", "--format", "etalab", copy.path], in: copy, mentions: ["report.json: verdicts.disparity: expected a number"])
    }

    @Test func cardMissingARequiredField() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try RegisterTestSupport.editReport(copy) { r in
            var card = r["system"] as? [String: Any] ?? [:]
            card["purpose"] = nil
            card["contact"] = nil
            r["system"] = card
        }
        try refused(["register", "--format", "etalab", copy.path], in: copy,
                    mentions: ["Finalité de l'algorithme (Purpose of the algorithm / Finalité de l'algorithme): declare `purpose` in the spec's system card"])
        try refused(["register", "--format", "atrs", copy.path], in: copy,
                    mentions: ["1.4 (Contact email / Adresse de contact): declare `contact` in the spec's system card"])
    }

    @Test func badOptionsAndDeclarations() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try refused(["register", "--format", "csv", copy.path], in: copy, mentions: ["The value 'csv' is invalid for '--format <format>'", "'etalab', 'atrs' or 'nl'"])
        let declarations = RegisterTestSupport.scratch().appendingPathComponent("register.yaml")
        try "nl:\n  status: In gebruik\n  colour: blue\n".write(to: declarations, atomically: true, encoding: .utf8)
        try refused(["register", "--format", "nl", "--declare", declarations.path, copy.path], in: copy,
                    mentions: ["register.yaml:3:3: nl.colour: not a key the nl record reads from this file"])
        try "fr:\n  nom: x\n".write(to: declarations, atomically: true, encoding: .utf8)
        try refused(["register", "--format", "etalab", "--declare", declarations.path, copy.path], in: copy,
                    mentions: ["register.yaml:1:1: fr: unknown format; expected etalab, atrs or nl"])
        try "etalab:\n  portee_decision: {a: b}\n".write(to: declarations, atomically: true, encoding: .utf8)
        try refused(["register", "--format", "etalab", "--declare", declarations.path, copy.path], in: copy,
                    mentions: ["register.yaml:2:20: etalab.portee_decision: expected a text or a list of texts"])
        try refused(["register", "--format", "etalab", "--declare", "/nonexistent/register.yaml", copy.path], in: copy,
                    mentions: ["/nonexistent/register.yaml: declarations: cannot read the declarations file"])
    }

    /// Registering reads the audit and never changes it; a second run gives the same bytes.
    @Test func inputsUntouchedAndOutputDeterministic() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let names = ["report.json", "manifest.json", "report.md", "metrics.csv"]
        let before = try names.map { try RegisterTestSupport.sha256sum(copy.appendingPathComponent($0)) }
        var first: [String] = []
        for round in 0..<2 {
            for format in ["etalab", "atrs"] {
                let r = try RegisterTestSupport.vigie(["register", "--format", format, "--quiet", copy.path])
                #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
            }
            let r = try RegisterTestSupport.vigie(["register", "--format", "nl", "--declare", RegisterTestSupport.housingDeclarations, "--quiet", copy.path])
            #expect(r.status == 0, "\(r.stderr)")
            let hashes = try RegisterTestSupport.registerFiles(copy).map { try RegisterTestSupport.sha256sum(copy.appendingPathComponent($0)) }
            if round == 0 { first = hashes } else { #expect(hashes == first) }
        }
        #expect(RegisterTestSupport.registerFiles(copy) == ["register-atrs.json", "register-atrs.md", "register-etalab.csv", "register-nl-sources.json", "register-nl.json"])
        #expect(try names.map { try RegisterTestSupport.sha256sum(copy.appendingPathComponent($0)) } == before)
    }

    /// `--stdout` prints the record and writes nothing.
    @Test func standardOutput() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let r = try RegisterTestSupport.vigie(["register", "--format", "etalab", "--stdout", copy.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(RegisterTestSupport.registerFiles(copy) == [])
        _ = try RegisterTestSupport.vigie(["register", "--format", "etalab", "--quiet", copy.path])
        #expect(r.stdout == (try String(contentsOf: copy.appendingPathComponent("register-etalab.csv"), encoding: .utf8)))
    }
}

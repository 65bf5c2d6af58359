import Foundation
@testable import RegisterRecords
import TestSupport
import Testing

/// The Dutch record against the Algoritmeregister's published schema (publication standard
/// 1.0.0, `Fixtures/register/nl/`).
@Suite(.serialized) struct DutchSchemaTests {
    static func schema() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: RegisterTestSupport.dutchSchema)) as? [String: Any] ?? [:]
    }

    /// The committed schema is the one the README names.
    @Test func committedSchemaIsTheDocumentedVersion() throws {
        #expect(try RegisterTestSupport.sha256sum(RegisterTestSupport.dutchSchema) == "0b38544fae229000b7c1ead3271cbb06bcc704e311398a5b0f7f60f1b1a0d597")
        let s = try Self.schema()
        #expect(s["$id"] as? String == DutchRegisterSchema.id)
        #expect(s["title"] as? String == "Algoritmeregister Publicatiestandaard v1.0.0")
        #expect(((s["properties"] as? [String: Any])?["schema"] as? [String: Any])?["const"] as? String == DutchRegisterSchema.version)
    }

    /// Vigie's table of properties and constraints is the schema's, property by property.
    @Test func constraintTableMatchesTheSchema() throws {
        let s = try Self.schema()
        let properties = s["properties"] as? [String: [String: Any]] ?? [:]
        #expect(Set(properties.keys) == Set(DutchRegisterSchema.properties.map(\.key)))
        #expect(Set(s["required"] as? [String] ?? []) == Set(DutchRegisterSchema.properties.filter(\.required).map(\.key)))
        #expect(s["additionalProperties"] == nil)
        for p in DutchRegisterSchema.properties {
            let published = properties[p.key] ?? [:]
            #expect(published["name"] as? String == p.labelNL, "\(p.key)")
            switch p.kind {
            case .text(let maxLength):
                #expect(published["type"] as? String == "string" && published["format"] == nil && published["pattern"] == nil, "\(p.key)")
                #expect(published["maxLength"] as? Int == maxLength, "\(p.key)")
            case .list:
                #expect(published["type"] as? String == "array" && (published["items"] as? [String: Any])?["type"] as? String == "string", "\(p.key)")
            case .choice(let options):
                #expect(published["enum"] as? [String] == options, "\(p.key)")
            case .month:
                #expect(published["pattern"] as? String == "^[0-9]{4}-[0-9]{2}$", "\(p.key)")
            case .uri:
                #expect(published["format"] as? String == "uri", "\(p.key)")
            case .constant(let value):
                #expect(published["const"] as? String == value, "\(p.key)")
            }
        }
    }

    /// The housing demo's record, with its declarations, validates.
    @Test func housingRecordValidates() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let r = try RegisterTestSupport.vigie(["register", "--format", "nl", "--declare", RegisterTestSupport.housingDeclarations, "--quiet", copy.path])
        #expect(r.status == 0, "\(r.stderr)")
        let recordURL = copy.appendingPathComponent("register-nl.json")
        let record = try RegisterTestSupport.json(recordURL)
        #expect(DraftSevenSubset.errors(record, schema: try Self.schema()) == [])
        #expect(record["schema"] as? String == "1.0.0" && record["language"] as? String == "nld")
        #expect(Set(record.keys).isSubset(of: Set(DutchRegisterSchema.properties.map(\.key))), "nothing but the standard's fields")

        // Python's jsonschema, with format checking, when this machine has it (CI runs it on
        // the demos too: .ci/run).
        let python = try RegisterTestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import jsonschema"])
        if python.status == 0 {
            let script = RepositoryPaths.fixture("register/nl/validate.py")
            let v = try RegisterTestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, recordURL.path])
            #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
            #expect(v.stdout.contains("valid against Algoritmeregister Publicatiestandaard v1.0.0"))
        }

        // Each field's source is recorded beside it.
        let sources = try RegisterTestSupport.json(copy.appendingPathComponent("register-nl-sources.json"))
        let fields = sources["fields"] as? [[String: Any]] ?? []
        let byID = Dictionary(uniqueKeysWithValues: fields.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["status"]?["source"] as? String == "declared")
        #expect((byID["status"]?["origin"] as? String)?.hasSuffix("register.yaml nl.status") == true)
        #expect(byID["risk_management"]?["source"] as? String == "declared+measured")
        #expect(byID["supplier"]?["origin"] as? String == "system.vendor")
        #expect(byID["end_date"]?["source"] as? String == "missing")
        for (key, _) in record where key != "language" && key != "schema" {
            #expect(byID[key]?["source"] as? String != "missing", "\(key)")
        }
        #expect((sources["schema"] as? [String: Any])?["version"] as? String == "1.0.0")
    }

    /// The subset validator fails on what the schema refuses (so the check above can fail).
    @Test func subsetValidatorRefusesBadRecords() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        _ = try RegisterTestSupport.vigie(["register", "--format", "nl", "--declare", RegisterTestSupport.housingDeclarations, "--quiet", copy.path])
        let good = try RegisterTestSupport.json(copy.appendingPathComponent("register-nl.json"))
        let schema = try Self.schema()
        var bad = good; bad["status"] = nil
        #expect(DraftSevenSubset.errors(bad, schema: schema) == ["status: required"])
        bad = good; bad["name"] = String(repeating: "x", count: 100)
        #expect(DraftSevenSubset.errors(bad, schema: schema) == ["name: longer than 99"])
        bad = good; bad["start_date"] = "2024-1"
        #expect(DraftSevenSubset.errors(bad, schema: schema).count == 1)
        bad = good; bad["theme"] = "Wonen"
        #expect(DraftSevenSubset.errors(bad, schema: schema) == ["theme: expected an array of strings"])
        bad = good; bad["publication_category"] = "Categorie B"
        #expect(DraftSevenSubset.errors(bad, schema: schema) == ["publication_category: not in enum"])
    }

    /// The water demo's card declares no supplier and no risk management: the record is
    /// refused, naming both, and nothing is written.
    @Test func waterRecordIsRefusedNamingTheMissingCardFields() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.water)
        let r = try RegisterTestSupport.vigie(["register", "--format", "nl", "--declare", RegisterTestSupport.waterDeclarations, copy.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("supplier (Supplier / Fournisseur): declare `vendor` in the spec's system card"))
        #expect(r.stderr.contains("risk_management (Risk management / Gestion des risques): declare `risk_management` in the spec's system card"))
        #expect(!r.stderr.contains("status"), "the declarations give the status")
        #expect(RegisterTestSupport.registerFiles(copy) == [])
    }

    /// Without declarations, the housing record names every required field the card cannot hold.
    @Test func requiredDeclarationsAreNamed() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let r = try RegisterTestSupport.vigie(["register", "--format", "nl", copy.path])
        #expect(r.status == 2)
        for key in ["theme", "status", "start_date", "publication_category", "considerations", "impact_assessments"] {
            #expect(r.stderr.contains("  \(key) (") && r.stderr.contains("`nl.\(key)` in the --declare file"), "\(key)")
        }
        #expect(RegisterTestSupport.registerFiles(copy) == [])
    }

    /// A declared value the standard refuses is named with its rule and origin.
    @Test func declaredValuesOutsideTheStandardAreRefused() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let declarations = RegisterTestSupport.scratch().appendingPathComponent("register.yaml")
        var text = try String(contentsOfFile: RegisterTestSupport.housingDeclarations, encoding: .utf8)
        text = text.replacingOccurrences(of: "status: In gebruik", with: "status: En service")
        text = text.replacingOccurrences(of: "start_date: \"2024-01\"", with: "start_date: \"2024-13\"")
        try text.write(to: declarations, atomically: true, encoding: .utf8)
        let r = try RegisterTestSupport.vigie(["register", "--format", "nl", "--declare", declarations.path, copy.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("status (Status): 'En service' is not one of: In ontwikkeling | In gebruik | Buiten gebruik"))
        #expect(r.stderr.contains("start_date (Begindatum): '2024-13' is not a month written YYYY-MM"))
        #expect(RegisterTestSupport.registerFiles(copy) == [])
    }
}

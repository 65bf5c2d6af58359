import Foundation
import Testing

/// The ATRS record: which names were checked against a source, and the Markdown says so.
@Suite struct TransparencyRecordTests {
    @Test func checkedAndUncheckedSectionsAreMarked() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let r = try RegisterTestSupport.vigie(["register", "--format", "atrs", "--declare", RegisterTestSupport.housingDeclarations, "--quiet", copy.path])
        #expect(r.status == 0, "\(r.stderr)")
        let atrs = try RegisterTestSupport.json(copy.appendingPathComponent("register-atrs.json"))
        #expect(atrs["standard_version"] as? String == "3.0")
        let sections = atrs["sections"] as? [[String: Any]] ?? []
        let summary = sections.map { ($0["title"] as? String ?? "", $0["title_checked"] as? Bool ?? false, $0["field_names_checked"] as? Bool ?? false) }
        #expect(summary.map(\.0) == ["Tier 1 - Overview", "Tier 2 - Owner and Responsibility", "Tier 2 - Description and Rationale",
                                     "Tier 2 - Decision-Making Process", "Tier 2 - Tool Specification",
                                     "Tier 2 - Risks, Mitigations and Impact Assessments", "Vigie audit (not part of the ATRS)"])
        #expect(summary.map(\.1) == [true, true, true, false, false, false, true])
        #expect(summary.map(\.2) == [true, true, false, false, false, false, true])
        let ids = sections.prefix(2).map { ($0["fields"] as? [[String: Any]] ?? []).map { $0["id"] as? String ?? "" } }
        #expect(ids == [["1.1", "1.2", "1.3", "1.4"], ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.4.1", "2.1.4.2", "2.1.4.3", "2.1.4.4", "2.1.4.5"]])
        for field in sections.flatMap({ $0["fields"] as? [[String: Any]] ?? [] }) {
            let source = field["source"] as? String ?? ""
            #expect(["declared", "measured", "declared+measured", "missing"].contains(source))
            #expect((source == "missing") == (field["value"] == nil), "\(field["id"] ?? "")")
            #expect(!(field["label_fr"] as? String ?? "").isEmpty)
        }
        let md = try String(contentsOf: copy.appendingPathComponent("register-atrs.md"), encoding: .utf8)
        #expect(md.components(separatedBy: "_Section and field names not checked against the v3.0 template").count == 4)
        #expect(md.components(separatedBy: "_Field names not checked against the v3.0 template's field list").count == 2)
        #expect(md.contains("| 2.1.1 Organisation or department | Métropole (illustrative), service Habitat | declared |"))
        #expect(md.contains("| Phase | Production (illustrative) | declared |"))
    }
}

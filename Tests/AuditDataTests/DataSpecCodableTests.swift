import AuditData
import Foundation
import Testing

/// The data part of the spec: read from YAML, written in the file's view (the manifest) and
/// in the report's (`report.json`'s `spec`).
@Suite struct DataSpecCodableTests {
    static let yaml = """
    data: d.csv
    csv: {delimiter: tab, decimal: ",", missing: [NR]}
    protected:
      - sexe
      - "age:18,26"
      - {column: revenu, quantiles: 4, reference: {named: Q1}, mapping: {a: b}}
      - {column: nat, reference: best}
    label: besoin
    decision: {column: score, threshold: 120}
    allocation: volume
    """

    func json(_ spec: DataSpec, view: SpecView) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.userInfo[SpecView.key] = view
        return try JSONSerialization.jsonObject(with: encoder.encode(spec)) as! [String: Any]
    }

    @Test func readsTheShortAndLongForms() throws {
        let spec = try LocatedYAMLDecoder(file: "d.yaml", what: "spec").decode(DataSpec.self, from: Self.yaml)
        #expect(spec.path == "d.csv")
        #expect(spec.csv.delimiter == UInt8(ascii: "\t") && spec.csv.decimalComma && spec.csv.missingValues == ["", "NR"])
        #expect(spec.protected.map(\.binning) == [.none, .bands([18, 26]), .quantiles(4), .none])
        #expect(spec.protected[2].reference == .named("Q1") && spec.protected[2].mapping == ["a": "b"])
        #expect(spec.protected[3].reference == .best)
        #expect(spec.label == BinaryColumnSpec(column: "besoin"))
        #expect(spec.decision == BinaryColumnSpec(column: "score", threshold: 120))
        #expect(spec.allocation == AllocationSpec(column: "volume"))
    }

    @Test func fileViewRoundTripsAndReportViewSummarises() throws {
        var spec = try LocatedYAMLDecoder(file: "d.yaml", what: "spec").decode(DataSpec.self, from: Self.yaml)
        spec.csv.quote = UInt8(ascii: "'")
        let file = try json(spec, view: .file)
        #expect(file["data"] as? String == "d.csv")
        #expect((file["csv"] as? [String: Any])?["quote"] as? String == "'")
        #expect((file["protected"] as? [[String: Any]])?[1]["bands"] as? [Double] == [18, 26])
        #expect(((file["protected"] as? [[String: Any]])?[2]["reference"] as? [String: Any])?["named"] as? String == "Q1")
        #expect((file["protected"] as? [[String: Any]])?[3]["reference"] as? String == "best")
        let encoded = try JSONEncoder().encode(spec)
        #expect(try JSONDecoder().decode(DataSpec.self, from: encoded) == spec)

        let report = try json(spec, view: .report)
        #expect(report["data"] == nil, "the report names the data file in input.data_file")
        #expect((report["csv"] as? [String: Any])?["quote"] == nil)
        #expect((report["csv"] as? [String: Any])?["delimiter"] as? String == "tab")
        let protected = try #require(report["protected"] as? [[String: Any]])
        #expect((protected[1]["binning"] as? [String: Any])?["kind"] as? String == "bands")
        #expect((protected[0]["binning"] as? [String: Any])?["kind"] as? String == "categorical")
        #expect((protected[2]["reference"] as? [String: Any])?["rule"] as? String == "named")
        #expect((protected[2]["reference"] as? [String: Any])?["group"] as? String == "Q1")
        #expect((protected[3]["reference"] as? [String: Any])?["rule"] as? String == "best")
    }

    /// Alone, the data part is a closed mapping too: another part's key is unknown to it.
    @Test func dataPartAloneRefusesOtherKeys() {
        do {
            _ = try LocatedYAMLDecoder(file: "d.yaml", what: "spec").decode(DataSpec.self, from: "data: d.csv\nintersections: 2\n")
            Issue.record("accepted")
        } catch {
            #expect(error.key == "intersections" && error.line == 2 && error.message.hasPrefix("unknown key; expected one of: data, csv"), "\(error)")
        }
    }
}

import AuditApplication
import AuditData
import AuditMetrics
import Foundation
import Testing

@Suite struct AuditSpecTests {
    @Test func fullSpecParses() throws {
        let spec = try AuditSpec(yaml: """
        version: 1
        data: applicants.csv
        csv:
          delimiter: ";"
          decimal: ","
          missing: ["", "NR"]
        protected:
          - column: nationalite
            reference: FR
            mapping: {UE: EU}
          - sexe
          - column: age
            bands: [18, 26, 36]
          - column: revenu
            quantiles: 4
            reference: {named: Q1}
          - "anciennete:q3"
        label: {column: besoin, positive: oui}
        decision: {column: score, threshold: 120}
        weight: poids
        reference: best
        intersections: 3
        impact_ratio_threshold: 0.75
        min_group_size: 50
        decision_is: unfavourable
        """)
        let data = spec.data, analysis = spec.analysis
        #expect(data.path == "applicants.csv")
        #expect(data.csv.delimiter == UInt8(ascii: ";"))
        #expect(data.csv.decimalComma)
        #expect(data.csv.missingValues == ["", "NR"])
        #expect(data.protected.map(\.column) == ["nationalite", "sexe", "age", "revenu", "anciennete"])
        #expect(data.protected[0].reference == .named("FR"))
        #expect(data.protected[0].mapping == ["UE": "EU"])
        #expect(data.protected[2].binning == .bands([18, 26, 36]))
        #expect(data.protected[3].binning == .quantiles(4))
        #expect(data.protected[3].reference == .named("Q1"))
        #expect(data.protected[4].binning == .quantiles(3))
        #expect(data.label == BinaryColumnSpec(column: "besoin", positive: "oui"))
        #expect(data.decision == BinaryColumnSpec(column: "score", threshold: 120))
        #expect(data.weight == "poids")
        #expect(analysis.defaultReference == .best)
        #expect(analysis.intersections == 3)
        #expect(analysis.impactRatioThreshold == 0.75)
        #expect(analysis.minGroupSize == 50)
        #expect(analysis.decisionIs == .unfavourable)
    }

    @Test func defaults() throws {
        let spec = try AuditSpec(yaml: "data: d.csv\nprotected: [sex]\ndecision: y\n")
        #expect(spec.analysis == AnalysisSpec())
        #expect(spec.analysis.intersections == 2)
        #expect(spec.analysis.impactRatioThreshold == 0.8)
        #expect(spec.analysis.minGroupSize == 30)
        #expect(spec.analysis.defaultReference == .largest)
        #expect(spec.analysis.decisionIs == .favourable)
        #expect(spec.data.csv.delimiter == nil)
    }

    /// Each bad spec gives an error naming the key and, where it can, line and column.
    @Test(arguments: [
        ("data: d.csv\nprotected: [sex]\ndecision: y\ncolour: red\n", "colour", 4, "unknown key"),
        ("data: d.csv\nprotected: [sex]\ndecision: y\nintersections: two\n", "intersections", 4, "expected a whole number"),
        ("data: d.csv\nprotected: [sex]\ndecision: y\nimpact_ratio_threshold: 1.5\n", "impact_ratio_threshold", 4, "(0, 1]"),
        ("data: d.csv\nprotected:\n  - column: age\n    bands: [30, 20]\ndecision: y\n", "protected[1].bands", 4, "strictly increasing"),
        ("data: d.csv\nprotected:\n  - column: age\n    colour: 1\ndecision: y\n", "protected[1].colour", 4, "unknown key"),
        ("data: d.csv\nprotected: [sex]\n", "decision", nil, "give a decision column"),
        ("data: d.csv\nprotected: [sex]\ndecision: y\ndecision_is: good\n", "decision_is", 4, "favourable"),
        ("data: d.csv\nprotected: [sex]\ndecision: {column: y, threshold: high}\n", "decision.threshold", 3, "expected a number"),
        ("data: d.csv\nprotected: [sex, sex]\ndecision: y\n", "protected", 2, "listed twice"),
        ("version: 2\ndata: d.csv\nprotected: [sex]\ndecision: y\n", "version", 1, "version 1"),
        ("data: d.csv\nprotected: [sex]\ndecision: y\ncsv: {delimiter: '|'}\n", "csv.delimiter", 4, "expected ','"),
        ("data: [d.csv\n", "spec", nil, "not valid YAML"),
    ] as [(String, String, Int?, String)])
    func badSpecsNameTheKey(_ yaml: String, key: String, line: Int?, message: String) {
        do {
            _ = try AuditSpec(yaml: yaml, file: "audit.yaml")
            Issue.record("accepted a bad spec: \(yaml)")
        } catch {
            #expect(error.key == key)
            #expect(error.file == "audit.yaml")
            if let line { #expect(error.line == line, "\(error)") }
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test func commandLineAttributeForms() throws {
        #expect(try ProtectedAttributeSpec(parsing: "sex") == ProtectedAttributeSpec(column: "sex"))
        #expect(try ProtectedAttributeSpec(parsing: "age:18,26,36,51,66").binning == .bands([18, 26, 36, 51, 66]))
        #expect(try ProtectedAttributeSpec(parsing: "income:q4").binning == .quantiles(4))
        #expect(throws: SpecError.self) { try ProtectedAttributeSpec(parsing: "age:18,x") }
        #expect(throws: SpecError.self) { try ProtectedAttributeSpec(parsing: "income:q1") }
        #expect(throws: SpecError.self) { try ProtectedAttributeSpec(parsing: ":q4") }
    }

    @Test func relativeDataPathIsResolvedFromTheSpecFolder() throws {
        let scratch = Scratch()
        let folder = scratch.folder()
        let path = folder.appendingPathComponent("audit.yaml").path
        try Data("data: sub/d.csv\nprotected: [sex]\ndecision: y\n".utf8).write(to: URL(fileURLWithPath: path))
        let spec = try AuditSpec(contentsOfFile: path)
        #expect(spec.data.path == folder.appendingPathComponent("sub/d.csv").standardizedFileURL.path)
        withExtendedLifetime(scratch) {}
    }
}

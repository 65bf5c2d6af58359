import Foundation
@testable import RegisterRecords
import TestSupport
import Testing

/// The Etalab inventory CSV: the guide's fields, one row, cells safe in a spreadsheet, the
/// grid's rules and weights.
@Suite(.serialized) struct EtalabRecordTests {
    /// The guide's labels ("fiche pratique : l'inventaire des principaux traitements
    /// algorithmiques", 11 February 2021), copied from it, in its order.
    static let guideFields = [
        "Nom de l'administration concernée", "Direction/service porteur", "Contact au sein de l'administration concernée",
        "Date de mise à jour des informations", "Nom de l'algorithme", "Contexte global", "Finalité de l'algorithme",
        "Comment et quand l'algorithme intervient-il dans la prise de décision ?", "Niveau d'automatisation de la décision",
        "Fondements juridiques", "Ressources connexes (informations métier)", "Nombre de décisions administratives prises par an",
        "Portée de la décision", "Public concerné par la décision", "Ressources connexes (impact)", "Données traitées",
        "Source des données traitées", "Mode de collecte des données traitées", "Type d'algorithme",
        "Opérations effectuées par l'algorithme", "Ressources connexes (fonctionnement interne)",
    ]

    @Test func formulaCellsArePrefixed() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let escaped = CSVCell.escape(start + "SUM(A1)")
            #expect(escaped.hasPrefix("'") || escaped.hasPrefix("\"'"), "\(start.debugDescription) → \(escaped)")
        }
        #expect(CSVCell.escape("=1+1") == "'=1+1")
        #expect(CSVCell.escape("-20 points") == "'-20 points")
        #expect(CSVCell.escape("\tx") == "'\tx")
        #expect(CSVCell.escape("\rx") == "\"'\rx\"")
        #expect(CSVCell.escape("a, b") == "\"a, b\"")
        #expect(CSVCell.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVCell.escape(" padded") == "\" padded\"")
        #expect(CSVCell.escape("plain") == "plain")
        #expect(CSVCell.escape("") == "")
    }

    @Test func housingRecordHasTheGuidesFieldsAndSources() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let r = try RegisterTestSupport.vigie(["register", "--format", "etalab", "--declare", RegisterTestSupport.housingDeclarations, "--quiet", copy.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = RegisterTestSupport.parseCSV(try String(contentsOf: copy.appendingPathComponent("register-etalab.csv"), encoding: .utf8))
        #expect(rows.count == 2)
        let header = rows.first ?? [], values = rows.last ?? []
        let fields = stride(from: 0, to: header.count, by: 2).map { header[$0] }
        #expect(Array(fields.prefix(Self.guideFields.count)) == Self.guideFields)
        #expect(Array(fields.dropFirst(Self.guideFields.count)) == ["Audit Vigie : groupes contrôlés", "Audit Vigie : écarts constatés", "Audit Vigie : empreintes SHA-256"])
        #expect(stride(from: 1, to: header.count, by: 2).allSatisfy { header[$0] == header[$0 - 1] + " [source]" })
        var record: [String: String] = [:]
        for (h, v) in zip(header, values) { record[h] = v }
        for field in fields {
            let source = record[field + " [source]"] ?? ""
            #expect(["declared", "measured", "missing", "declared+measured"].contains(source), "\(field)")
            #expect((source == "missing") == (record[field] ?? "").isEmpty, "\(field)")
        }
        // From the card, the declarations, the grid; missing what neither gives.
        #expect(record["Nom de l'algorithme"] == "Cotation de la demande de logement social (grille intercommunale, illustrative)")
        #expect(record["Fondements juridiques"] == "CCH L441-2-8 (cotation de la demande), L441-1 (critères de priorité)")
        #expect(record["Portée de la décision"] == "externe : décisions envers les demandeurs de logement social")
        #expect(record["Portée de la décision [source]"] == "declared")
        #expect(record["Ressources connexes (impact) [source]"] == "missing")
        #expect(record["Audit Vigie : groupes contrôlés [source]"] == "measured")
    }

    /// The grid's rules and weights, checked by hand against Fixtures/housing/cotation-grid.yaml.
    @Test func operationsStateTheGridsRulesAndWeights() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        let r = try RegisterTestSupport.vigie(["register", "--format", "etalab", "--stdout", copy.path])
        let rows = RegisterTestSupport.parseCSV(r.stdout)
        var record: [String: String] = [:]
        for (h, v) in zip(rows.first ?? [], rows.last ?? []) { record[h] = v }
        let operations = record["Opérations effectuées par l'algorithme"] ?? ""
        for rule in ["Score = somme des points des critères",
                     "Ancienneté de la demande (1 point par mois, 60 au plus) : 1 point par unité de anciennete_mois, 60 points au plus",
                     "Ancienneté supérieure à 36 mois : anciennete_mois [37, +∞) → 20 points",
                     "Reconnu prioritaire DALO : 50 points",
                     "Famille monoparentale : monoparentale → 5 points",
                     "Refus d'une offre adaptée : -20 points",
                     "un seul compte, le plus élevé, parmi : Sans abri, Hébergé",
                     "sélection : les k meilleurs scores par typologie, k = places attribuées (attribue)",
                     "score plancher 0"] {
            #expect(operations.contains(rule), "\(rule)")
        }
        #expect(record["Opérations effectuées par l'algorithme [source]"] == "declared")
        #expect(record["Données traitées"]?.hasPrefix("Ancienneté de la demande (1 point par mois, 60 au plus) ; Ancienneté supérieure à 36 mois ;") == true)
    }

    /// A declared text that starts a formula reaches the CSV as text.
    @Test func hostileCardTextIsNeutralised() throws {
        let copy = try RegisterTestSupport.copy(RegisterTestSupport.housing)
        try RegisterTestSupport.editReport(copy) { r in
            var card = r["system"] as? [String: Any] ?? [:]
            card["name"] = "=HYPERLINK(\"http://evil.example\",\"x\")"
            card["owner"] = "@owner"
            r["system"] = card
        }
        let r = try RegisterTestSupport.vigie(["register", "--format", "etalab", "--stdout", copy.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = RegisterTestSupport.parseCSV(r.stdout)
        var record: [String: String] = [:]
        for (h, v) in zip(rows.first ?? [], rows.last ?? []) { record[h] = v }
        #expect(record["Nom de l'algorithme"] == "'=HYPERLINK(\"http://evil.example\",\"x\")")
        #expect(record["Nom de l'administration concernée"] == "'@owner")
        #expect(rows.allSatisfy { $0.allSatisfy { $0.first.map { !CSVCell.formulaStarts.contains($0) } ?? true } })
    }

    /// When the grid file changed after the audit, its rules are missing (with the reason),
    /// not read from the changed file.
    @Test func changedGridIsNotRead() throws {
        let inputs = RegisterTestSupport.scratch(), out = RegisterTestSupport.scratch().appendingPathComponent("audit")
        for name in ["audit.yaml", "applicants-sample.csv", "cotation-grid.yaml"] {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: RepositoryPaths.housing(name)), to: inputs.appendingPathComponent(name))
        }
        let audit = try RegisterTestSupport.vigie(["audit", "--spec", inputs.appendingPathComponent("audit.yaml").path, "--quiet", "--out", out.path])
        #expect(audit.status == 0, "\(audit.stderr)")
        let grid = inputs.appendingPathComponent("cotation-grid.yaml")
        try (String(contentsOf: grid, encoding: .utf8).replacingOccurrences(of: "flag: 50", with: "flag: 60")).write(to: grid, atomically: true, encoding: .utf8)
        let r = try RegisterTestSupport.vigie(["register", "--format", "atrs", "--quiet", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let atrs = try RegisterTestSupport.json(out.appendingPathComponent("register-atrs.json"))
        let fields = (atrs["sections"] as? [[String: Any]] ?? []).flatMap { $0["fields"] as? [[String: Any]] ?? [] }
        let detailed = fields.first { $0["id"] as? String == "detailed_description" } ?? [:]
        #expect(detailed["source"] as? String == "declared", "the card's model_type remains")
        #expect((detailed["value"] as? String)?.contains("60 points") == false)
        #expect((detailed["value"] as? String)?.contains("50 points") == false)
        #expect((detailed["origin"] as? String)?.contains("is not the") == false)
        let data = fields.first { $0["id"] as? String == "data_description" } ?? [:]
        #expect(data["source"] as? String == "missing")
        #expect((data["origin"] as? String)?.contains("that manifest.json records for the decision model") == true)
    }
}

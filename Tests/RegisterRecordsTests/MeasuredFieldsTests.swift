import Foundation
import TestSupport
import Testing

/// Every measured value of the records matches `report.json` and `manifest.json`, read here
/// independently (`JSONDecoder`, exact numbers) and `sha256sum`.
@Suite(.serialized) struct MeasuredFieldsTests {
    /// What the test expects, from report.json and manifest.json.
    struct Expected {
        var rows = 0, groups = 0, singles: [String] = [], crossed = 0
        var verdicts: [String: Int] = [:]
        var disparities: [[String: Any]] = []
        var adverse: [(String, String, Double)] = []
        var unknown: [String: Int] = [:]
        var manifestHash = "", reportHash = ""
        var inputs: [(String, String)] = []
        var gini: Double?
        var effort: Double?

        init(_ folder: URL) throws {
            let report = try RegisterTestSupport.json(folder.appendingPathComponent("report.json"))
            rows = (report["input"] as? [String: Any])?["rows"] as? Int ?? -1
            for attribute in report["attributes"] as? [[String: Any]] ?? [] {
                let name = attribute["name"] as? String ?? ""
                if attribute["kind"] as? String == "attribute" { singles.append(name) } else { crossed += 1 }
                for group in attribute["groups"] as? [[String: Any]] ?? [] {
                    let count = group["count"] as? Int ?? 0
                    if count > 0 { groups += 1 }
                    if group["group"] as? String == "unknown", attribute["kind"] as? String == "attribute", count > 0 { unknown[name] = count }
                    if group["adverse_impact"] as? Bool == true, group["unknown"] as? Bool == false, group["below_min_size"] as? Bool == false,
                       let ir = group["impact_ratio"] as? [String: Any], ir["status"] as? String == "ok", let v = ir["value"] as? Double {
                        adverse.append((name, group["group"] as? String ?? "", v))
                    }
                }
            }
            verdicts = report["verdicts"] as? [String: Int] ?? [:]
            disparities = (report["findings"] as? [[String: Any]] ?? []).filter { $0["verdict"] as? String == "disparity" }
            if let overall = ((report["allocation"] as? [String: Any])?["overall"] as? [String: Any])?["metrics"] as? [String: Any] {
                gini = (overall["gini"] as? [String: Any]).flatMap { $0["status"] as? String == "ok" ? $0["value"] as? Double : nil }
                effort = (overall["effort_above_3pct_share"] as? [String: Any]).flatMap { $0["status"] as? String == "ok" ? $0["value"] as? Double : nil }
            }
            manifestHash = try RegisterTestSupport.sha256sum(folder.appendingPathComponent("manifest.json"))
            reportHash = try RegisterTestSupport.sha256sum(folder.appendingPathComponent("report.json"))
            let manifest = try RegisterTestSupport.json(folder.appendingPathComponent("manifest.json"))
            inputs = (manifest["inputs"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0["sha256"] as? String ?? "") }
        }
    }

    /// `x` with 3 decimals, comma in French and Dutch (printf, not Vigie's formatter).
    static func three(_ x: Double, _ language: String) -> String {
        let s = String(format: "%.3f", x)
        return language == "en" ? s : s.replacingOccurrences(of: ".", with: ",")
    }

    /// Runs the ATRS and Etalab records into a copy of the audit and returns them.
    static func records(_ folder: URL) throws -> (atrs: [String: Any], etalab: [String: String], copy: URL) {
        let copy = try RegisterTestSupport.copy(folder)
        for format in ["atrs", "etalab"] {
            let r = try RegisterTestSupport.vigie(["register", "--format", format, "--quiet", copy.path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let atrs = try RegisterTestSupport.json(copy.appendingPathComponent("register-atrs.json"))
        let rows = RegisterTestSupport.parseCSV(try String(contentsOf: copy.appendingPathComponent("register-etalab.csv"), encoding: .utf8))
        var etalab: [String: String] = [:]
        if rows.count == 2 { for (h, v) in zip(rows[0], rows[1]) { etalab[h] = v } }
        return (atrs, etalab, copy)
    }

    static func measuredTexts(_ atrs: [String: Any]) -> [String: String] {
        var out: [String: String] = [:]
        for section in atrs["sections"] as? [[String: Any]] ?? [] {
            for field in section["fields"] as? [[String: Any]] ?? [] where (field["source"] as? String ?? "").contains("measured") {
                out[field["id"] as? String ?? ""] = field["value"] as? String
            }
        }
        return out
    }

    @Test func housingAuditFactsEqualTheReport() throws {
        let folder = RegisterTestSupport.housing
        let e = try Expected(folder)
        let (atrs, _, _) = try Self.records(folder)
        let audit = atrs["audit"] as? [String: Any] ?? [:]
        #expect(audit["rows"] as? Int == e.rows)
        #expect(audit["protected_columns"] as? [String] == e.singles)
        #expect(audit["disparity"] as? Int == e.verdicts["disparity"])
        #expect(audit["no_disparity"] as? Int == e.verdicts["no_disparity"])
        #expect(audit["insufficient_evidence"] as? Int == e.verdicts["insufficient_evidence"])
        #expect(audit["manifest_sha256"] as? String == e.manifestHash)
        let attributes = audit["attributes"] as? [[String: Any]] ?? []
        #expect(attributes.reduce(0) { $0 + ($1["groups"] as? Int ?? 0) } == e.groups)
        let disparities = audit["disparities"] as? [[String: Any]] ?? []
        #expect(disparities.count == e.disparities.count)
        #expect(e.disparities.count == e.verdicts["disparity"])
        for (d, f) in zip(disparities, e.disparities) {
            let value = f["value"] as? [String: Any] ?? [:]
            let ci = value["ci"] as? [String: Any] ?? [:]
            for key in ["attribute", "group", "reference", "metric", "kind"] { #expect(d[key] as? String == f[key] as? String) }
            #expect(d["value"] as? Double == value["value"] as? Double)
            #expect(d["low"] as? Double == ci["low"] as? Double)
            #expect(d["high"] as? Double == ci["high"] as? Double)
            #expect(d["p_adjusted"] as? Double == f["p_adjusted"] as? Double)
        }
        let adverse = audit["adverse_impacts"] as? [[String: Any]] ?? []
        #expect(adverse.count == e.adverse.count)
        for (a, x) in zip(adverse, e.adverse) {
            #expect(a["attribute"] as? String == x.0 && a["group"] as? String == x.1 && a["impact_ratio"] as? Double == x.2)
        }
        let inputs = (audit["inputs"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0["sha256"] as? String ?? "") }
        #expect(inputs.map(\.0) == e.inputs.map(\.0) && inputs.map(\.1) == e.inputs.map(\.1))
        #expect((audit["inputs"] as? [[String: Any]] ?? []).allSatisfy { $0["path"] == nil }, "no absolute path in a published record")
    }

    @Test func housingMeasuredTextsStateTheReportsNumbers() throws {
        let folder = RegisterTestSupport.housing
        let e = try Expected(folder)
        let (atrs, etalab, copy) = try Self.records(folder)
        let measured = Self.measuredTexts(atrs)
        #expect(Set(measured.keys) == ["sensitive_attributes", "data_completeness_and_representativeness", "risks_and_mitigations", "groups_checked", "disparities_found", "hashes"])

        let groups = measured["groups_checked"] ?? ""
        #expect(groups.contains("\(e.singles.count) protected attributes (\(e.singles.joined(separator: ", "))) and \(e.crossed) intersections"))
        #expect(groups.contains("\(e.groups) groups with at least one row"))
        #expect(groups.contains("5,000 rows") && e.rows == 5000)

        let total = e.verdicts.values.reduce(0, +)
        for text in [measured["disparities_found"] ?? "", measured["risks_and_mitigations"] ?? ""] {
            #expect(text.contains("\(total) comparisons"))
            #expect(text.contains("\(e.verdicts["disparity"] ?? -1) disparity, \(e.verdicts["no_disparity"] ?? -1) no disparity, \(e.verdicts["insufficient_evidence"] ?? -1) insufficient evidence"))
            for f in e.disparities {
                let value = f["value"] as? [String: Any] ?? [:], ci = value["ci"] as? [String: Any] ?? [:]
                let claim = "\(f["attribute"] as? String ?? "") = \(f["group"] as? String ?? "") against \(f["reference"] as? String ?? ""), "
                    + "\(["selection_rate": "selection rate", "fpr": "false positive rate", "fnr": "false negative rate", "ppv": "positive predictive value"][f["metric"] as? String ?? ""] ?? "?"): "
                    + "\(f["kind"] as? String ?? "") \(Self.three(value["value"] as? Double ?? .nan, "en")) [\(Self.three(ci["low"] as? Double ?? .nan, "en")), \(Self.three(ci["high"] as? Double ?? .nan, "en"))]"
                #expect(text.contains(claim), "\(claim)")
            }
            for (attribute, group, ratio) in e.adverse {
                #expect(text.contains("\(attribute) = \(group) (\(Self.three(ratio, "en")))"))
            }
        }
        let completeness = measured["data_completeness_and_representativeness"] ?? ""
        for (name, count) in e.unknown { #expect(completeness.contains("\(name) \(count)")) }
        #expect(measured["sensitive_attributes"] == "The data hold the protected attributes audited: \(e.singles.joined(separator: ", ")).")

        let hashes = measured["hashes"] ?? ""
        #expect(hashes.contains("manifest.json SHA-256 \(e.manifestHash)"))
        #expect(hashes.contains("report.json SHA-256 \(e.reportHash)"))
        for (name, hash) in e.inputs { #expect(hashes.contains("\(name) SHA-256 \(hash)")) }
        for (name, hash) in e.inputs where name.hasSuffix(".csv") {
            #expect(try RegisterTestSupport.sha256sum(URL(fileURLWithPath: RepositoryPaths.housing(name))) == hash)
        }

        // The Etalab record states the same numbers in French.
        let ecarts = etalab["Audit Vigie : écarts constatés"] ?? ""
        #expect(ecarts.contains("\(total) comparaisons"))
        #expect(ecarts.contains("\(e.verdicts["disparity"] ?? -1) avec écart établi (disparity), \(e.verdicts["no_disparity"] ?? -1) sans écart"))
        for f in e.disparities {
            let value = f["value"] as? [String: Any] ?? [:]
            #expect(ecarts.contains("\(f["attribute"] as? String ?? "") = \(f["group"] as? String ?? "") face à \(f["reference"] as? String ?? "")"))
            #expect(ecarts.contains(Self.three(value["value"] as? Double ?? .nan, "fr")))
        }
        #expect(etalab["Audit Vigie : groupes contrôlés"]?.contains("\(e.groups) groupes d'au moins une ligne") == true)
        #expect(etalab["Audit Vigie : empreintes SHA-256"]?.contains("manifest.json SHA-256 \(e.manifestHash)") == true)
        #expect(etalab["Audit Vigie : écarts constatés [source]"] == "measured")

        // The Dutch record's measured part states the verdicts.
        let nl = try RegisterTestSupport.vigie(["register", "--format", "nl", "--declare", RegisterTestSupport.housingDeclarations, "--quiet", copy.path])
        #expect(nl.status == 0, "\(nl.stderr)")
        let record = try RegisterTestSupport.json(copy.appendingPathComponent("register-nl.json"))
        let risk = record["risk_management"] as? String ?? ""
        #expect(risk.hasPrefix("revue annuelle de la grille par le comité de pilotage\n\n"), "declared part first")
        #expect(risk.contains("\(total) vergelijkingen") && risk.contains("\(e.verdicts["disparity"] ?? -1) verschil vastgesteld (disparity)"))
    }

    @Test func waterAllocationFactsEqualTheReport() throws {
        let folder = RegisterTestSupport.water
        let e = try Expected(folder)
        let (atrs, etalab, _) = try Self.records(folder)
        let audit = atrs["audit"] as? [String: Any] ?? [:]
        #expect(audit["allocation_gini"] as? Double == e.gini)
        #expect(audit["allocation_effort_above_3pct_share"] as? Double == e.effort)
        // The allocation's comparisons are findings (AllocationFindings): the record lists their disparities.
        #expect((audit["disparities"] as? [Any])?.count == e.disparities.count && !e.disparities.isEmpty)
        let measured = Self.measuredTexts(atrs)
        let found = measured["disparities_found"] ?? ""
        #expect(found.contains("\(e.verdicts["disparity"] ?? -1) disparity"))
        #expect(found.contains("Gini index \(Self.three(e.gini ?? .nan, "en"))"))
        #expect(found.contains(String(format: "%.1f", (e.effort ?? .nan) * 100) + "\u{a0}%"))
        #expect(etalab["Audit Vigie : écarts constatés"]?.contains("indice de Gini \(Self.three(e.gini ?? .nan, "fr"))") == true)

        // The lowest per-capita ratio of each attribute, recomputed here from report.json.
        let report = try RegisterTestSupport.json(folder.appendingPathComponent("report.json"))
        let lowest = (audit["allocation_lowest_per_capita"] as? [[String: Any]] ?? [])
        for attribute in (report["allocation"] as? [String: Any])?["attributes"] as? [[String: Any]] ?? [] {
            guard let reference = attribute["reference"] as? String else { continue }
            var best: (String, Double)?
            for group in attribute["groups"] as? [[String: Any]] ?? [] {
                let label = group["group"] as? String ?? ""
                guard label != reference, label != "unknown",
                      let r = (group["disparities"] as? [String: Any])?["allocation_per_capita_ratio"] as? [String: Any],
                      r["status"] as? String == "ok", let v = r["value"] as? Double else { continue }
                if best == nil || v < best!.1 { best = (label, v) }
            }
            let row = lowest.first { $0["attribute"] as? String == attribute["name"] as? String }
            #expect(row?["group"] as? String == best?.0)
            #expect(row?["per_capita_ratio"] as? Double == best?.1)
        }
    }
}

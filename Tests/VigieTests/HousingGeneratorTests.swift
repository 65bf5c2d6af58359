import TestSupport
import Foundation
import Testing
import AuditFixtures

/// Tests for the synthetic housing-applicant generator (`AuditFixtures`).
@Suite("HousingGenerator")
struct HousingGeneratorTests {
    // MARK: helpers

    /// Generates `rows` rows into a temporary file and returns its bytes.
    private func generate(seed: UInt64, rows: Int) throws -> Data {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigie-housing-\(seed)-\(rows)-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try HousingGenerator(seed: seed).write(rows: rows, to: url)
        return try Data(contentsOf: url)
    }

    /// A parsed CSV: header plus rows of fields.
    private struct Table {
        let header: [String]
        let rows: [[String]]

        func column(_ name: String) -> [String] {
            let i = header.firstIndex(of: name)!
            return rows.map { $0[i] }
        }

        func share(_ name: String, _ value: String) -> Double {
            let c = column(name)
            return Double(c.filter { $0 == value }.count) / Double(c.count)
        }

        /// Mean of the 0/1 column `outcome` among rows where `predicate` holds.
        func rate(_ outcome: String, where predicate: ([String: String]) -> Bool) -> Double {
            let oi = header.firstIndex(of: outcome)!
            var n = 0, k = 0
            for row in rows {
                let dict = Dictionary(uniqueKeysWithValues: zip(header, row))
                guard predicate(dict) else { continue }
                n += 1
                if row[oi] == "1" { k += 1 }
            }
            return n == 0 ? .nan : Double(k) / Double(n)
        }
    }

    private func parse(_ data: Data) -> Table {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "", "file must end with a single LF")
        lines.removeLast()
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        return Table(header: header, rows: Array(rows))
    }

    // MARK: determinism

    @Test func sameSeedGivesIdenticalBytes() throws {
        let a = try generate(seed: 42, rows: 3_000)
        let b = try generate(seed: 42, rows: 3_000)
        #expect(a == b)
    }

    @Test func differentSeedsGiveDifferentFiles() throws {
        let a = try generate(seed: 42, rows: 1_000)
        let b = try generate(seed: 43, rows: 1_000)
        #expect(a != b)
    }

    @Test func shorterFileIsPrefixOfLongerFile() throws {
        let long = try generate(seed: 7, rows: 5_000)
        for k in [0, 1, 1_234] {
            let short = try generate(seed: 7, rows: k)
            #expect(long.starts(with: short), "first \(k) rows must match")
        }
    }

    @Test func fileHandleOutputMatchesURLOutput() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigie-housing-handle-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try HousingGenerator(seed: 9).write(rows: 777, to: handle)
        try handle.close()
        #expect(try Data(contentsOf: url) == generate(seed: 9, rows: 777))
    }

    @Test func outputLargerThanOneFlushIsStillDeterministic() throws {
        // ~130 bytes/row → 12 000 rows span more than one 1 MiB flush.
        let a = try generate(seed: 5, rows: 12_000)
        #expect(a.count > 1 << 20)
        let b = try generate(seed: 5, rows: 11_999)
        #expect(a.starts(with: b))
    }

    // MARK: format

    @Test func headerAndColumnCount() throws {
        let t = parse(try generate(seed: 1, rows: 2_000))
        #expect(t.header == HousingGenerator.columns)
        #expect(t.header.count == 26)
        #expect(t.rows.count == 2_000)
        for row in t.rows { #expect(row.count == 26) }
    }

    @Test func fieldFormats() throws {
        let t = parse(try generate(seed: 3, rows: 5_000))
        let ids = t.column("demande_id")
        #expect(Set(ids).count == ids.count)
        #expect(ids.first!.hasPrefix("034-") && ids.first!.hasSuffix("-000001"))
        for id in ids {
            let parts = id.split(separator: "-")
            #expect(parts.count == 3 && parts[0] == "034" && parts[1].count == 4 && parts[2].count == 6)
        }
        for v in t.column("revenu_mensuel") where v != "NA" {
            let p = v.split(separator: ".")
            #expect(p.count == 2 && p[1].count == 2 && Double(v)! > 0)
        }
        for v in t.column("taux_effort") {
            let p = v.split(separator: ".")
            #expect(p.count == 2 && p[1].count == 3)
            #expect((0...0.9).contains(Double(v)!))
        }
        for v in t.column("age") { #expect((18...90).contains(Int(v)!)) }
        for v in t.column("score_total") { #expect(Int(v)! >= 0) }
        for name in ["handicap", "residence_qpv", "dalo", "menace_expulsion", "violences",
                     "suroccupation", "logement_indigne", "lien_commune", "refus_offre"] {
            for v in t.column(name) { #expect(v == "oui" || v == "non") }
        }
        for name in ["besoin_prioritaire", "propose_caleol", "attribue"] {
            for v in t.column(name) { #expect(v == "0" || v == "1") }
        }
        #expect(Set(t.column("sexe")) == ["F", "M"])
        #expect(Set(t.column("nationalite")) == ["FR", "UE", "hors_UE", ""])
    }

    // MARK: distributions (20 000 rows, loose bounds)

    @Test func marginalDistributions() throws {
        let t = parse(try generate(seed: 11, rows: 20_000))
        func near(_ x: Double, _ target: Double, _ tol: Double, _ what: String) {
            #expect(abs(x - target) <= tol, "\(what) = \(x), expected \(target) ± \(tol)")
        }
        near(t.share("nationalite", "FR"), 0.75, 0.03, "FR")
        near(t.share("nationalite", "hors_UE"), 0.20, 0.03, "hors_UE")
        near(t.share("nationalite", "UE"), 0.05, 0.015, "UE")
        near(t.share("nationalite", ""), 0.01, 0.005, "missing nationalite")
        near(t.share("revenu_mensuel", "NA"), 0.005, 0.003, "NA revenu")
        near(t.share("commune_souhaitee", "Montpellier"), 0.60, 0.03, "Montpellier")
        near(t.share("typologie", "T1"), 0.25, 0.02, "T1")
        near(t.share("typologie", "T2"), 0.30, 0.02, "T2")
        near(t.share("typologie", "T5"), 0.05, 0.01, "T5")
        near(t.share("type_menage", "personne_seule"), 0.48, 0.02, "personne_seule")
        near(t.share("type_menage", "monoparentale"), 0.20, 0.02, "monoparentale")
        near(t.share("residence_qpv", "oui"), 0.30, 0.03, "QPV")
        near(t.share("dalo", "oui"), 0.025, 0.01, "DALO")
        near(t.share("sexe", "F"), 0.57, 0.03, "F")

        let anc = t.column("anciennete_mois").map { Int($0)! }.sorted()
        near(Double(anc[anc.count / 2]), 20, 2, "median anciennete")
        #expect(Double(anc.reduce(0, +)) / Double(anc.count) > Double(anc[anc.count / 2]), "right-skewed")

        let rev = t.column("revenu_mensuel").compactMap(Double.init).sorted()
        near(rev[rev.count / 2], 1100, 80, "median revenu")

        near(t.share("propose_caleol", "1"), 0.12, 0.02, "proposed")
        near(t.share("attribue", "1"), 0.095, 0.015, "allocated")
        let allocatedAmongProposed = t.rate("attribue") { $0["propose_caleol"] == "1" }
        #expect(allocatedAmongProposed > 0.6)
    }

    // MARK: planted effects

    @Test func plantedDisparitiesHaveTheDocumentedDirection() throws {
        let t = parse(try generate(seed: 13, rows: 20_000))
        let fr = t.rate("propose_caleol") { $0["nationalite"] == "FR" }
        let horsUE = t.rate("propose_caleol") { $0["nationalite"] == "hors_UE" }
        #expect(horsUE < fr)
        #expect((0.55...0.85).contains(horsUE / fr), "hors_UE/FR impact ratio = \(horsUE / fr)")

        // Proxy: local ties much rarer for hors_UE.
        let natIndex = t.header.firstIndex(of: "nationalite")!
        let lienIndex = t.header.firstIndex(of: "lien_commune")!
        let frRows = t.rows.filter { $0[natIndex] == "FR" }
        let hRows = t.rows.filter { $0[natIndex] == "hors_UE" }
        let lienShareFR = Double(frRows.filter { $0[lienIndex] == "oui" }.count) / Double(frRows.count)
        let lienShareH = Double(hRows.filter { $0[lienIndex] == "oui" }.count) / Double(hRows.count)
        #expect(lienShareFR - lienShareH > 0.3)

        // Age: 66+ proposed less often than 36–50.
        let senior = t.rate("propose_caleol") { Int($0["age"]!)! >= 66 }
        let middle = t.rate("propose_caleol") { (36...50).contains(Int($0["age"]!)!) }
        #expect(senior < middle)

        // Sex: no planted effect — the impact ratio stays well above 0.8 either way.
        let f = t.rate("propose_caleol") { $0["sexe"] == "F" }
        let m = t.rate("propose_caleol") { $0["sexe"] == "M" }
        #expect(min(f, m) / max(f, m) > 0.8)

        // The label carries no nationality effect: priority-need rates are similar.
        let needFR = t.rate("besoin_prioritaire") { $0["nationalite"] == "FR" }
        let needH = t.rate("besoin_prioritaire") { $0["nationalite"] == "hors_UE" }
        #expect(abs(needFR - needH) < 0.03)
    }

    // MARK: committed fixture

    @Test func committedSampleMatchesGenerator() throws {
        let sample = URL(fileURLWithPath: RepositoryPaths.housing("applicants-sample.csv"))
        let committed = try Data(contentsOf: sample)
        #expect(committed == (try generate(seed: 2024, rows: 5_000)),
                "Fixtures/housing/applicants-sample.csv is stale: regenerate with seed 2024, 5000 rows")
    }

    // MARK: PRNG

    @Test func splitMix64KnownAnswer() {
        // Reference values of SplitMix64 for seed 0 (Vigna's splitmix64.c).
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(r.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(r.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func uniformAndNormalMoments() {
        var r = SplitMix64(seed: 123)
        var su = 0.0, sn = 0.0, sn2 = 0.0
        let n = 100_000
        for _ in 0..<n {
            let u = r.nextUniform()
            #expect(u >= 0 && u < 1)
            su += u
            let z = r.nextNormal()
            sn += z; sn2 += z * z
        }
        #expect(abs(su / Double(n) - 0.5) < 0.01)
        #expect(abs(sn / Double(n)) < 0.02)
        #expect(abs(sn2 / Double(n) - 1) < 0.03)
    }
}

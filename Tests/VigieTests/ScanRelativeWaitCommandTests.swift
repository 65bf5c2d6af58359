import TestSupport
import Foundation
import Testing

/// The relative wait (`docs/scan.md`), end to end: on generated applicants where one dense
/// subpopulation (large low-income families in Nord) waits 200 days (6.6 months) longer than
/// the others between application and allocation, whatever its score, `vigie scan
/// --relative-wait` confirms clusters of it among the allocated applicants, treated worse by
/// several months; `vigie audit` with `scan: {relative_wait: true}` scans exactly the
/// allocated applicants (counted here from the dates).
@Suite("ScanRelativeWaitCommand")
struct ScanRelativeWaitCommandTests {
    let scratch = Scratch()

    /// 4,000 applicants filed over 1,000 days from 2020-01-01; 70 % allocated after about 300
    /// days (sd 60), 500 for the planted 10 %; the others still waiting (empty allocation date).
    static func csv(seed: UInt64) -> (text: String, allocated: Int) {
        var random = SplitMix64(state: seed)
        var lines = ["demande_id,anciennete_mois,typologie,commune,revenu,taille,dalo,depot,attribution"]
        let communes = ["Centre", "Nord", "Sud", "Est", "Ouest"]
        let start = 18_262  // 2020-01-01, days since 1970-01-01
        var allocated = 0
        func date(_ days: Int) -> String {
            let d = Date(timeIntervalSince1970: Double(days) * 86_400)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month, .day], from: d)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        for i in 0..<4_000 {
            let planted = random.uniform() < 0.1
            let commune = planted && random.uniform() < 0.8 ? "Nord" : communes[random.int(5)]
            let income = planted ? 900 + 150 * random.nextNormal() : 1_500 + 400 * random.nextNormal()
            let size = planted ? 5 + random.int(3) : 1 + random.int(6)
            let filed = start + random.int(1_000)
            var allocation = ""
            if random.uniform() < 0.7 {
                allocated += 1
                allocation = date(filed + max(1, Int((300 + 60 * random.nextNormal()).rounded()) + (planted ? 200 : 0)))
            }
            lines.append(["d\(i)", String(random.int(120)), ["T1", "T2", "T3"][random.int(3)], commune, String(Int(income.rounded())), String(size),
                          random.uniform() < 0.05 ? "oui" : "non", date(filed), allocation].joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", allocated)
    }

    @Test func findsTheLongerWaitAmongTheAllocated() throws {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        let (text, allocated) = Self.csv(seed: 11)
        try Data(text.utf8).write(to: data)
        try Data(ScanCommandTests.grid.utf8).write(to: grid)
        let out = scratch.folder().appendingPathComponent("scan")
        let run = try CLI.run(["scan", "--data", data.path, "--model", grid.path, "--relative-wait", "--application-date", "depot",
                               "--allocation-date", "attribution", "--on", "commune", "--on", "revenu", "--on", "taille", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("scan.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").dropFirst().map(String.init)
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(",allocated,") }, "\(csv)")
        // A cluster of the planted group waited several months longer than similar-score applicants.
        let planted = lines.filter { $0.contains("Nord") || $0.contains("taille") }
        let differences = planted.compactMap { line -> Double? in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return Double(cells[cells.count - 5])
        }
        #expect(differences.contains { $0 < -3 }, "\(csv)")

        // In an audit: the spec's dates, relative_wait, no decision; the scanned population is
        // exactly the allocated applicants.
        let spec = folder.appendingPathComponent("audit.yaml")
        try Data("""
        version: 1
        data: applicants.csv
        protected: [typologie]
        model:
          grid: grid.yaml
          application_date: depot
          allocation_date: attribution
        scan:
          on: [commune, revenu, taille]
          relative_wait: true

        """.utf8).write(to: spec)
        let audit = scratch.folder().appendingPathComponent("audit")
        let a = try CLI.run(["audit", "--spec", spec.path, "--out", audit.path])
        #expect(a.status == 0, "\(a.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: audit.appendingPathComponent("report.json"))) as! [String: Any]
        let populations = try #require((json["scan"] as? [String: Any])?["populations"] as? [[String: Any]])
        #expect(populations.map { $0["name"] as? String } == ["allocated"])
        #expect(populations.first?["rows"] as? Int == allocated)
        #expect(populations.first?["outcome_kind"] as? String == "numeric")
        let md = try String(contentsOf: audit.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(md.contains("did they wait longer than applicants of similar score?"))

        // Without dates: refused, nothing written.
        let noDates = scratch.folder().appendingPathComponent("none")
        let refused = try CLI.run(["scan", "--data", data.path, "--model", grid.path, "--relative-wait", "--on", "commune", "--out", noDates.path])
        #expect(refused.status == 2 && refused.stderr.contains("--application-date"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: noDates.path))
    }
}

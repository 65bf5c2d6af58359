import TestSupport
import Foundation
import Testing

/// `vigie scan`, run as a user would (`docs/scan.md`): on generated applicants where the
/// commission drops the members of one dense subpopulation the grid selects, the scan
/// confirms it and writes scan.csv, scan.md, scan.html and manifest.json; the same inputs and
/// seed give byte-identical files whatever the BLAS thread count; bad input is refused with
/// exit 2, a located message and no output.
@Suite("ScanCommand")
struct ScanCommandTests {
    let scratch = Scratch()

    static let grid = """
    name: planted
    id: demande_id
    minimum_score: 0
    criteria:
      - {name: anciennete, column: anciennete_mois, per_unit: 1, cap: 120}
      - {name: dalo, column: dalo, flag: 50, true_values: [oui]}
    allocation:
      rule: capacity
      segment_by: [typologie]
      capacity: {default: 900}
    tie_break: [anciennete_mois desc, demande_id asc]

    """

    /// 6,000 applicants; 10 % are large low-income families in Nord (a dense subpopulation).
    /// The commission proposes 80 % of those with at least 60 months' wait, but only 30 % of
    /// the subpopulation's; 5 % of the others.
    static func csv(rows: Int, seed: UInt64) -> String {
        var random = SplitMix64(state: seed)
        var lines = ["demande_id,anciennete_mois,typologie,commune,revenu,taille,dalo,propose"]
        let communes = ["Centre", "Nord", "Sud", "Est", "Ouest"]
        for i in 0..<rows {
            let planted = random.uniform() < 0.1
            let months = random.int(120)
            let commune = planted && random.uniform() < 0.8 ? "Nord" : communes[random.int(5)]
            let income = planted ? 900 + 150 * random.nextNormal() : 1_500 + 400 * random.nextNormal()
            let size = planted ? 5 + random.int(3) : 1 + random.int(6)
            let p = months >= 60 ? (planted ? 0.3 : 0.8) : 0.05
            lines.append(["d\(i)", String(months), ["T1", "T2", "T3"][random.int(3)], commune, String(Int(income.rounded())), String(size),
                          random.uniform() < 0.05 ? "oui" : "non", random.bernoulli(p) ? "1" : "0"].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func inputs(_ text: String = csv(rows: 6_000, seed: 7)) throws -> (data: URL, grid: URL) {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        try Data(text.utf8).write(to: data)
        try Data(Self.grid.utf8).write(to: grid)
        return (data, grid)
    }

    func arguments(_ data: URL, _ grid: URL, out: URL) -> [String] {
        ["scan", "--data", data.path, "--model", grid.path, "--decision", "propose", "--on", "commune", "--on", "revenu",
         "--on", "taille", "--on", "typologie", "--seed", "3", "--out", out.path]
    }

    /// Runs vigie with OPENBLAS_NUM_THREADS set.
    func run(_ arguments: [String], threads: Int) throws -> Int32 {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = String(threads)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func findsThePlantedClusterAndWritesEveryFile() throws {
        let (data, grid) = try inputs()
        let out = scratch.folder().appendingPathComponent("scan")
        let run = try CLI.run(arguments(data, grid, out: out))
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["manifest.json", "scan.csv", "scan.html", "scan.md"])
        let csv = try String(contentsOf: out.appendingPathComponent("scan.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "cluster,population,size,description,difference,ci_low,ci_high,p_value,p_adjusted")
        let selected = lines.dropFirst().filter { $0.contains(",grid_selected,") }
        #expect(!selected.isEmpty, "\(csv)")
        // The planted cluster is described by what defines it, and treated worse.
        #expect(selected.contains { $0.contains("revenu") || $0.contains("taille") || $0.contains("Nord") }, "\(csv)")
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let difference = Double(cells[cells.count - 5]) ?? 0
            #expect(difference < 0, "\(line)")
            #expect((Int(cells[2]) ?? 0) >= 10)
        }
        let md = try String(contentsOf: out.appendingPathComponent("scan.md"), encoding: .utf8)
        #expect(md.contains("not a proof of discrimination"))
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"written_by\" : \"scan\""))
    }

    @Test func byteIdenticalWhateverTheThreadCountAndInFrench() throws {
        let (data, grid) = try inputs()
        let one = scratch.folder().appendingPathComponent("one"), two = scratch.folder().appendingPathComponent("two")
        #expect(try run(arguments(data, grid, out: one), threads: 1) == 0)
        #expect(try run(arguments(data, grid, out: two), threads: 2) == 0)
        // (manifest.json records the inputs' paths relative to each folder, hence differs.)
        for name in ["scan.csv", "scan.md", "scan.html"] {
            #expect(try Data(contentsOf: one.appendingPathComponent(name)) == Data(contentsOf: two.appendingPathComponent(name)), "\(name)")
        }
        let fr = scratch.folder().appendingPathComponent("fr")
        let run = try CLI.run(arguments(data, grid, out: fr) + ["--lang", "fr"])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: fr.appendingPathComponent("scan.md"), encoding: .utf8)
        #expect(md.contains("pas une preuve de discrimination"))
        #expect(try Data(contentsOf: fr.appendingPathComponent("scan.csv")) == Data(contentsOf: one.appendingPathComponent("scan.csv")))
    }

    @Test func badInputIsRefusedWithoutOutput() throws {
        let (data, grid) = try inputs(Self.csv(rows: 200, seed: 1))
        let cases: [(arguments: [String], message: String)] = [
            (["--on", "quartier"], "quartier"),
            (["--on", "demande_id"], "demande_id"),
            (["--on", "revenu", "--on", "revenu"], "twice"),
            (["--on", "propose"], "decision"),
            ([], "--on"),
            (["--on", "revenu", "--min-cluster-size", "5"], "--min-cluster-size"),
        ]
        for c in cases {
            let out = scratch.folder().appendingPathComponent("out")
            let run = try CLI.run(["scan", "--data", data.path, "--model", grid.path, "--decision", "propose", "--out", out.path] + c.arguments)
            #expect(run.status == 2, "\(c.arguments): \(run.stderr)")
            #expect(run.stderr.contains(c.message), "\(c.arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(c.arguments)")
        }
        // An outcome that is not a number: located at its line and column.
        let bad = try inputs("id,zone,score\na,x,1\nb,y,deux\n")
        let out = scratch.folder().appendingPathComponent("out")
        let run = try CLI.run(["scan", "--data", bad.data.path, "--outcome", "score", "--on", "zone", "--out", out.path])
        #expect(run.status == 2 && run.stderr.contains("applicants.csv:3:3") && run.stderr.contains("deux"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A scanned column of 60 texts: not numbers, too many categories; located at the first text.
        let many = try inputs("id,zone,score\n" + (0..<60).map { "r\($0),z\($0),1\n" }.joined())
        let tooMany = try CLI.run(["scan", "--data", many.data.path, "--outcome", "score", "--on", "zone", "--out", out.path])
        #expect(tooMany.status == 2 && tooMany.stderr.contains("applicants.csv:2:2") && tooMany.stderr.contains("at most 50"), "\(tooMany.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // --decision without a grid.
        let noGrid = try CLI.run(["scan", "--data", data.path, "--decision", "propose", "--on", "revenu", "--out", out.path])
        #expect(noGrid.status == 2 && noGrid.stderr.contains("--model"), "\(noGrid.stderr)")
    }

    @Test func outcomeColumnWithoutAGrid() throws {
        let (data, _) = try inputs()
        let out = scratch.folder().appendingPathComponent("scan")
        let run = try CLI.run(["scan", "--data", data.path, "--outcome", "propose", "--on", "commune", "--on", "revenu", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("scan.csv"), encoding: .utf8)
        for line in csv.split(separator: "\n").dropFirst() { #expect(line.contains(",all,")) }
    }
}

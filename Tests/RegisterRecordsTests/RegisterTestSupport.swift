import Foundation
import TestSupport

/// The `vigie` binary, the demo audits the suites share, and small file helpers.
enum RegisterTestSupport {
    static let root = RepositoryPaths.root
    static let housingDeclarations = RepositoryPaths.housing("register.yaml")
    static let waterDeclarations = RepositoryPaths.water("register.yaml")
    static let dutchSchema = URL(fileURLWithPath: RepositoryPaths.fixture("register/nl/algoritmeregister-publicatiestandaard-v1.0.0.schema.json"))

    /// `.build/debug/vigie`, beside the test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vigie")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let bundled = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vigie")
        if FileManager.default.isExecutableFile(atPath: bundled.path) { return bundled }
        return root.appendingPathComponent(".build/debug/vigie")
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs a program and waits for it, in the housing fixtures' folder: the demo audits are
    /// written to the temporary folder, which shares no folder with the repository, so their
    /// manifests record the grid by name only, and `vigie register` finds it in the current
    /// folder (its last place to look, after the recorded path and the audit folder).
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: RepositoryPaths.housing(""))
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func vigie(_ arguments: [String]) throws -> Run {
        try run(binary, arguments)
    }

    /// A new empty folder under the system's temporary folder.
    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-register-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The housing and water demo audits, run once for all the suites.
    static let housing: URL = demo("housing")
    static let water: URL = demo("water")

    private static func demo(_ fixture: String) -> URL {
        let out = scratch().appendingPathComponent(fixture)
        let result = try? vigie(["demo", fixture, "--quiet", "--out", out.path])
        precondition(result?.status == 0, "vigie demo \(fixture) failed: \(result?.stderr ?? "not run")")
        return out
    }

    /// A copy of an audit folder, to alter without touching the shared one.
    static func copy(_ folder: URL) throws -> URL {
        let target = scratch().appendingPathComponent("audit")
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    /// A JSON file as `[String: Any]`, numbers read exactly (`JSONDecoder`; whole numbers
    /// as `Int`, others as `Double`), unlike `JSONSerialization` on Linux.
    static func json(_ url: URL) throws -> [String: Any] {
        try JSONDecoder().decode(ExactJSON.self, from: Data(contentsOf: url)).any as? [String: Any] ?? [:]
    }

    private enum ExactJSON: Decodable {
        case value(Any)

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .value(NSNull()) }
            else if let b = try? c.decode(Bool.self) { self = .value(b) }
            else if let i = try? c.decode(Int.self) { self = .value(NSNumber(value: i)) }
            else if let d = try? c.decode(Double.self) { self = .value(NSNumber(value: d)) }
            else if let s = try? c.decode(String.self) { self = .value(s) }
            else if let a = try? c.decode([ExactJSON].self) { self = .value(a.map(\.any)) }
            else { self = .value(try c.decode([String: ExactJSON].self).mapValues(\.any)) }
        }

        var any: Any {
            switch self { case .value(let v): v }
        }
    }

    /// `sha256sum FILE`, computed outside Vigie.
    static func sha256sum(_ url: URL) throws -> String {
        let r = try run(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum", url.path])
        return String(r.stdout.prefix(64))
    }

    /// Edits `report.json` in an audit folder (a copy) and records its new SHA-256 in
    /// `manifest.json`, as if the audit had written it.
    static func editReport(_ folder: URL, _ edit: (inout [String: Any]) -> Void) throws {
        let reportURL = folder.appendingPathComponent("report.json")
        var report = try json(reportURL)
        edit(&report)
        try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]).write(to: reportURL)
        let manifestURL = folder.appendingPathComponent("manifest.json")
        var manifest = try json(manifestURL)
        let hash = try sha256sum(reportURL)
        manifest["outputs"] = (manifest["outputs"] as? [[String: Any]] ?? []).map { o in
            var o = o
            if o["name"] as? String == "report.json" { o["sha256"] = hash }
            return o
        }
        try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: manifestURL)
    }

    /// The `register-*` files in a folder.
    static func registerFiles(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("register-") || $0.hasPrefix(".register-") }.sorted()
    }

    /// RFC 4180 CSV parsing, for the tests (quoted cells, doubled quotes, line breaks in quotes).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}

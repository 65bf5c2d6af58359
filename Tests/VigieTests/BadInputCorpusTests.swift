import Foundation
import Testing

/// The bad-input corpus (`Tests/BadInputs/`, described in its README): each case is a folder
/// of files and a command, with the exact exit code, the location its error must name and
/// what it must say. Every case must also leave no output behind, must not crash, and must
/// not echo a file's content it was not asked to show.
@Suite final class BadInputCorpusTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        let `case`: String
        let args: [String]
        let exit: Int32
        let location: String
        let message: String
        /// Text the error must not contain (the content of a file that is not a CSV).
        let never: String?
        var testDescription: String { self.case }
    }

    static let folder = CLI.root.appendingPathComponent("Tests/BadInputs")

    static let cases: [Case] = {
        let url = folder.appendingPathComponent("cases.json")
        guard let data = try? Data(contentsOf: url), let cases = try? JSONDecoder().decode([Case].self, from: data) else { return [] }
        return cases
    }()

    @Test func theCorpusCoversEveryKindOfInput() {
        #expect(Self.cases.count >= 40)
        var byKind: [String: Int] = [:]
        for c in Self.cases { byKind[String(c.case.prefix { $0 != "/" }), default: 0] += 1 }
        for kind in ["csv", "spec", "grid", "tariff", "drought", "manifest", "scan"] {
            #expect(byKind[kind, default: 0] >= 4, "\(kind): \(byKind[kind, default: 0]) cases")
        }
        // Every case folder is listed (a new folder without a case would never run).
        for kind in byKind.keys {
            let folders = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(kind).path)) ?? []
            for name in folders { #expect(Self.cases.contains { $0.case == "\(kind)/\(name)" }, "\(kind)/\(name) has no entry in cases.json") }
        }
    }

    @Test(arguments: cases)
    func badInput(_ c: Case) throws {
        let scratch = Scratch()
        let dir = Self.folder.appendingPathComponent(c.case).path
        let out = scratch.folder().appendingPathComponent("out")
        let args = c.args.map { $0.replacingOccurrences(of: "{dir}", with: dir).replacingOccurrences(of: "{out}", with: out.path) }
        let run = try CLI.run(args, timeout: 120)
        #expect(run.status == c.exit, "exit \(run.status): \(run.stderr)")
        let location = c.location.replacingOccurrences(of: "{dir}", with: dir)
        #expect(run.stderr.contains(location + ": ") || run.stderr.contains(location + " "), "location «\(location)» not in: \(run.stderr)")
        #expect(run.stderr.contains(c.message), "message «\(c.message)» not in: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "a failed run left an output folder")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"), "\(run.stderr)")
        if let never = c.never { #expect(!run.stderr.contains(never) && !run.stdout.contains(never), "echoed «\(never)»") }
    }
}

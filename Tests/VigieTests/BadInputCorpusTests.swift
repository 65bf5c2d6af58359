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
        /// The same error under `--lang fr`: its location and message in French.
        let fr: French?
        var testDescription: String { self.case }
    }

    struct French: Decodable, Sendable {
        let location: String
        let message: String
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
        // Every command of the corpus takes --lang: every case has its French error.
        for c in Self.cases { #expect(c.fr != nil, "\(c.case) has no French error (fr)") }
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

    /// Every case in French (`fr`; every case has one): the same command with `--lang fr`
    /// names the same place and says what is wrong in French, with no English word left.
    @Test(arguments: cases.filter { $0.fr != nil })
    func badInputInFrench(_ c: Case) throws {
        let french = try #require(c.fr)
        let scratch = Scratch()
        let dir = Self.folder.appendingPathComponent(c.case).path
        let out = scratch.folder().appendingPathComponent("out")
        let args = c.args.map { $0.replacingOccurrences(of: "{dir}", with: dir).replacingOccurrences(of: "{out}", with: out.path) } + ["--lang", "fr"]
        let run = try CLI.run(args, timeout: 120)
        #expect(run.status == c.exit, "exit \(run.status): \(run.stderr)")
        // French typography puts a narrow no-break space before the colons and semicolons.
        let stderr = run.stderr.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{a0}", with: " ")
        #expect(stderr.hasPrefix("erreur : "), "\(stderr)")
        let location = french.location.replacingOccurrences(of: "{dir}", with: dir)
        #expect(stderr.contains(location + " : "), "location «\(location)» not in: \(stderr)")
        #expect(stderr.contains(french.message), "message «\(french.message)» not in: \(stderr)")
        // The message, the case's location (paths, key path), names, code (`…`: YAML, options)
        // and the keys it lists left out, and ArgumentParser's usage lines (the command's
        // syntax): no English word.
        var text = stderr.split(separator: "\n").filter { !$0.hasPrefix("Utilisation") && !$0.hasPrefix("  Voir") }.joined(separator: "\n")
        text = text.replacingOccurrences(of: location, with: "").replacingOccurrences(of: dir, with: "")
        for code in text.matches(of: /`[^`]*`/).map({ String($0.output) }) { text = text.replacingOccurrences(of: code, with: "") }
        for quoted in text.matches(of: /'[^']*'/).map({ String($0.output) }) { text = text.replacingOccurrences(of: quoted, with: "") }
        if let keys = text.range(of: "clés attendues : ") { text = String(text[..<keys.upperBound]) }
        for word in EnglishWords.inputErrors { #expect(!EnglishWords.contains(text, word), "English «\(word)» in: \(stderr)") }
        #expect(!FileManager.default.fileExists(atPath: out.path), "a failed run left an output folder")
    }
}

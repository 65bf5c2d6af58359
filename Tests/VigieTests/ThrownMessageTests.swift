import AuditData
import Foundation
import TestSupport
import Testing

/// Issue 17, "no English word in the command's messages under `--lang fr`": every message the
/// sources throw has a sentence (so a French one), and one error of each kind — a spec's, a data
/// file's, a manifest's, a database's, a register's, holders' statistics', the report writer's,
/// ArgumentParser's own — comes out of the binary in French with no English word.
@Suite struct ThrownMessageTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The guard: every English message thrown in Sources/ as text is an ``InputSentence``'s
    /// text (a site that names its sentence, `SpecError(key:problem: .sentence(…))`, is checked
    /// by the compiler). A new message needs its sentence (`InputSentence.swift`,
    /// `MessageKey.swift` and the two catalogues), in the same words.
    @Test func everyThrownMessageHasASentence() throws {
        var scanned = 0
        var unsaid: [ThrownMessageScan.Message] = []
        for url in ThrownMessageScan.swiftFiles(under: Self.sources) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let file = String(url.path.dropFirst(Self.sources.path.count + 1))
            for message in ThrownMessageScan.messages(in: text, file: file) {
                scanned += 1
                if !ThrownMessageScan.isSaid(message.pattern) { unsaid.append(message) }
            }
        }
        // The scan reads the throw sites given as text (a few hundred; most SpecError and
        // CSVError sites name their sentence, `problem: .sentence(…)`, and need no scan), not nothing.
        #expect(scanned > 150, "only \(scanned) messages scanned")
        let listing = unsaid.map(\.description).joined(separator: "\n")
        #expect(unsaid.isEmpty, "messages with no sentence (add one per message):\n\(listing)")
    }

    /// The scan finds a message by its literal pieces, interpolations and concatenations as
    /// placeholders, and refuses a new English one.
    @Test func theScanRefusesANewEnglishMessage() {
        let source = #"""
        func f() throws {
            throw SpecError(key: "k", message: "a brand new English sentence about \(thing)")
            throw SpecError(file: path, key: "level", message: "expected a confidence level in (0, 1), found \(x)")
            throw PostgresError("\(where_): cannot connect: " + String(cString: PQerrorMessage(c)))
            throw ManifestError(message: flag ? "no outputs recorded" : "a second \(role) input")
            throw fail("inputs[\(i)].name: \(problem)")  // a location before a message made elsewhere
            // throw SpecError(key: "k", message: "a comment is not a throw")
        }
        """#
        let found = ThrownMessageScan.messages(in: source, file: "f.swift")
        #expect(found.map(\.pattern) == [
            "a brand new English sentence about \u{1}", "expected a confidence level in (0, 1), found \u{1}",
            "\u{1}: cannot connect: \u{1}", "no outputs recorded", "a second \u{1} input", "inputs[\u{1}].name: \u{1}",
        ])
        #expect(found.map(\.line) == [2, 3, 4, 5, 5, 6])
        #expect(found.map { ThrownMessageScan.isSaid($0.pattern) } == [false, true, true, true, true, true])
    }

    /// `stderr` in French: starts with `erreur : `, and once the usage lines, code (`…`), quoted
    /// values ('…') and `removing` (paths) are left out, holds no English word.
    static func expectFrench(_ run: CLI.Output, removing: [String] = [], _ comment: String) {
        let stderr = run.stderr.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{a0}", with: " ")
        #expect(run.status == 2, "\(comment): exit \(run.status): \(run.stderr)")
        #expect(stderr.hasPrefix("erreur : "), "\(comment): \(stderr)")
        var text = stderr.split(separator: "\n").filter { !$0.hasPrefix("Utilisation") && !$0.hasPrefix("  Voir") && !$0.hasPrefix("        ") }
            .joined(separator: "\n")
        for path in removing { text = text.replacingOccurrences(of: path, with: "") }
        for code in text.matches(of: /`[^`]*`/).map({ String($0.output) }) { text = text.replacingOccurrences(of: code, with: "") }
        for quoted in text.matches(of: /'[^']*'/).map({ String($0.output) }) { text = text.replacingOccurrences(of: quoted, with: "") }
        for word in EnglishWords.inputErrors { #expect(!EnglishWords.contains(text, word), "\(comment): English «\(word)» in: \(stderr)") }
    }

    /// One error of each kind, from the binary, in French.
    @Test func oneErrorOfEachKindInFrench() throws {
        let scratch = Scratch()
        let data = CLI.root.appendingPathComponent("Tests/BadInputs/common/applicants.csv").path
        let empty = scratch.folder()
        let out = scratch.folder().appendingPathComponent("out").path
        // A data file's (CSVError): a column that is not in the header.
        let csv = try CLI.run(["audit", "--data", data, "--protected", "nosuchcolumn", "--decision", "d", "--out", out, "--lang", "fr"])
        Self.expectFrench(csv, removing: [data], "CSVError")
        // A database's (PostgresError, no server needed): a password in the URI is refused.
        let postgres = try CLI.run(["audit", "--data", "postgresql://u:secret@localhost/db", "--table", "t", "--protected", "a", "--decision", "d", "--out", out, "--lang", "fr"])
        Self.expectFrench(postgres, "PostgresError")
        #expect(postgres.stderr.contains("mot de passe"), "\(postgres.stderr)")
        // A manifest's (ManifestError): a manifest.json that is no Vigie manifest.
        let folder = scratch.folder()
        try Data("{}".utf8).write(to: folder.appendingPathComponent("manifest.json"))
        let manifest = try CLI.run(["verify", folder.path, "--lang", "fr"])
        Self.expectFrench(manifest, removing: [folder.path], "ManifestError")
        #expect(manifest.stderr.contains("manifeste d'audit Vigie"), "\(manifest.stderr)")
        // A register's (RegisterError): a folder that holds no audit.
        let register = try CLI.run(["register", empty.path, "--format", "etalab", "--lang", "fr"])
        Self.expectFrench(register, removing: [empty.path + "/report.json", empty.path], "RegisterError")
        #expect(register.stderr.contains("dossier d'audit Vigie"), "\(register.stderr)")
        // Holders' statistics (HolderBundleError): bundles that do not exist.
        let a = empty.appendingPathComponent("a.vstats").path, b = empty.appendingPathComponent("b.vstats").path
        let merge = try CLI.run(["merge", a, b, "--out", out, "--lang", "fr"])
        Self.expectFrench(merge, removing: [a, b], "HolderBundleError")
        #expect(merge.stderr.contains("fichier introuvable"), "\(merge.stderr)")
        // The report writer's (ReportWriterError): an output folder that is not Vigie's.
        let foreign = scratch.folder()
        try Data("x".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        let writer = try CLI.run(["audit", "--data", data, "--protected", "situation", "--decision", "d", "--out", foreign.path, "--lang", "fr"])
        Self.expectFrench(writer, removing: [foreign.path], "ReportWriterError")
        #expect(writer.stderr.contains("dossier de sortie Vigie"), "\(writer.stderr)")
        // English is unchanged.
        let english = try CLI.run(["audit", "--data", "postgresql://u:secret@localhost/db", "--table", "t", "--protected", "a", "--decision", "d", "--out", out])
        #expect(english.stderr.hasPrefix("Error: the URI holds a password: give it in PGPASSWORD"), "\(english.stderr)")
    }

    /// ArgumentParser's own messages, from the real parser (the binary), in French: an unknown
    /// option (with and without a suggestion), a missing value, a value it cannot parse, an
    /// unexpected argument, a missing argument; the `Help:` line names the option and where
    /// `--help` is, not the English help.
    @Test func argumentParserMessagesInFrench() throws {
        let data = CLI.root.appendingPathComponent("Tests/BadInputs/common/applicants.csv").path
        let cases: [(args: [String], french: String)] = [
            (["audit", "--data", data, "--nosuchoption", "--lang", "fr"], "option inconnue `--nosuchoption`"),
            (["audit", "--data", data, "--thread", "2", "--lang", "fr"], "option inconnue `--thread` ; vouliez-vous dire `--threads` ?"),
            (["audit", "--data", data, "--lang", "fr", "--threads"], "valeur manquante pour `--threads <n>`"),
            (["audit", "--data", data, "--threads", "abc", "--lang", "fr"], "la valeur 'abc' n'est pas valide pour `--threads <n>`"),
            (["audit", "--data", data, "extra", "--lang", "fr"], "argument inattendu 'extra'"),
            (["verify", "--lang", "fr"], "argument obligatoire manquant : `<dir>`"),
        ]
        for c in cases {
            let run = try CLI.run(c.args)
            let said = run.stderr.replacingOccurrences(of: "\u{202F}", with: " ")
            #expect(said.hasPrefix("erreur : " + c.french), "\(c.args): \(run.stderr)")
            #expect(!said.contains("Help:") && !said.contains("Usage:"), "\(c.args): \(run.stderr)")
            Self.expectFrench(run, removing: [data], "\(c.args)")
        }
        let help = try CLI.run(["audit", "--data", data, "--threads", "abc", "--lang", "fr"])
        #expect(help.stderr.replacingOccurrences(of: "\u{202F}", with: " ").contains("Aide : `--threads <n>` (voir `vigie audit --help`)"), "\(help.stderr)")
        // English is ArgumentParser's own, unchanged.
        let english = try CLI.run(["audit", "--data", data, "--threads", "abc"])
        #expect(english.stderr.hasPrefix("Error: The value 'abc' is invalid for '--threads <n>'"), "\(english.stderr)")
        #expect(english.stderr.contains("Help:  --threads <n>  "), "\(english.stderr)")
    }
}

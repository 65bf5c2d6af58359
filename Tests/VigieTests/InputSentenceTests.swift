import AuditData
@testable import AuditReport
import Foundation
import Testing

/// Issue 17, "no English under `--lang fr`": the input errors thrown with English text only
/// (``InputSentence``) are found again from that text and written in French; English is left
/// byte for byte as it was.
@Suite struct InputSentenceTests {
    /// Sample arguments: a word for each placeholder, different for each so a swap shows.
    static func sample(_ sentence: InputSentence) -> [String: String] {
        let names = Catalogue.placeholders(in: sentence.english)
        return Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, "v\($0.offset)x") })
    }

    /// Each sentence's English catalogue message is its template, and its French one has the
    /// same placeholders and no English word.
    @Test func everySentenceHasItsEnglishAndFrenchMessage() throws {
        #expect(InputSentence.allCases.count >= 200)
        for sentence in InputSentence.allCases {
            let key = try #require(MessageKey.named(sentence.rawValue), "\(sentence.rawValue) has no message")
            #expect(Catalogue.english.template(key) == sentence.english, "\(sentence.rawValue)")
            var french = Catalogue.french.template(key)
            // Placeholders (the arguments) and code (`…`) left out.
            for slot in french.matches(of: /\{[a-z_]+\}/).map({ String($0.output) }) { french = french.replacingOccurrences(of: slot, with: "") }
            for code in french.matches(of: /`[^`]*`/).map({ String($0.output) }) { french = french.replacingOccurrences(of: code, with: "") }
            for word in EnglishWords.inputErrors { #expect(!EnglishWords.contains(french, word), "English «\(word)» in \(sentence.rawValue): \(french)") }
        }
    }

    /// Each template filled is recognised as itself (no earlier sentence takes its text), with
    /// the same arguments, and its text is the problem's English description.
    @Test func everySentenceIsRecognisedFromItsText() throws {
        for sentence in InputSentence.allCases {
            let arguments = Self.sample(sentence)
            let text = sentence.text(arguments)
            let found = try #require(InputSentence.recognize(text), "\(sentence.rawValue): «\(text)» not recognised")
            #expect(found.sentence == sentence, "«\(text)» recognised as \(found.sentence.rawValue), not \(sentence.rawValue)")
            #expect(found.arguments == arguments, "\(sentence.rawValue)")
            #expect(InputProblem(recognizing: text)?.description == text)
        }
        // A placeholder named twice takes the same text both times.
        let twice = "'a' favours every group but its reference, which is 'u', not a named group: name it (protected: column: a, reference: GROUP) or name the favoured group (a=GROUP)"
        #expect(InputSentence.recognize(twice)?.arguments == ["attribute": "a", "label": "u"])
        #expect(InputSentence.recognize(twice.replacingOccurrences(of: "(a=GROUP)", with: "(b=GROUP)")) == nil)
        // Text that is no sentence stays unrecognised (and is shown as written).
        #expect(InputProblem(recognizing: "something else entirely") == nil)
    }

    /// A spec error in both languages: English exactly its description, French from the
    /// catalogue, with decimal commas for numbers Vigie wrote and the input's quoted text as is.
    /// A manifest of another version (`vigie register`, `vigie verify`): the field's own
    /// sentence, not the general one with "manifest_version is 3" left in English as its version.
    @Test func aManifestOfAnotherVersionInFrench() throws {
        let found = try #require(InputSentence.recognize("/d/manifest.json: manifest_version is 3; this Vigie reads version 1"))
        #expect(found.sentence == .manifestVersionField)
        let fr = try #require(InputErrorText.problemText(.sentence(found.sentence, arguments: found.arguments), language: .fr))
        #expect(fr.replacingOccurrences(of: "\u{202F}", with: " ") == "/d/manifest.json : `manifest_version` vaut 3 ; cette version de Vigie lit la version 1")
        #expect(InputSentence.recognize("2; this Vigie reads version 1")?.sentence == .manifestVersion)
    }

    @Test func aSpecErrorInBothLanguages() throws {
        let e = SpecError(file: "a.yaml", line: 5, column: 1, key: "level", message: "expected a confidence level in (0, 1), found 1.5")
        #expect(InputErrorText.message(e, language: .en) == e.description)
        let fr = try #require(InputErrorText.message(e, language: .fr))
        #expect(fr == "a.yaml:5:1\u{202F}: level\u{202F}: niveau de confiance attendu dans ]0\u{202F}; 1[, trouvé 1,5")
        let quoted = SpecError(key: "decision_is", message: "expected one of 'favourable', 'unfavourable', found '1.5'")
        #expect(InputErrorText.message(quoted, language: .fr) == "decision_is\u{202F}: valeur attendue parmi 'favourable', 'unfavourable', trouvé '1.5'")
        // A message with no sentence stays English, without French spacing.
        let other = SpecError(key: "k", message: "an English sentence: left as written")
        #expect(InputErrorText.message(other, language: .fr) == "k\u{202F}: an English sentence: left as written")
    }

    /// Code keeps its colons: a YAML hint in French is not set as French prose (issue 17's
    /// `protected : column : g`).
    @Test func codeSpansAreLeftAsWritten() throws {
        #expect(Typography.set("nommez-la (`protected: column: g, reference: GROUP`) : fin", language: .fr)
                == "nommez-la (`protected: column: g, reference: GROUP`)\u{202F}: fin")
        #expect(Typography.set("`a: b` et c: d ; `x; y`", language: .fr) == "`a: b` et c\u{202F}: d\u{202F}; `x; y`")
        #expect(Typography.set("`a: b`", language: .en) == "`a: b`")
        let e = SpecError(key: "system.mandated_priorities", message: "'g' favours every group but its reference, which is 'unknown', not a named group: name it (protected: column: g, reference: GROUP) or name the favoured group (g=GROUP)")
        let fr = try #require(InputErrorText.message(e, language: .fr))
        #expect(fr.contains("(`protected: column: g, reference: GROUP`)"), "\(fr)")
        #expect(fr.contains("(`g=GROUP`)"), "\(fr)")
        #expect(!fr.contains("column\u{202F}:"), "\(fr)")
    }

    /// The checks Vigie's commands make in `validate()` in French, with ArgumentParser's usage
    /// lines; ArgumentParser's own messages (a value it cannot parse) in French too.
    @Test func commandLineChecksInFrench() throws {
        let data = CLI.root.appendingPathComponent("Tests/BadInputs/common/applicants.csv").path
        let threads = try CLI.run(["audit", "--data", data, "--protected", "situation", "--decision", "d", "--threads", "0", "--lang", "fr"])
        #expect(threads.status == 2)
        let said = threads.stderr.replacingOccurrences(of: "\u{202F}", with: " ")
        #expect(said.hasPrefix("erreur : `--threads` doit valoir au moins 1\nUtilisation : vigie audit"), "\(threads.stderr)")
        #expect(said.contains("Voir `vigie audit --help` pour plus d'informations."), "\(threads.stderr)")
        let english = try CLI.run(["audit", "--data", data, "--protected", "situation", "--decision", "d", "--threads", "0"])
        #expect(english.stderr.hasPrefix("Error: --threads must be at least 1\nUsage: vigie audit"), "\(english.stderr)")
        let compare = try CLI.run(["compare", "--lang", "fr"])
        #expect(compare.stderr.replacingOccurrences(of: "\u{202F}", with: " ").hasPrefix("erreur : donnez deux tarifs (`--tariff A.yaml --tariff B.yaml`)"), "\(compare.stderr)")
        // ArgumentParser's own messages too (ThrownMessageTests has each shape).
        let parser = try CLI.run(["audit", "--data", data, "--threads", "abc", "--lang", "fr"])
        #expect(parser.status == 2 && parser.stderr.replacingOccurrences(of: "\u{202F}", with: " ").hasPrefix("erreur : la valeur 'abc' n'est pas valide pour `--threads <n>`"), "\(parser.stderr)")
    }
}

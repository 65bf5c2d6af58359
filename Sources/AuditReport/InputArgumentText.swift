import AuditData
import Foundation

/// An argument of an ``InputSentence`` as a language writes it: what Vigie wrote in English
/// inside the sentence (a document's name, a unit, the system's reason for a file it cannot
/// open, the YAML parser's problem, the list of a header's columns) in that language, a
/// decimal number with the language's decimal mark; the input's own text (a value quoted
/// `'…'` in the sentence, a column name) as it is.
package enum InputArgumentText {
    package static func text(_ name: String, _ value: String, quoted: Bool, _ t: ReportText) -> String {
        guard t.language == .fr else { return value }
        switch name {
        case "what":
            let document = value.hasSuffix(" file") ? String(value.dropLast(" file".count)) : value
            return documents[document] ?? kinds[value] ?? value
        case "unit":
            return value.replacingOccurrences(of: " per person per year", with: " par personne et par an")
                .replacingOccurrences(of: "/year", with: "/an").replacingOccurrences(of: " per year", with: " par an")
        case "reason":
            // The system's words, or another error's (a sentence Vigie knows) in the language;
            // else quoted as it is (a server's, a library's own text).
            if let known = reasons[value] { return known }
            if let problem = InputProblem(recognizing: value) { return InputErrorText.text(problem, value, t) }
            return "`\(value)`"
        case "problem":
            return yamlProblems[value] ?? "`\(value)`"
        case "listing":
            if value.hasPrefix("available columns: ") { return t(.inputColumns, ["columns": String(value.dropFirst("available columns: ".count))]) }
            if value == InputProblem.headerListing(["x"]) { return t(.inputSingleField) }
            return value
        case "who":
            if value.hasPrefix("criterion ") { return "le critère " + value.dropFirst("criterion ".count) }
            return value.hasPrefix("-") ? "`\(value)`" : value
        case "both", "all", "levels":
            return value.replacingOccurrences(of: " and ", with: " et ")
        case "role" where value == "label" || value == "decision":
            return InputErrorText.roleWord(value, t)
        case "register":
            // A public register's name (`RegisterFormat.title`) as the report names it.
            let titles: [String: MessageKey] = [
                Catalogue.english.template(.registerTitleEtalab): .registerTitleEtalab, Catalogue.english.template(.registerTitleAtrs): .registerTitleAtrs,
                Catalogue.english.template(.registerTitleNl): .registerTitleNl,
            ]
            return titles[value].map { t($0) } ?? value
        case "message":
            // Another error's English text (a check of the loader's): in the language when it is a sentence Vigie knows.
            guard let problem = InputProblem(recognizing: value) else { return value }
            return InputErrorText.text(problem, value, t)
        case "sizes":
            return value.isEmpty ? "aucun" : value.replacingOccurrences(of: "unknown", with: t(.groupMissing))
        default:
            // A number Vigie wrote (not the input's quoted text): the language's decimal mark and minus.
            guard !quoted, value.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else { return value }
            let digits = value.hasPrefix("-") ? t.numbers.minusSign + value.dropFirst() : value
            return digits.replacingOccurrences(of: ".", with: t.numbers.decimalMark)
        }
    }

    /// The documents an error names (`the {what} is not a regular file`).
    static let documents = [
        "spec": "spécification d'audit", "grid": "grille de points", "tariff": "tarif",
        "drought rule": "règle de sécheresse", "manifest": "manifeste", "declarations": "déclarations",
    ]

    /// What a data file that is not a regular file is (`the data file is a device`).
    static let kinds = [
        "a device": "un périphérique", "a pipe": "un tube", "a folder": "un dossier", "a socket": "une socket",
        "a special file": "un fichier spécial", "not a file": "autre chose qu'un fichier",
    ]

    /// The system's words for the commonest reasons a file cannot be read.
    static let reasons = [
        "No such file or directory": "fichier ou dossier introuvable", "Permission denied": "permission refusée",
        "Is a directory": "c'est un dossier",
    ]

    /// The YAML parser's (libyaml's) commonest problems.
    static let yamlProblems = [
        "did not find expected node content": "contenu attendu introuvable",
        "did not find expected ',' or ']'": "',' ou ']' attendu, introuvable",
        "did not find expected ',' or '}'": "',' ou '}' attendu, introuvable",
        "did not find expected key": "clé attendue introuvable",
        "did not find expected '-' indicator": "tiret '-' attendu, introuvable",
        "could not find expected ':'": "':' attendu, introuvable",
        "mapping values are not allowed in this context": "une valeur de dictionnaire n'est pas permise ici (un ':' de trop ?)",
        "block sequence entries are not allowed in this context": "une entrée de liste '-' n'est pas permise ici",
        "found character that cannot start any token": "caractère qui ne peut commencer aucun élément",
        "found unexpected end of stream": "fin de fichier inattendue",
        "found a tab character that violates indentation": "une tabulation rompt l'indentation",
        "found undefined tag handle": "étiquette YAML non définie",
    ]
}

import AuditReport
import Foundation

/// ArgumentParser's own messages (an unknown option, a missing value, a value it cannot parse,
/// an unexpected argument) in French, recognised from their English shapes — ArgumentParser's
/// error types are internal, its messages are the only thing it gives. Each shape is matched
/// whole; the option names, values and the argument's own words stay as typed.
///
/// Shapes (swift-argument-parser 1.x, `ErrorMessageGenerator`): `Unknown option '--x'`
/// (`. Did you mean '--y'?`), `Missing value for '--x <v>'`, `Missing expected argument
/// '--x <v>'`, `Missing one of: 'a', 'b'`, `The value 'v' is invalid for '--x <v>'` (with
/// `: reason` or `. Please provide one of …`), `Unexpected argument 'v'`, `N unexpected
/// arguments: 'a', 'b'`, `The option '--x' does not take any value, but 'v' was specified.`,
/// `Missing required subcommand.`, `Invalid option: x`.
enum ParserErrorText {
    /// `brief` in French when it is one of ArgumentParser's shapes; `nil` otherwise.
    /// `reason` writes the reason an argument's own parser gave (`: reason`) in French.
    static func french(_ brief: String, reason: (String) -> String) -> String? {
        if let m = brief.wholeMatch(of: /Unknown option '([^']*)'\. Did you mean '([^']*)'\?/) {
            return "option inconnue `\(m.1)` ; vouliez-vous dire `\(m.2)` ?"
        }
        if let m = brief.wholeMatch(of: /Unknown option '([^']*)'/) { return "option inconnue `\(m.1)`" }
        if let m = brief.wholeMatch(of: /Missing value for '([^']*)'/) { return "valeur manquante pour `\(m.1)`" }
        if let m = brief.wholeMatch(of: /Missing expected argument '([^']*)'/) { return "argument obligatoire manquant : `\(m.1)`" }
        if let m = brief.wholeMatch(of: /Missing one of: (.*)/) {
            return "il manque l'un de ces arguments : " + codes(String(m.1))
        }
        if let m = brief.wholeMatch(of: /(?s)The value '(.*?)' is invalid for '([^']*)'(.*)/) {
            return "la valeur '\(m.1)' n'est pas valide pour `\(m.2)`" + rest(String(m.3), reason: reason)
        }
        if let m = brief.wholeMatch(of: /(?s)The value '(.*?)' is invalid\.(.*)/) {
            return "la valeur '\(m.1)' n'est pas valide" + rest(String(m.2), reason: reason)
        }
        if let m = brief.wholeMatch(of: /(?s)Unexpected argument '(.*)'/) { return "argument inattendu '\(m.1)'" }
        if let m = brief.wholeMatch(of: /(?s)([0-9]+) unexpected arguments: (.*)/) {
            return "\(m.1) arguments inattendus : \(m.2)"
        }
        if let m = brief.wholeMatch(of: /(?s)The option '([^']*)' does not take any value, but '(.*)' was specified\./) {
            return "l'option `\(m.1)` ne prend pas de valeur, mais '\(m.2)' a été donné."
        }
        if brief == "Missing required subcommand." { return "sous-commande manquante." }
        if let m = brief.wholeMatch(of: /Invalid option: (.*)/) { return "option invalide : `\(m.1)`" }
        return nil
    }

    /// What follows an unparsable value: `: reason`, the accepted values, or nothing.
    static func rest(_ rest: String, reason: (String) -> String) -> String {
        if rest.isEmpty { return "" }
        if rest.hasPrefix(": ") { return " : " + reason(String(rest.dropFirst(2))) }
        if let m = rest.wholeMatch(of: /\. Please provide one of (.*)\./) {
            return ". Valeurs acceptées : " + String(m.1).replacingOccurrences(of: "' and '", with: "' et '")
                .replacingOccurrences(of: "' or '", with: "' ou '") + "."
        }
        if let m = rest.wholeMatch(of: /(?s)\. Please provide one of the following:\n(.*)/) {
            return ". Valeurs acceptées :\n" + m.1
        }
        return rest
    }

    /// `'a', 'b'` as code spans: `` `a`, `b` ``.
    static func codes(_ quoted: String) -> String {
        quoted.split(separator: "', '").map { "`" + $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) + "`" }
            .joined(separator: ", ")
    }

    /// ArgumentParser's `Help:  --x <v>  English help` line in French: the option, and where
    /// its help is (`command --help`), without the English text.
    static func helpLine(_ full: String) -> String {
        guard let line = full.firstMatch(of: /(?m)^Help:  (.*)$/) else { return full }
        let synopsis = line.1.range(of: "  ").map { String(line.1[..<$0.lowerBound]) } ?? String(line.1)
        let command = full.firstMatch(of: /See '([^']*)' for more information\./).map { String($0.1) }
        let see = command.map { "voir `\($0)`" } ?? "voir `--help`"
        var out = full
        out.replaceSubrange(line.range, with: "Aide : `\(synopsis)` (\(see))")
        return out
    }
}

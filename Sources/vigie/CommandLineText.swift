import AuditData
import AuditReport
import Foundation

/// A command-line error other than an input's (``InputErrorText``) in a language: a check
/// Vigie's commands make in `validate()` is an ``InputSentence`` found again from its English
/// text and written in the language; the usage lines ArgumentParser adds keep the command
/// line as it is, with their two words (`Usage:`, `See … for more information.`) in the
/// language. ArgumentParser's own messages (a missing or unknown option, a value it cannot
/// parse) have no sentence and stay English.
enum CommandLineText {
    /// `full` (the message with its usage lines) with `brief` (the message alone) in `language`.
    static func message(_ full: String, brief: String, language: ReportLanguage) -> String {
        guard language == .fr else { return full }
        var out = full
        if let said = sentence(brief, language: language), let range = out.range(of: brief) {
            out.replaceSubrange(range, with: said)
        }
        out = out.replacingOccurrences(of: "Usage: ", with: "Utilisation\u{202F}: ")
        if let see = out.range(of: #"See '([^']*)' for more information\."#, options: .regularExpression) {
            let command = out[see].dropFirst("See '".count).dropLast("' for more information.".count)
            out.replaceSubrange(see, with: "Voir `\(command)` pour plus d'informations.")
        }
        return out
    }

    /// `brief` in `language` when it is a sentence Vigie knows, whole or after a prefix that
    /// locates it (`manifest.json: inputs[0].name: `, `--on: `; the prefix is kept, typeset).
    static func sentence(_ brief: String, language: ReportLanguage) -> String? {
        var start = brief.startIndex
        while true {
            if let problem = InputProblem(recognizing: String(brief[start...])), case .sentence = problem,
               let said = InputErrorText.problemText(problem, language: language) {
                return Typography.set(String(brief[..<start]), language: language) + said
            }
            guard let next = brief[start...].range(of: ": ") else { return nil }
            start = next.upperBound
        }
    }
}

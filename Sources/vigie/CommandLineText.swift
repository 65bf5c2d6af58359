import AuditData
import AuditReport
import Foundation

/// A command-line error other than an input's (``InputErrorText``) in a language: a check
/// Vigie's commands make in `validate()`, and the errors of the other steps (a manifest, a
/// database, a register, holders' statistics, the report writer), are an ``InputSentence``
/// found again from its English text and written in the language; ArgumentParser's own
/// messages (a missing or unknown option, a value it cannot parse, an unexpected argument)
/// are recognised from their English shapes (``ParserErrorText``); the usage lines
/// ArgumentParser adds keep the command line as it is, with their words (`Help:`, `Usage:`,
/// `See … for more information.`) in the language — the option's English help is not shown,
/// the line says where `--help` gives it.
enum CommandLineText {
    /// `full` (the message with its usage lines) with `brief` (the message alone) in `language`:
    /// from `problem`, the typed reason the error was thrown with, when it has one.
    static func message(_ full: String, brief: String, problem: InputProblem? = nil, language: ReportLanguage) -> String {
        guard language == .fr else { return full }
        var out = full
        let said = problem.flatMap { InputErrorText.problemText($0, language: language) }
            ?? sentence(brief, language: language)
            ?? ParserErrorText.french(brief) { reason in sentence(reason, language: language) ?? reason }
                .map { Typography.set($0, language: language) }
        if let said, let range = out.range(of: brief) {
            out.replaceSubrange(range, with: said)
        }
        out = ParserErrorText.helpLine(out)
        out = out.replacingOccurrences(of: "Usage: ", with: "Utilisation\u{202F}: ")
        if let see = out.range(of: #"See '([^']*)' for more information\."#, options: .regularExpression) {
            let command = out[see].dropFirst("See '".count).dropLast("' for more information.".count)
            out.replaceSubrange(see, with: "Voir `\(command)` pour plus d'informations.")
        }
        out = out.replacingOccurrences(of: "Aide : ", with: "Aide\u{202F}: ")
        return out
    }

    /// `brief` in `language` when it is a sentence Vigie knows, whole or after a prefix that
    /// locates it (`manifest.json: inputs[0].name: `, `--on: `; the prefix is kept, typeset).
    static func sentence(_ brief: String, language: ReportLanguage) -> String? {
        var start = brief.startIndex
        while true {
            if let problem = InputProblem(recognizing: String(brief[start...])),
               let said = InputErrorText.problemText(problem, language: language) {
                return Typography.set(String(brief[..<start]), language: language) + said
            }
            guard let next = brief[start...].range(of: ": ") else { return nil }
            start = next.upperBound
        }
    }
}

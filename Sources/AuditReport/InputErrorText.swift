import AuditData
import Foundation

/// An input error (``CSVError``, ``SpecError``) as the command line prints it, in a language:
/// the frame — `file:line:column (column 'name'): ` or `file:line:column: key: ` — in that
/// language, and the message from its typed reason (``InputProblem``) when it has one, or
/// when its English text is a sentence Vigie knows (``InputProblem/init(recognizing:)``),
/// else the error's own English text — left as written: the language's typography is not
/// applied to English. In English it is exactly the error's `description`.
package enum InputErrorText {
    /// The message of `error` in `language`; `nil` for an error of another type.
    package static func message(_ error: Error, language: ReportLanguage) -> String? {
        let t = ReportText(language)
        switch error {
        case let e as CSVError:
            var location = e.file
            if let line = e.line {
                location += ":\(line)"
                if let column = e.column { location += ":\(column)" }
            } else if let column = e.column {
                location += " " + t(.cliErrorColumnNumber, ["number": String(column)])
            }
            if let name = e.columnName { location += " " + t(.cliErrorColumn, ["column": name]) }
            return Typography.set(location + t(.cliErrorSeparator), language: language) + message(e.problem, e.message, t)
        case let e as SpecError:
            var location = ""
            if let file = e.file {
                location = file
                if let line = e.line { location += ":\(line)" }
                if let column = e.column { location += ":\(column)" }
                location += t(.cliErrorSeparator)
            }
            return Typography.set(location, language: language) + documentKey(e.key, t) + Typography.set(t(.cliErrorSeparator), language: language)
                + message(e.problem, e.message, t)
        default:
            return nil
        }
    }

    /// The message of a typed reason (or of one recognised from `english`) in `t`'s language,
    /// typeset; `english` as written when there is none.
    static func message(_ problem: InputProblem?, _ english: String, _ t: ReportText) -> String {
        guard t.language != .en else { return english }
        guard let problem = problem ?? InputProblem(recognizing: english) else { return english }
        return Typography.set(text(problem, english, t), language: t.language)
    }

    /// A typed reason's message in `language`, typeset (for an error that is not an input's,
    /// like a command-line check).
    package static func problemText(_ problem: InputProblem, language: ReportLanguage) -> String? {
        let t = ReportText(language)
        return Typography.set(text(problem, problem.description, t), language: language)
    }

    /// A key as the error names it: a whole document's (`spec`, `grid`, `tariff`, `drought
    /// rule`, `manifest`) in `t`'s language, a key path as written.
    static func documentKey(_ key: String, _ t: ReportText) -> String {
        guard t.language != .en, let name = documentNames[key] else { return key }
        return name
    }

    /// The French names of the documents an error can be about as a whole.
    static let documentNames = [
        "spec": "spécification", "grid": "grille", "tariff": "tarif", "drought rule": "règle de sécheresse",
        "manifest": "manifeste",
    ]

    /// A role (`label`, `decision`) in `t`'s language.
    static func roleWord(_ role: String, _ t: ReportText) -> String {
        role == "label" ? t(.warningRoleLabel) : role == "decision" ? t(.warningRoleDecision) : role
    }

    /// The message of a typed reason in `t`'s language, or `fallback` without one.
    static func text(_ problem: InputProblem?, _ fallback: String, _ t: ReportText) -> String {
        guard let problem else { return fallback }
        switch problem {
        case .fieldCount(let expected, let found):
            return t(.inputFieldCount, ["expected": String(expected), "found": String(found)])
        case .emptyFile: return t(.inputEmptyFile)
        case .noDataRow: return t(.inputNoDataRow)
        case .noColumn(let name, let header):
            let listing = header.count >= 2 ? t(.inputColumns, ["columns": header.map { "'\($0)'" }.joined(separator: ", ")]) : t(.inputSingleField)
            return t(.inputNoColumn, ["name": name, "listing": listing])
        case .missingValue(let role):
            let word = role == "label" ? t(.warningRoleLabel) : role == "decision" ? t(.warningRoleDecision) : role
            return t.language == .en ? problem.description : t(.inputMissingValue, ["role": word])
        case .cannotOpen(let code, let reason):
            let said: String
            switch code {
            case ENOENT: said = t.language == .en ? reason : t(.inputNoSuchFile)
            case EACCES: said = t.language == .en ? reason : t(.inputPermissionDenied)
            case EISDIR: said = t.language == .en ? reason : t(.inputIsDirectory)
            default: said = reason
            }
            return t(.inputCannotOpen, ["reason": said])
        case .unknownKey(let allowed): return t(.inputUnknownKey, ["allowed": allowed.joined(separator: ", ")])
        case .expectedNumber: return t(.inputExpectedNumber)
        case .expectedYesNo(let role, let found): return t(.inputExpectedYesNo, ["role": roleWord(role, t), "found": found])
        case .expectedNumberForThreshold(let role, let threshold, let found):
            let shown = t.language == .en ? "\(threshold)" : t.numbers.shortest(threshold)
            return t(.inputExpectedNumberForThreshold, ["role": roleWord(role, t), "threshold": shown, "found": found])
        case .invalidUTF8(let header): return t(header ? .inputInvalidUTF8Header : .inputInvalidUTF8Field)
        case .nulByte(let header): return t(header ? .inputNulByteHeader : .inputNulByteField)
        case .unclosedQuote(let line, let quote): return t(.inputUnclosedQuote, ["line": String(line), "quote": quote])
        case .unexpectedQuote(let quote): return t(.inputUnexpectedQuote, ["quote": quote])
        case .sentence(let sentence, let arguments):
            guard t.language != .en else { return problem.description }
            let template = MessageKey.named(sentence.rawValue).map { t.catalogue.template($0) } ?? ""
            var shown: [String: String] = [:]
            for (name, value) in arguments { shown[name] = InputArgumentText.text(name, value, quoted: template.contains("'{\(name)}'"), t) }
            return t(named: sentence.rawValue, shown)
        }
    }
}

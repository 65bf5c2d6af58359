import AuditReport

/// The language of the command's own messages (errors, warnings, progress): the `--lang`
/// given on the command line (`--lang fr`, `--lang=fr`), English otherwise — known before the
/// arguments are parsed, so that an error in parsing them is in that language too.
enum CommandLanguage {
    static func of(_ arguments: [String]) -> ReportLanguage {
        var found: ReportLanguage?
        for (i, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", i + 1 < arguments.count { found = ReportLanguage(rawValue: arguments[i + 1]) ?? found }
            if argument.hasPrefix("--lang=") { found = ReportLanguage(rawValue: String(argument.dropFirst("--lang=".count))) ?? found }
        }
        return found ?? .en
    }
}

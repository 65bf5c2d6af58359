/// English words that have no business in a French message of Vigie's (issue 17: no English
/// under `--lang fr`), looked for as whole words, case-insensitively.
enum EnglishWords {
    static let list = [
        "error", "warning", "expected", "found", "missing", "unknown", "key", "column", "columns", "available",
        "cannot", "open", "empty", "header", "rows", "row", "line", "every", "needs", "value", "values",
        "the", "and", "of", "with", "without", "is", "are", "not", "no", "has", "have", "reading", "audited",
        "report", "verified", "input", "inputs", "output", "outputs", "match", "failed", "problem",
        "such", "directory", "denied", "left", "out", "figures", "households", "group", "groups", "below", "threshold",
    ]

    /// The list, and the words an input error would say in English (``list`` serves the
    /// reports too, where some of these could be a data label's).
    static let inputErrors = list + [
        "give", "must", "only", "number", "least", "twice", "which", "than", "file", "declared", "given",
        "needs", "band", "bands", "block", "blocks", "criterion", "level", "list", "name", "names",
    ]

    /// Whether `word` appears in `text` as a whole word (letters around it do not count).
    static func contains(_ text: String, _ word: String) -> Bool {
        let lower = text.lowercased()
        var start = lower.startIndex
        while let range = lower.range(of: word, range: start..<lower.endIndex) {
            let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
            let after = range.upperBound == lower.endIndex ? nil : lower[range.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            start = range.upperBound
        }
        return false
    }
}

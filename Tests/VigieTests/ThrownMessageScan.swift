import AuditData
import Foundation

/// The English messages the sources throw, read from the Swift text itself: each string
/// literal given as the message of an error (``SpecError``, ``CSVError``, `ManifestError`,
/// `PostgresError`, …, ArgumentParser's `ValidationError`) or of a helper that makes one
/// (`fail(…)`, `failure(…)`, a decoding error's `debugDescription:`). A message is a
/// *pattern*: its literal text, with `\u{1}` for each interpolation `\(…)` and for each
/// expression concatenated with `+`. Issue 17's guard: every pattern must be the text of an
/// ``InputSentence`` (its placeholders take the interpolations), so no English-only message
/// can be added without its French.
enum ThrownMessageScan {
    /// The error initialisers and error-making helpers whose message is scanned.
    static let callees: Set<String> = [
        "SpecError", "CSVError", "ManifestError", "PostgresError", "HolderMergeError", "ReportWriterError",
        "RegisterError", "ModelAuditError", "HolderBundleError", "ValidationError",
        "fail", "failure", "mismatch", "missing", "bad", "dataCorruptedError", "Context",
    ]
    /// Helpers whose message is their last argument (`failure(key, "…")`, `bad(row, column, "…")`).
    static let lastArgument: Set<String> = ["failure", "missing", "bad"]

    struct Message: CustomStringConvertible {
        var file: String
        var line: Int
        var callee: String
        /// The literal text, `\u{1}` for each computed part.
        var pattern: String
        var description: String { "\(file):\(line) \(callee)(\"\(pattern.replacingOccurrences(of: "\u{1}", with: "\\(…)"))\")" }
    }

    /// The `.swift` files under `folder`, sorted.
    static func swiftFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "swift" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The messages thrown in `text` (a Swift file's content).
    static func messages(in text: String, file: String) -> [Message] {
        let s = Array(text.unicodeScalars)
        var found: [Message] = []
        var i = 0
        var line = 1
        while i < s.count {
            let c = s[i]
            if c == "\n" { line += 1; i += 1; continue }
            if c == "/", i + 1 < s.count, s[i + 1] == "/" { while i < s.count, s[i] != "\n" { i += 1 }; continue }
            if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                while i + 1 < s.count, !(s[i] == "*" && s[i + 1] == "/") { if s[i] == "\n" { line += 1 }; i += 1 }
                i += 2; continue
            }
            if c == "\"" || (c == "#" && i + 1 < s.count && s[i + 1] == "\"") {
                let (end, _) = literal(s, i)
                line += s[i..<end].filter { $0 == "\n" }.count
                i = end; continue
            }
            if isIdentifierStart(c), i == 0 || !isIdentifier(s[i - 1]) {
                var j = i
                while j < s.count, isIdentifier(s[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(s[i..<j]))
                let isDeclaration = i >= 5 && String(String.UnicodeScalarView(s[(i - 5)..<i])) == "func "
                if j < s.count, s[j] == "(", callees.contains(name), !isDeclaration {
                    let (end, arguments) = argumentList(s, j)
                    let chosen = lastArgument.contains(name) && arguments.count >= 2 ? [arguments.last!]
                        : arguments.filter { $0.label == nil || $0.label == "message" || $0.label == "debugDescription" || (name == "Failure" && $0.label == "description") }
                    for argument in chosen {
                        for pattern in argument.patterns {
                            found.append(Message(file: file, line: line, callee: name, pattern: pattern))
                        }
                    }
                    line += s[i..<end].filter { $0 == "\n" }.count
                    i = end; continue
                }
                i = j; continue
            }
            i += 1
        }
        return found
    }

    struct Argument {
        var label: String?
        /// Items joined by `+`; a new group starts at an item not preceded by `+`.
        var groups: [[String?]] = []
        var afterPlus = false
        /// Each group holding a literal, as a pattern.
        var patterns: [String] {
            groups.filter { $0.contains { $0 != nil } }.map { group in
                var out = ""
                for item in group {
                    if let text = item { out += text } else if !out.hasSuffix("\u{1}") { out += "\u{1}" }
                }
                return out
            }
        }
        mutating func add(_ item: String?) {
            if afterPlus, !groups.isEmpty { groups[groups.count - 1].append(item) } else { groups.append([item]) }
            afterPlus = false
        }
    }

    /// The arguments of the call whose `(` is at `open`, and the index after its `)`.
    static func argumentList(_ s: [Unicode.Scalar], _ open: Int) -> (Int, [Argument]) {
        var arguments = [Argument()]
        var i = open + 1
        var atStart = true
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\n" || c == "\t" { i += 1; continue }
            if c == "/", i + 1 < s.count, s[i + 1] == "/" { while i < s.count, s[i] != "\n" { i += 1 }; continue }
            if c == ")" { return (i + 1, arguments) }
            if c == "," { arguments.append(Argument()); atStart = true; i += 1; continue }
            if c == "\"" || (c == "#" && i + 1 < s.count && s[i + 1] == "\"") {
                let (end, pattern) = literal(s, i)
                arguments[arguments.count - 1].add(pattern)
                atStart = false
                i = end; continue
            }
            if c == "+" { arguments[arguments.count - 1].afterPlus = true; i += 1; continue }
            if atStart, isIdentifierStart(c) {
                var j = i
                while j < s.count, isIdentifier(s[j]) { j += 1 }
                if j < s.count, s[j] == ":", j + 1 < s.count, s[j + 1] == " " || s[j + 1] == "\n" {
                    arguments[arguments.count - 1].label = String(String.UnicodeScalarView(s[i..<j]))
                    atStart = false
                    i = j + 1; continue
                }
            }
            atStart = false
            // Any other expression: up to the next top-level space, `+`, `,` or `)`; nested
            // brackets (with their strings) are part of it.
            var depth = 0
            while i < s.count {
                let d = s[i]
                if d == "\"" || (d == "#" && i + 1 < s.count && s[i + 1] == "\"") { i = literal(s, i).0; continue }
                if d == "(" || d == "[" || d == "{" { depth += 1 } else if d == ")" || d == "]" || d == "}" {
                    if depth == 0 { break }
                    depth -= 1
                } else if depth == 0, d == " " || d == "\n" || d == "," || d == "+" { break }
                i += 1
            }
            arguments[arguments.count - 1].add(nil)
        }
        return (i, arguments)
    }

    /// The string literal starting at `start` (`"…"`, `"""…"""`, `#"…"#`): the index after it
    /// and its text, `\u{1}` for each interpolation.
    static func literal(_ s: [Unicode.Scalar], _ start: Int) -> (Int, String) {
        var i = start
        var hashes = 0
        while s[i] == "#" { hashes += 1; i += 1 }
        let multi = i + 2 < s.count && s[i] == "\"" && s[i + 1] == "\"" && s[i + 2] == "\""
        i += multi ? 3 : 1
        if multi, i < s.count, s[i] == "\n" { i += 1 }
        var out = String.UnicodeScalarView()
        func closes(_ k: Int) -> Bool {
            let quotes = multi ? 3 : 1
            guard k + quotes + hashes <= s.count else { return false }
            for q in 0..<quotes where s[k + q] != "\"" { return false }
            for h in 0..<hashes where s[k + quotes + h] != "#" { return false }
            return true
        }
        while i < s.count {
            if closes(i) {
                var text = String(out)
                if multi, let lastNewline = text.lastIndex(of: "\n"), text[text.index(after: lastNewline)...].allSatisfy({ $0 == " " }) {
                    // A multi-line literal's closing delimiter: its indentation is removed from every line.
                    let indent = text.distance(from: text.index(after: lastNewline), to: text.endIndex)
                    text = String(text[..<lastNewline]).split(separator: "\n", omittingEmptySubsequences: false)
                        .map { String($0.dropFirst(indent)) }.joined(separator: "\n")
                }
                return (i + (multi ? 3 : 1) + hashes, text)
            }
            let c = s[i]
            let escapes = c == "\\" && (hashes == 0 || (i + hashes < s.count && (1...hashes).allSatisfy { s[i + $0] == "#" }))
            if escapes {
                let n = i + 1 + hashes
                let e = s[n]
                if e == "(" {
                    var depth = 1
                    var k = n + 1
                    while k < s.count, depth > 0 {
                        if s[k] == "\"" { k = literal(s, k).0; continue }
                        if s[k] == "(" { depth += 1 } else if s[k] == ")" { depth -= 1 }
                        k += 1
                    }
                    out.append("\u{1}")
                    i = k; continue
                }
                if e == "u", s[n + 1] == "{" {
                    var k = n + 2
                    var hex = ""
                    while s[k] != "}" { hex.unicodeScalars.append(s[k]); k += 1 }
                    if let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) { out.append(scalar) }
                    i = k + 1; continue
                }
                if multi, e == "\n" { i = n + 1; continue }
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "0": out.append("\0")
                case "r": out.append("\r")
                default: out.append(e)
                }
                i = n + 1; continue
            }
            out.append(c)
            i += 1
        }
        return (i, String(out))
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { c == "_" || CharacterSet.letters.contains(c) }
    static func isIdentifier(_ c: Unicode.Scalar) -> Bool { c == "_" || CharacterSet.alphanumerics.contains(c) }

    /// Whether the command line writes `pattern` in a language: some ``InputSentence`` (or
    /// typed reason) gives it, whole or after a location (`inputs[0].name: `, `file: `) —
    /// what ``InputErrorText`` and the command's ``CommandLineText`` recognise; or the pattern
    /// is a location before a message computed elsewhere (`\(path): \(message)`), or has no
    /// word at all.
    static func isSaid(_ pattern: String) -> Bool {
        if pattern.firstMatch(of: /[A-Za-z]{3}/) == nil { return true }
        if pattern.wholeMatch(of: /([A-Za-z0-9_.\[\]\/\u{1}-]+: )+\u{1}/) != nil { return true }
        var start = pattern.startIndex
        while true {
            if InputProblem(recognizing: String(pattern[start...])) != nil { return true }
            guard let next = pattern[start...].range(of: ": ") else { return false }
            guard pattern[..<next.lowerBound].wholeMatch(of: /[A-Za-z0-9_.\[\]\/\u{1}-]+(: [A-Za-z0-9_.\[\]\/\u{1}-]+)*/) != nil else { return false }
            start = next.upperBound
        }
    }
}

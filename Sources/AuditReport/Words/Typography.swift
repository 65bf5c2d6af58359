import Foundation

/// How one language sets the spaces around its punctuation, applied once by the renderers
/// (`MarkdownReport`, `HTMLReport`, the charts' text) to every text Vigie writes for people,
/// so no template has to carry the rule.
///
/// French (Imprimerie nationale, *Lexique des règles typographiques*, 2002): a narrow no-break
/// space U+202F before `;`, `:`, `!` and `?`, and inside the guillemets « ». An ordinary or
/// no-break space already there becomes the narrow one; a missing one is added when the sign
/// is used as punctuation — followed by a space, the end of the text or a closing sign — never
/// inside a token such as `04:45`, `https://…` or `?x=1`. English is left as written.
///
/// Code is left as written too: a span between backquotes (a YAML snippet such as
/// `` `protected: column: g` ``, a key, an option, a command line), backquotes included, is
/// copied untouched — a colon in YAML is syntax, not punctuation.
///
/// Data labels (`ReportInline.label`) are shown literally, with one exception: the missing
/// values' group, `unknown` in CSV and JSON (`GroupColumn.unknownLabel`, with ` (missing)`
/// when a category is literally `unknown`), is shown to people in the language's word
/// (`inconnu`, `inconnu (manquant)`), in intersections too (`FR*inconnu`).
public enum Typography {
    /// The narrow no-break space (U+202F).
    public static let narrowNoBreakSpace: Character = "\u{202F}"

    /// `text` with the language's spaces around punctuation. `previous` is the character
    /// just before `text` in the rendered document (nil: the text starts a line or a cell).
    public static func set(_ text: String, language: ReportLanguage, previous: Character? = nil) -> String {
        language == .fr ? french(text, previous: previous) : text
    }

    /// French spacing (see the type's documentation).
    static func french(_ text: String, previous: Character?) -> String {
        let chars = Array(text)
        var out: [Character] = []
        out.reserveCapacity(chars.count + 8)
        var inCode = false
        for (i, c) in chars.enumerated() {
            // A code span (`…`) is copied as it is.
            if c == "`" { inCode.toggle(); out.append(c); continue }
            if inCode { out.append(c); continue }
            let before: Character? = out.last ?? previous
            let after: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case ";", ":", "!", "?":
                if let b = before, b == " " || b == "\u{a0}" {
                    if out.isEmpty { out.append(narrowNoBreakSpace) } else { out[out.count - 1] = narrowNoBreakSpace }
                } else if let b = before, b != narrowNoBreakSpace, isPunctuationUse(c, before: b, after: after) {
                    out.append(narrowNoBreakSpace)
                }
                out.append(c)
            case "«":
                out.append(c)
                if let a = after, a != narrowNoBreakSpace, !(a == " " || a == "\u{a0}") { out.append(narrowNoBreakSpace) }
            case " ", "\u{a0}":
                // The space after « or before » is the narrow one.
                if before == "«" || after == "»" { out.append(narrowNoBreakSpace) } else { out.append(c) }
            case "»":
                if let b = before, b != narrowNoBreakSpace, b != " ", b != "\u{a0}" { out.append(narrowNoBreakSpace) }
                out.append(c)
            default:
                out.append(c)
            }
        }
        return String(out)
    }

    /// Whether `;:!?` between `before` and `after` is punctuation of a sentence (it then takes
    /// its space) rather than part of a token.
    private static func isPunctuationUse(_ c: Character, before: Character, after: Character?) -> Bool {
        if before.isWhitespace || "([{«;:!?/\\'\"".contains(before) { return false }
        guard let a = after else { return true }
        return a.isWhitespace || ")]}».,;:!?".contains(a)
    }

    /// A document with its runs set (``set(_:language:previous:)``): title, subtitle, preamble,
    /// sections, every table cell and caption; the charts' text is set when drawn.
    static func set(_ doc: ReportDocument) -> ReportDocument {
        guard doc.language != .en else { return doc }
        let l = doc.language
        var d = doc
        d.title = set(doc.title, language: l)
        d.subtitle = doc.subtitle.map { set($0, language: l) }
        d.preamble = doc.preamble.map { set($0, language: l) }
        d.sections = doc.sections.map { s in
            var s = s
            s.title = set(s.title, language: l)
            s.blocks = s.blocks.map { set($0, language: l) }
            return s
        }
        d.contents = set(doc.contents, language: l)
        return d
    }

    static func set(_ b: ReportBlock, language l: ReportLanguage) -> ReportBlock {
        switch b {
        case .heading(let level, let runs, let id): return .heading(level, set(runs, language: l), id: id)
        case .paragraph(let runs): return .paragraph(set(runs, language: l))
        case .note(let runs): return .note(set(runs, language: l))
        case .list(let items): return .list(items.map { set($0, language: l) })
        case .numbered(let items): return .numbered(items.map { set($0, language: l) })
        case .table(var t):
            t.caption = set(t.caption, language: l)
            t.header = t.header.map { set($0, language: l) }
            t.rows = t.rows.map { $0.map { set($0, language: l) } }
            return .table(t)
        }
    }

    /// Runs set as one line: the character before each text run is the last one of the runs
    /// before it (a data label counts as a word).
    static func set(_ runs: [ReportInline], language l: ReportLanguage) -> [ReportInline] {
        var previous: Character?
        return set(runs, language: l, previous: &previous)
    }

    private static func set(_ runs: [ReportInline], language l: ReportLanguage, previous: inout Character?) -> [ReportInline] {
        runs.map { run in
            switch run {
            case .text(let s):
                let out = set(s, language: l, previous: previous)
                if let last = out.last { previous = last }
                return .text(out)
            case .label(let s):
                if !s.isEmpty { previous = "x" }
                return .label(missingGroup(s, language: l))
            case .strong(let inner): return .strong(set(inner, language: l, previous: &previous))
            case .span(let inner): return .span(set(inner, language: l, previous: &previous))
            case .status(let id, let text):
                let out = set(text, language: l, previous: previous)
                if let last = out.last { previous = last }
                return .status(id, out)
            case .anchor(let s, let id):
                let out = set(s, language: l, previous: previous)
                if let last = out.last { previous = last }
                return .anchor(out, id: id)
            }
        }
    }

    /// A group label as people read it: the missing values' group in the language's word
    /// (each part of an intersection: `a*b`, or `a × b` once the spec's `labels:` have named
    /// the parts); any other label unchanged.
    static func missingGroup(_ label: String, language: ReportLanguage) -> String {
        guard language != .en, label.contains("unknown") else { return label }
        if label.contains(" × ") {
            return label.components(separatedBy: " × ").map { missingGroup($0, language: language) }.joined(separator: " × ")
        }
        let t = ReportText(language)
        return label.split(separator: "*", omittingEmptySubsequences: false).map { part -> String in
            var rest = Substring(part)
            guard rest.hasPrefix("unknown") else { return String(part) }
            rest = rest.dropFirst("unknown".count)
            var word = t(.groupMissing)
            while rest.hasPrefix(" (missing)") {
                word += " (" + t(.groupMissingAgain) + ")"
                rest = rest.dropFirst(" (missing)".count)
            }
            return rest.isEmpty ? word : String(part)
        }.joined(separator: "*")
    }

    /// Markup (an SVG chart) with the language's spacing in its character data only: tags,
    /// attributes and entity references (`&amp;`) are left as they are.
    static func setMarkup(_ markup: String, language: ReportLanguage) -> String {
        guard language == .fr else { return markup }
        let missingWord = ReportText(language)(.groupMissing)
        var out = ""
        out.reserveCapacity(markup.count + 64)
        var text = ""
        var inTag = false
        var previous: Character?
        func word(_ piece: String) -> String {
            piece.replacingOccurrences(of: "\\bunknown\\b", with: missingWord, options: .regularExpression)
        }
        func flush() {
            guard !text.isEmpty else { return }
            // Entity references pass through unchanged; the text between them is set.
            var piece = ""
            var i = text.startIndex
            while i < text.endIndex {
                if text[i] == "&", let semi = text[i...].firstIndex(of: ";"), text.distance(from: i, to: semi) <= 10 {
                    out += french(word(piece), previous: previous); if let l = piece.last { previous = l }
                    piece = ""
                    out += text[i...semi]
                    previous = "x"
                    i = text.index(after: semi)
                    continue
                }
                piece.append(text[i])
                i = text.index(after: i)
            }
            out += french(word(piece), previous: previous)
            text = ""
        }
        for c in markup {
            if inTag {
                out.append(c)
                if c == ">" { inTag = false; previous = nil }
            } else if c == "<" {
                flush()
                inTag = true
                out.append(c)
            } else {
                text.append(c)
            }
        }
        flush()
        return out
    }
}

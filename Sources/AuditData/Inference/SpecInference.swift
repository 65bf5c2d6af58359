import Foundation

/// Drafts a starter audit spec from a data file's header and a sample of its rows
/// (`vigie init`). The draft is a guess to be reviewed, never a finished audit: every
/// column is listed in comments with what was seen, so the auditor can choose.
public enum SpecInference {
    /// What the sample showed about one column.
    public struct ColumnProfile: Sendable, Equatable {
        public enum Kind: String, Sendable { case binary, numeric, categorical, identifier, empty }
        public let name: String
        public let kind: Kind
        public let distinct: Int
        public let missing: Int
        public let examples: [String]
        /// Numeric only when read with a decimal comma (`3,5`).
        public var decimalComma = false
    }

    /// A draft, and the facts it was drawn from.
    public struct Draft: Sendable {
        public let profiles: [ColumnProfile]
        /// The delimiter found in the header.
        public let delimiter: UInt8
    }

    /// Names that usually hold protected attributes (French and English), by substring.
    static let protectedHints = ["sex", "gender", "genre", "race", "ethni", "origin", "nationalit", "age", "handicap", "disab", "qpv", "religion", "langue", "language", "birth", "naissance"]
    static let labelHints = ["label", "recid", "besoin", "eligib", "outcome", "target", "truth", "actual", "need"]
    static let decisionHints = ["decision", "pred", "yhat", "attribu", "propos", "allocat", "select", "grant", "accord", "flag", "high_risk"]
    /// Values that usually mean "yes" in a two-valued decision or label column.
    static let positiveHints = ["accord", "attribu", "propos", "accept", "grant", "oui", "yes", "eligible", "favorable", "favourable", "retenu", "admis"]
    static let scoreHints = ["score", "cotation", "points", "decile"]
    static let weightHints = ["weight", "poids"]

    /// Profiles the first `sampleRows` rows of every column.
    public static func profile(path: String, dialect: CSVDialect = CSVDialect(), sampleRows: Int = 2000) throws -> [ColumnProfile] {
        try draft(path: path, dialect: dialect, sampleRows: sampleRows).profiles
    }

    /// Profiles the first `sampleRows` rows of every column, noting the delimiter.
    public static func draft(path: String, dialect: CSVDialect = CSVDialect(), sampleRows: Int = 2000) throws -> Draft {
        let reader = try CSVReader(path: path, dialect: dialect)
        var commaNumeric = [Bool](repeating: true, count: reader.header.count)
        let n = reader.header.count
        var distinct = [Set<String>](repeating: [], count: n)
        var missing = [Int](repeating: 0, count: n)
        var numeric = [Bool](repeating: true, count: n)
        var binary = [Bool](repeating: true, count: n)
        var examples = [[String]](repeating: [], count: n)
        var rows = 0
        struct Done: Error {}
        do {
            try reader.forEachRow(selecting: Array(0..<n)) { row in
                guard rows < sampleRows else { throw Done() }
                rows += 1
                for i in 0..<n {
                    if row.isMissing(i) { missing[i] += 1; continue }
                    let text = row.string(i)
                    if distinct[i].count <= 50, distinct[i].insert(text).inserted, examples[i].count < 6 { examples[i].append(text) }
                    if numeric[i], row.double(i) == nil { numeric[i] = false }
                    if commaNumeric[i], !Self.isCommaDecimal(row.bytes(i)) { commaNumeric[i] = false }
                    if binary[i], BinaryValue.standard(row.bytes(i)) == nil { binary[i] = false }
                }
            }
        } catch is Done {}
        let profiles = (0..<n).map { i in
            let kind: ColumnProfile.Kind
            var comma = false
            if missing[i] == rows { kind = .empty }
            else if binary[i] && distinct[i].count <= 2 { kind = .binary }
            else if numeric[i] { kind = .numeric }
            else if commaNumeric[i] { kind = .numeric; comma = true }
            else if distinct[i].count > 50 { kind = .identifier }
            else { kind = .categorical }
            var profile = ColumnProfile(name: reader.header[i], kind: kind, distinct: distinct[i].count, missing: missing[i], examples: examples[i].sorted())
            profile.decimalComma = comma
            return profile
        }
        return Draft(profiles: profiles, delimiter: reader.delimiter)
    }

    /// `-12,5` or `3`: a number written with a decimal comma.
    static func isCommaDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0, commas = 0
        for (i, b) in bytes.enumerated() {
            if b >= 48 && b <= 57 { digits += 1 }
            else if b == UInt8(ascii: ",") { commas += 1 }
            else if b == UInt8(ascii: "-") && i == 0 {}
            else { return false }
        }
        return digits > 0 && commas <= 1
    }

    /// Lower case without accents, for matching column names against hints (`Âge` → `age`).
    static func folded(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// A commented YAML spec drafted from the profiles.
    public static func starterSpec(dataPath: String, profiles: [ColumnProfile], delimiter: UInt8? = nil) -> String {
        func matches(_ name: String, _ hints: [String]) -> Bool {
            let lower = folded(name)
            return hints.contains { lower.contains($0) }
        }
        /// A yes/no column: standard vocabulary, or exactly two values (then the positive one is guessed).
        func twoValued(_ p: ColumnProfile) -> Bool {
            p.kind == .binary || (p.kind == .categorical && p.distinct == 2)
        }
        var seen = Set<String>()
        let usable = profiles.filter { seen.insert($0.name).inserted }
        let label = usable.first { twoValued($0) && matches($0.name, labelHints) }
        let decision = usable.first { twoValued($0) && matches($0.name, decisionHints) && $0.name != label?.name }
        let protected = usable.filter {
            matches($0.name, protectedHints) && ($0.kind == .categorical || $0.kind == .binary || $0.kind == .numeric)
                && $0.name != label?.name && $0.name != decision?.name
        }
        let score = usable.first { $0.kind == .numeric && matches($0.name, scoreHints) }
        let weight = usable.first { $0.kind == .numeric && matches($0.name, weightHints) }
        let decimalComma = usable.contains { $0.decimalComma }
        func binaryBlock(_ key: String, _ p: ColumnProfile) -> String {
            var block = "\(key):\n  column: \(quote(p.name))\n"
            if p.kind == .categorical {
                let guess = p.examples.first { v in positiveHints.contains { folded(v).contains($0) } } ?? p.examples.first ?? ""
                block += "  positive: \(quote(guess))   # CHECK: the value meaning yes; values seen: \(p.examples.map(quote).joined(separator: ", "))\n"
            }
            return block
        }

        var y = "# Vigie audit spec — a draft inferred by `vigie init` from the header and a sample of rows.\n"
        y += "# Review every line: the guesses below are based on column names and values only.\n"
        y += "# Keys: docs/spec.md. Run with: vigie audit --spec THIS_FILE\n"
        y += "version: 1\n"
        y += "data: \(quote(dataPath))   # relative paths are read from this spec's folder\n"
        if delimiter == UInt8(ascii: ";") || delimiter == UInt8(ascii: "\t") || decimalComma {
            y += "csv:\n"
            if delimiter == UInt8(ascii: ";") { y += "  delimiter: \";\"\n" }
            if delimiter == UInt8(ascii: "\t") { y += "  delimiter: tab\n" }
            if decimalComma { y += "  decimal: \",\"   # numbers like 3,5 were found\n" }
        }
        y += "protected:\n"
        if protected.isEmpty { y += "  []   # no column looked like a protected attribute: name them here\n" }
        for p in protected {
            y += "  - column: \(quote(p.name))\n"
            if p.kind == .numeric {
                if folded(p.name).contains("age") { y += "    bands: [18, 26, 36, 51, 66]\n" } else { y += "    quantiles: 4\n" }
            }
            if p.kind == .numeric {
                y += "    reference: largest\n"
            } else {
                y += "    reference: largest   # or a group: \(p.examples.prefix(3).map(quote).joined(separator: ", "))\n"
            }
        }
        if let label { y += binaryBlock("label", label) } else { y += "# label:            # the ground truth (need confirmed, reoffended…), if known\n#   column: ...\n" }
        if let decision { y += binaryBlock("decision", decision) } else { y += "# decision:         # the system's decision; for a numeric score add 'threshold: X'\n#   column: ...\n" }
        y += score.map { "score: \(quote($0.name))\n" } ?? ""
        y += weight.map { "weight: \(quote($0.name))\n" } ?? ""
        y += "intersections: 2\nimpact_ratio_threshold: 0.8\nmin_group_size: 30\ndecision_is: favourable   # or unfavourable (e.g. flagged high risk)\n"
        y += "#\n# Columns seen (kind, distinct values in the sample, missing, examples):\n"
        for p in profiles {
            y += "#   \(quote(p.name)): \(p.kind.rawValue), \(p.distinct > 50 ? "> 50" : String(p.distinct)) distinct, \(p.missing) missing"
            if !p.examples.isEmpty && p.kind != .identifier { y += " — " + p.examples.prefix(4).map(quote).joined(separator: ", ") }
            y += "\n"
        }
        return y
    }

    /// Every text from the data (names, values, the data path) is written as a double-quoted
    /// scalar with every line break and control escaped (``YAMLQuoted``), in values and in
    /// comments alike: nothing read from the file can add a key or end a comment early.
    static func quote(_ s: String) -> String { YAMLQuoted.scalar(s) }
}

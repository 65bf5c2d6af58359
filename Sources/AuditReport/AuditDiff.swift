import Foundation

/// `vigie diff OLD NEW`: how the disparities of one audit changed in another (last year's
/// and this year's).
///
/// Findings (`findings.csv`) are matched by (attribute, group, reference, metric, kind). The
/// size of a gap is its distance from parity: `|value|` for a difference, `|ln value|` for a
/// ratio (so 0.5 and 2 are equally far from 1). A matched finding *grew* or *shrank* when its
/// gap changed by more than the threshold; it *appeared* or *vanished* when only one audit has
/// it; it *became undefined* or *became defined* when its value is missing on one side; a
/// verdict change is reported on every row (and alone, as `verdict`, when the gap did not move).
public enum AuditDiff {
    /// One finding of `findings.csv`.
    public struct Finding: Equatable, Sendable {
        public var attribute, group, reference, metric, kind: String
        public var value: Double?
        public var verdict: String

        var key: Key { Key(attribute: attribute, group: group, reference: reference, metric: metric, kind: kind) }

        /// Distance from parity, or `nil` when undefined.
        var gap: Double? {
            guard let value else { return nil }
            return kind == "ratio" ? abs(log(value)) : abs(value)
        }
    }

    public struct Key: Hashable, Comparable, Sendable {
        public var attribute, group, reference, metric, kind: String
        var fields: [String] { [attribute, group, reference, metric, kind] }
        public static func < (a: Key, b: Key) -> Bool { a.fields.lexicographicallyPrecedes(b.fields) }
    }

    public enum Change: String, CaseIterable, Sendable {
        case appeared, vanished, grew, shrank
        case becameUndefined = "became_undefined"
        case becameDefined = "became_defined"
        case verdict
    }

    /// One changed finding.
    public struct Row: Sendable {
        public var change: Change
        public var key: Key
        public var old: Finding?
        public var new: Finding?
        /// New gap − old gap, when both are defined.
        public var gapChange: Double? {
            guard let a = old?.gap, let b = new?.gap else { return nil }
            if a.isInfinite && b.isInfinite { return 0 }
            return b - a
        }
        public var verdictChanged: Bool { old != nil && new != nil && old!.verdict != new!.verdict }
    }

    /// What one audit folder says about itself (from `report.json`).
    public struct Audit: Sendable {
        public var folder: String
        public var dataFile: String
        public var rows: Int?
        public var vigieVersion: String
        public var findings: [Finding]
    }

    public struct Result: Sendable {
        public var old: Audit
        public var new: Audit
        public var threshold: Double
        public var rows: [Row]
        public var unchanged: Int

        public func count(_ change: Change) -> Int { rows.filter { $0.change == change }.count }
        public var verdictChanges: Int { rows.filter(\.verdictChanged).count }
    }

    /// Reads an audit folder: `findings.csv` (required) and `report.json` (for the labels).
    public static func read(folder: String) throws -> Audit {
        let base = URL(fileURLWithPath: folder)
        guard let csv = FileManager.default.contents(atPath: base.appendingPathComponent("findings.csv").path) else {
            throw ManifestError(message: "no findings.csv in '\(folder)': give a folder written by vigie audit")
        }
        let table = parseCSV(String(decoding: csv, as: UTF8.self))
        guard let header = table.first else { throw ManifestError(message: "\(folder)/findings.csv is empty") }
        func column(_ name: String) throws -> Int {
            guard let i = header.firstIndex(of: name) else { throw ManifestError(message: "\(folder)/findings.csv has no '\(name)' column") }
            return i
        }
        let c = try ["attribute", "group", "reference", "metric", "kind", "value", "verdict"].map(column)
        var findings: [Finding] = []
        for (n, fields) in table.dropFirst().enumerated() where !(fields.count == 1 && fields[0].isEmpty) {
            guard fields.count == header.count else {
                throw ManifestError(message: "\(folder)/findings.csv:\(n + 2): expected \(header.count) fields, found \(fields.count)")
            }
            findings.append(Finding(
                attribute: fields[c[0]], group: fields[c[1]], reference: fields[c[2]], metric: fields[c[3]], kind: fields[c[4]],
                value: Double(fields[c[5]]), verdict: fields[c[6]]
            ))
        }
        var audit = Audit(folder: folder, dataFile: "?", rows: nil, vigieVersion: "?", findings: findings)
        if let json = FileManager.default.contents(atPath: base.appendingPathComponent("report.json").path),
           let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] {
            if let input = object["input"] as? [String: Any] {
                audit.dataFile = input["data_file"] as? String ?? "?"
                audit.rows = (input["rows"] as? NSNumber)?.intValue
            }
            if let generator = object["generator"] as? [String: Any] { audit.vigieVersion = generator["version"] as? String ?? "?" }
        }
        return audit
    }

    /// Compares two audits.
    public static func compare(old: Audit, new: Audit, threshold: Double) throws -> Result {
        func index(_ audit: Audit) throws -> [Key: Finding] {
            var out: [Key: Finding] = [:]
            for f in audit.findings {
                guard out.updateValue(f, forKey: f.key) == nil else {
                    throw ManifestError(message: "\(audit.folder)/findings.csv lists \(f.key.fields.joined(separator: " / ")) twice")
                }
            }
            return out
        }
        let a = try index(old), b = try index(new)
        var rows: [Row] = []
        var unchanged = 0
        for key in Set(a.keys).union(b.keys).sorted() {
            let x = a[key], y = b[key]
            var row = Row(change: .verdict, key: key, old: x, new: y)
            switch (x, y) {
            case (nil, _): row.change = .appeared
            case (_, nil): row.change = .vanished
            case let (x?, y?):
                switch (x.gap, y.gap) {
                case (nil, nil): break
                case (_?, nil): row.change = .becameUndefined
                case (nil, _?): row.change = .becameDefined
                case (_?, _?):
                    let d = row.gapChange!
                    if d > threshold { row.change = .grew } else if d < -threshold { row.change = .shrank }
                }
                if row.change == .verdict && !row.verdictChanged {
                    unchanged += 1
                    continue
                }
            }
            rows.append(row)
        }
        // Order: by kind of change, then findings with a `disparity` verdict on either side,
        // then the largest moves first, then by key.
        let order = Dictionary(uniqueKeysWithValues: Change.allCases.enumerated().map { ($1, $0) })
        func flagged(_ r: Row) -> Bool { r.old?.verdict == "disparity" || r.new?.verdict == "disparity" }
        rows.sort { p, q in
            if p.change != q.change { return order[p.change]! < order[q.change]! }
            if flagged(p) != flagged(q) { return flagged(p) }
            let dp = abs(p.gapChange ?? 0), dq = abs(q.gapChange ?? 0)
            if dp != dq { return dp > dq }
            return p.key < q.key
        }
        return Result(old: old, new: new, threshold: threshold, rows: rows, unchanged: unchanged)
    }

    // MARK: Rendering

    public static let csvHeader = [
        "change", "attribute", "group", "reference", "metric", "kind",
        "old_value", "new_value", "old_gap", "new_gap", "gap_change", "old_verdict", "new_verdict",
    ]

    /// `diff.csv`: one row per changed finding.
    public static func csv(_ r: Result) -> String {
        func number(_ x: Double?) -> String { x.map { $0.isFinite ? NumberFormat.exact($0) : ($0 > 0 ? "inf" : "-inf") } ?? "" }
        var out = csvHeader.joined(separator: ",") + "\n"
        for row in r.rows {
            let k = row.key
            let fields = [
                row.change.rawValue, k.attribute, k.group, k.reference, k.metric, k.kind,
                number(row.old?.value), number(row.new?.value), number(row.old?.gap), number(row.new?.gap), number(row.gapChange),
                row.old?.verdict ?? "", row.new?.verdict ?? "",
            ]
            out += fields.map(MetricsCSV.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The counts, in one line.
    public static func summary(_ r: Result) -> String {
        "\(r.count(.appeared)) appeared, \(r.count(.vanished)) vanished, \(r.count(.grew)) grew, \(r.count(.shrank)) shrank, "
            + "\(r.count(.becameUndefined) + r.count(.becameDefined)) became undefined or defined, \(r.verdictChanges) verdict change\(r.verdictChanges == 1 ? "" : "s"); "
            + "\(r.unchanged) unchanged (threshold \(NumberFormat.exact(r.threshold)))."
            + (r.old.findings.isEmpty && r.new.findings.isEmpty ? " Neither audit has findings to compare (an allocation-only audit?): allocation figures are not compared." : "")
    }

    /// `diff.md`: the summary, then a table per kind of change.
    public static func markdown(_ r: Result) -> String {
        // A ratio of 0 is infinitely far from parity (|ln 0|): its gap changes are ±∞.
        func fixed(_ x: Double) -> String { x.isFinite ? NumberFormat.fixed(x, digits: 4) : (x > 0 ? "∞" : "−∞") }
        func value(_ x: Double?) -> String { x.map(fixed) ?? "undefined" }
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        func audit(_ a: Audit) -> String {
            "`\(cell(a.folder))` (data `\(cell(a.dataFile))`\(a.rows.map { ", \($0) rows" } ?? ""), Vigie \(a.vigieVersion), \(a.findings.count) findings)"
        }
        var out = "# Vigie audit diff\n\n"
        out += "- old: \(audit(r.old))\n- new: \(audit(r.new))\n\n"
        out += "Findings are matched by attribute, group, reference, metric and kind. A gap is the distance "
        out += "from parity: |difference|, or |ln ratio|; it grew or shrank when it moved by more than "
        out += "\(NumberFormat.exact(r.threshold)).\n\n"
        out += "**\(summary(r))**\n"
        out += "\nOnly findings (group disparities with verdicts) are compared; allocation and inequality figures are not.\n"
        let titles: [(Change, String)] = [
            (.appeared, "Appeared"), (.vanished, "Vanished"), (.grew, "Grew"), (.shrank, "Shrank"),
            (.becameUndefined, "Became undefined"), (.becameDefined, "Became defined"), (.verdict, "Verdict changed, gap within the threshold"),
        ]
        for (change, title) in titles {
            let rows = r.rows.filter { $0.change == change }
            guard !rows.isEmpty else { continue }
            out += "\n## \(title) (\(rows.count))\n\n"
            out += "| attribute | group | reference | metric | kind | old | new | gap change | verdict |\n"
            out += "|---|---|---|---|---|---:|---:|---:|---|\n"
            for row in rows {
                let k = row.key
                let verdict: String
                switch (row.old?.verdict, row.new?.verdict) {
                case let (a?, b?) where a != b: verdict = "\(a) → \(b)"
                case let (a?, _): verdict = a
                case let (nil, b?): verdict = b
                default: verdict = ""
                }
                let old = row.old == nil ? "—" : value(row.old?.value)
                let new = row.new == nil ? "—" : value(row.new?.value)
                let change = row.gapChange.map { ($0 > 0 ? "+" : "") + fixed($0) } ?? ""
                out += "| \([k.attribute, k.group, k.reference, k.metric, k.kind].map(cell).joined(separator: " | ")) | \(old) | \(new) | \(change) | \(cell(verdict)) |\n"
            }
        }
        return out
    }

    /// Compares two folders and writes `diff.md` and `diff.csv` into `out`, atomically.
    @discardableResult
    public static func run(old: String, new: String, threshold: Double, out: String) throws -> Result {
        let result = try compare(old: read(folder: old), new: read(folder: new), threshold: threshold)
        try ReportWriter.write([("diff.md", Data(markdown(result).utf8)), ("diff.csv", Data(csv(result).utf8))], to: out)
        return result
    }

    /// RFC 4180 records (quoted fields may hold commas, doubled quotes and newlines).
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

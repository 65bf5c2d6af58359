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

        package init(attribute: String, group: String, reference: String, metric: String, kind: String, value: Double?, verdict: String) {
            (self.attribute, self.group, self.reference, self.metric, self.kind) = (attribute, group, reference, metric, kind)
            (self.value, self.verdict) = (value, verdict)
        }

        package var key: Key { Key(attribute: attribute, group: group, reference: reference, metric: metric, kind: kind) }

        /// Distance from parity, or `nil` when undefined.
        public var gap: Double? {
            guard let value else { return nil }
            return kind == "ratio" ? abs(log(value)) : abs(value)
        }
    }

    public struct Key: Hashable, Comparable, Sendable {
        public var attribute, group, reference, metric, kind: String
        package var fields: [String] { [attribute, group, reference, metric, kind] }
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

        package init(folder: String, dataFile: String, rows: Int?, vigieVersion: String, findings: [Finding]) {
            (self.folder, self.dataFile, self.rows, self.vigieVersion, self.findings) = (folder, dataFile, rows, vigieVersion, findings)
        }
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

    /// Compares two audits.
    public static func compare(old: Audit, new: Audit, threshold: Double) throws -> Result {
        func index(_ audit: Audit) throws -> [Key: Finding] {
            var out: [Key: Finding] = [:]
            for f in audit.findings {
                guard out.updateValue(f, forKey: f.key) == nil else {
                    throw AuditDiff.Failure(message: "\(audit.folder)/findings.csv lists \(f.key.fields.joined(separator: " / ")) twice")
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

    /// Two audits could not be compared (a finding listed twice).
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }
}

/// Reads one protected attribute during the load: values coded as they come (categories)
/// or kept as numbers (bands, quantile bins), turned into groups after the pass.
struct GroupBuilder {
    let name: String
    let slot: Int
    let binning: Binning
    let mapping: [String: String]
    let limits: GroupLimits
    /// Categories: the values as they come.
    private var values: CategoryBuilder
    /// Bands and quantiles: the numbers, NaN for a missing value, coded while they take
    /// few distinct values (an age: about 100; `NumberChunks`).
    private var numbers = NumberChunks()

    init(name: String, slot: Int, binning: Binning, mapping: [String: String], limits: GroupLimits = GroupLimits()) {
        self.name = name
        self.slot = slot
        self.binning = binning
        self.mapping = mapping
        self.limits = limits
        self.values = CategoryBuilder(name: name, slot: slot)
    }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        if binning == .none {
            let known = values.distinctCount
            try values.read(row)
            if values.distinctCount > known { try checkNewGroup(row) }
        } else if row.isMissing(slot) {
            numbers.append(.nan)
        } else if let value = row.double(slot), value.isFinite {
            numbers.append(value)
        } else {
            throw row.error(slot, "expected a number to band protected attribute '\(name)', found '\(row.string(slot))'")
        }
    }

    /// Appends the rows `other` read (the segment that follows, read by another thread).
    mutating func append(_ other: GroupBuilder) {
        values.append(other.values)
        numbers.append(other.numbers)
    }

    /// Whether the values read exceed the number of groups allowed: segments read apart
    /// each check their own values; the whole file's are checked once merged.
    var exceedsGroupLimit: Bool { binning == .none && values.distinctCount > limits.maxGroups }

    /// A value met for the first time must keep the attribute within its limits
    /// (``GroupLimits``): a label no longer than allowed, no more groups than allowed.
    private func checkNewGroup(_ row: CSVRow) throws(CSVError) {
        // The label is the mapped one when the spec maps the value.
        let length = mapping.isEmpty ? row.bytes(slot).count : (mapping[row.string(slot)] ?? row.string(slot)).utf8.count
        if length > limits.longestLabel {
            throw row.error(slot, "a value of \(length) bytes in protected attribute '\(name)', longer than the \(limits.longestLabel) bytes a group label may hold: a protected attribute names groups of people (is '\(name)' a free-text column?); band a numeric column ('--protected \(name):18,26,36') or map each long value onto a short label ('mapping:' in the spec)")
        }
        if values.distinctCount > limits.maxGroups {
            throw row.error(slot, "protected attribute '\(name)' has more than \(limits.maxGroups) distinct values (the first beyond is here): a protected attribute defines groups, not individuals (is '\(name)' an identifier?); " + GroupLimits.advice(name))
        }
    }

    /// The groups, and a warning when tied quantiles merged bins. The builder's chunks are released.
    mutating func column() -> (GroupColumn, DataWarning?) {
        binning == .none ? categorical() : band()
    }

    /// Applies the value mapping, sorts groups by label (`LabelOrder`) and puts `unknown` last.
    ///
    /// Missing values form the group `unknown`. A value that is literally `unknown` (as read
    /// or after the mapping) is a category of its own, never merged with the missing values:
    /// when both occur, the missing values' group is named `unknown (missing)` (with more
    /// ` (missing)` if that too is a value); either way a warning says so.
    mutating func categorical() -> (GroupColumn, DataWarning?) {
        // The values in order of first appearance, mapped; a missing value is none of them.
        let literal = values.levels.map { mapping[$0] ?? $0 }
        let hasUnknown = values.hasMissing
        var missingLabel = GroupColumn.unknownLabel
        let literalUnknown = literal.contains(missingLabel)
        if hasUnknown, literalUnknown { missingLabel = GroupOrder.missingLabel(avoiding: literal) }
        // Numeric labels (deciles, codes) in numeric order; others in `LabelOrder` (bands by
        // their lower bound, then words in French dictionary order): `GroupOrder`.
        var labels = GroupOrder.sorted(Array(Set(literal)))
        if hasUnknown { labels.append(missingLabel) }
        var position: [String: UInt32] = [:]
        for (i, label) in labels.enumerated() { position[label] = UInt32(i) }
        // Each value's group, and the missing values' (`missingLabel`, last): the codes are
        // written once, from the builder's chunks.
        let remap = literal.map { position[$0] ?? 0 }
        let missingCode = UInt32(max(labels.count - 1, 0))
        let codes = remap.withUnsafeBufferPointer { remap in
            values.takeCodes(groupCount: labels.count, missing: missingCode) { remap[Int($0)] }
        }
        var warning: DataWarning?
        if !hasUnknown, literalUnknown {
            warning = .unknownIsCategory(attribute: name)
        } else if hasUnknown, literalUnknown {
            let literalCode = position[GroupColumn.unknownLabel]!
            let literalRows = codes.reduce(0) { $0 + ($1 == literalCode ? 1 : 0) }
            let missingRows = codes.reduce(0) { $0 + ($1 == missingCode ? 1 : 0) }
            warning = .unknownAndMissing(attribute: name, literalRows: literalRows, missingRows: missingRows, missingLabel: missingLabel)
        }
        return (GroupColumn(attribute: name, codes: codes, groups: labels, unknownCode: hasUnknown ? missingCode : nil), warning)
    }

    /// Bands a numeric column by fixed edges or by quantiles computed from its non-missing values.
    mutating func band() -> (GroupColumn, DataWarning?) {
        let values = numbers.takeColumn()
        var warning: DataWarning?
        var edges: [Double]
        var labels: [String]
        // `rightClosed`: quantile bins are (a, b] as pandas.qcut; bands are [a, b).
        let rightClosed: Bool
        switch binning {
        case .bands(let cuts):
            edges = cuts
            rightClosed = false
            labels = ["<\(Self.format(cuts[0]))"]
            for (a, b) in zip(cuts, cuts.dropFirst()) { labels.append("[\(Self.format(a)),\(Self.format(b)))") }
            labels.append(">=\(Self.format(cuts[cuts.count - 1]))")
        case .quantiles(let k):
            rightClosed = true
            let sorted = values.filter { !$0.isNaN }.sorted()
            edges = []
            if !sorted.isEmpty {
                for i in 1..<k {
                    let q = Quantile.type7(sorted, Double(i) / Double(k))
                    if edges.last != q { edges.append(q) }
                }
                if let last = edges.last, last >= sorted[sorted.count - 1] { edges.removeLast() }
            }
            if edges.count != k - 1 {
                warning = .tiedQuantiles(attribute: name, groups: edges.count + 1, asked: k)
            }
            labels = (1...(edges.count + 1)).map { "Q\($0)" }
        case .none:
            preconditionFailure("band() is only called for banded attributes")
        }
        let hasMissing = values.contains { $0.isNaN }
        if hasMissing { labels.append(GroupColumn.unknownLabel) }
        let unknownCode = hasMissing ? UInt32(labels.count - 1) : nil
        // Written once at the width of `labels.count` groups (`GroupCodes`).
        let codes = GroupCodes(values, groupCount: labels.count) { v in
            if v.isNaN { return unknownCode! }
            // Binary search for the number of edges below (or at) v.
            var lo = 0, hi = edges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if rightClosed ? (edges[mid] < v) : (edges[mid] <= v) { lo = mid + 1 } else { hi = mid }
            }
            return UInt32(lo)
        }
        return (GroupColumn(attribute: name, codes: codes, groups: labels, unknownCode: unknownCode, binning: binning, cutPoints: edges), warning)
    }

    /// `18.0` → `18`, `2.5` → `2.5`: edges printed as an auditor wrote them.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}

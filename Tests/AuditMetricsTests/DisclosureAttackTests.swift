import AuditData
import AuditMetrics
import TestSupport
import Testing

/// An attacker who reads every number an audit publishes — counts, rates with their `n`,
/// impact ratios — tries to recover a hidden cell's sub-counts (its selections, label
/// positives, TP, FP…). Written from the outputs' definitions, independently of
/// `SuppressionPlan`: on random small audits with small cells, no hidden sub-count is
/// published, none is determined by the published totals, none is pinned by a remainder of
/// 0 (a 0 % or 100 % rate), and no impact ratio gives away a hidden group's rate.
@Suite struct DisclosureAttackTests {
    /// A random audit of three attributes (2–4 groups each, skewed so that small cells
    /// occur), a label and a decision, with all pairwise intersections.
    static func audit(seed: UInt64) throws -> AuditResult {
        var rng = SplitMix64(state: seed)
        let radices = [2 + rng.int(3), 2 + rng.int(3), 2 + rng.int(2)]
        let names = ["a", "b", "c"]
        let rows = 120 + rng.int(300)
        let weights = radices.map { r in (0..<r).map { _ in Double(1 + rng.int(20)) } }
        var codes = radices.map { _ in [UInt32]() }
        var label: [UInt8] = [], decision: [UInt8] = []
        for _ in 0..<rows {
            var p = 0.2
            for (k, w) in weights.enumerated() {
                var u = rng.uniform() * w.reduce(0, +)
                var pick = w.count - 1
                for (i, x) in w.enumerated() { if u < x { pick = i; break }; u -= x }
                codes[k].append(UInt32(pick))
                p += 0.15 * Double(pick) / Double(w.count)
            }
            label.append(rng.uniform() < p ? 1 : 0)
            decision.append(rng.uniform() < p + (label.last == 1 ? 0.3 : 0) ? 1 : 0)
        }
        let columns = names.indices.map { k in
            GroupColumn(attribute: names[k], codes: codes[k], groups: (0..<radices[k]).map { "\(names[k])\($0)" }, unknownCode: nil)
        }
        let store = ColumnStore(rowCount: rows, attributes: columns, label: label, decision: decision, score: nil, weight: nil,
                                source: DataSource(path: "synthetic.csv", delimiter: ",", headerColumns: 5))
        let data = DataSpec(path: "synthetic.csv", protected: names.map { ProtectedAttributeSpec(column: $0) },
                            label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d"))
        let result = try Audit.run(store: store, data: data, analysis: AnalysisSpec(minGroupSize: 20))
        return DisclosureControl.apply(to: result, minimumCellSize: 10)
    }

    /// What the attacker knows of one cell: its rows, and each sub-count it can read back
    /// from a published rate and its `n` (nil when the rate is withheld or undefined).
    struct Known {
        var rows: Int
        var counts: [String: Int] = [:]
        var hidden: Bool
    }

    /// The sub-counts a published rate gives: `rate × n` for its numerator, `n − rate × n`
    /// for the complement (`n` = its denominator, as `docs/metrics.md` defines it).
    static let numerators: [String: (numerator: String, complement: String)] = [
        "selection_rate": ("selected", "not_selected"), "base_rate": ("positives", "negatives"),
        "tpr": ("tp", "fn"), "fpr": ("fp", "tn"),
    ]

    static func read(_ group: GroupResult) -> Known {
        var known = Known(rows: group.statistics.count, hidden: group[MetricID(.selectionRate)]?.isSuppressed ?? false)
        for entry in group.metrics {
            guard let (num, comp) = numerators[entry.name], let v = entry.value.value else { continue }
            let x = Int((v * Double(entry.n)).rounded())
            known.counts[num] = x
            known.counts[comp] = entry.n - x
        }
        return known
    }

    @Test func noHiddenSubCountIsRecoverable() throws {
        var hiddenCells = 0
        var publishedRatios = 0, withheldRatios = 0
        for seed in UInt64(1)...40 {
            let result = try Self.audit(seed: seed)
            // Cells by "attribute|label"; the whole population is "overall|all".
            var cells: [String: Known] = ["overall|all": Self.read(result.overall)]
            for a in result.attributes { for g in a.groups where g.statistics.count > 0 { cells["\(a.name)|\(g.label)"] = Self.read(g) } }
            // 1. A hidden cell publishes no sub-count: every withheld value's n is the group's rows.
            for a in result.attributes {
                for g in a.groups where g.statistics.count > 0 {
                    for e in g.metrics + g.disparities where e.value.isSuppressed {
                        #expect(e.n == g.statistics.count, "seed \(seed): \(a.name)|\(g.label) \(e.name) n = \(e.n)")
                    }
                }
                for e in a.aggregates where e.value.isSuppressed {
                    #expect(e.n == a.groups.reduce(0) { $0 + $1.statistics.count }, "seed \(seed): \(a.name) \(e.name) n = \(e.n)")
                }
            }
            // 2. The equations, rebuilt from the labels: a single attribute's groups add up to
            // the whole population; an intersection's cells sharing all components but one add
            // up to the cell of the smaller table.
            var equations: [(total: String, members: [String])] = []
            for a in result.attributes {
                let present = a.groups.filter { $0.statistics.count > 0 }.map { "\(a.name)|\($0.label)" }
                if a.components.count == 1 { equations.append(("overall|all", present)); continue }
                for j in a.components.indices {
                    var lines: [String: [String]] = [:]
                    for g in a.groups where g.statistics.count > 0 {
                        var parts = g.label.split(separator: "*").map(String.init)
                        parts.remove(at: j)
                        var comps = a.components
                        comps.remove(at: j)
                        lines["\(comps.joined(separator: "*"))|\(parts.joined(separator: "*"))", default: []].append("\(a.name)|\(g.label)")
                    }
                    for (total, members) in lines { equations.append((total, members)) }
                }
            }
            let hidden = cells.filter { $0.value.hidden }.keys.sorted()
            hiddenCells += hidden.count
            let column = Dictionary(uniqueKeysWithValues: hidden.enumerated().map { ($0.element, $0.offset) })
            // 3. Linear recovery: a hidden cell is determined iff its unit vector lies in the
            // row space of the equations restricted to hidden cells (the same for every sub-count).
            var rows: [[Double]] = []
            for (total, members) in equations {
                var row = [Double](repeating: 0, count: hidden.count)
                if let c = column[total] { row[c] += 1 }
                for m in members { if let c = column[m] { row[c] -= 1 } }
                if row.contains(where: { $0 != 0 }) { rows.append(row) }
            }
            for (cell, c) in column {
                var e = [Double](repeating: 0, count: hidden.count)
                e[c] = 1
                #expect(Self.rank(rows + [e]) > Self.rank(rows), "seed \(seed): \(cell) is determined by the published totals")
            }
            // 4. Attribute disclosure: a published total whose published members leave a
            // remainder of 0 for a sub-count pins that sub-count at 0 in every hidden member.
            for (total, members) in equations {
                guard let t = cells[total], !t.hidden else { continue }
                let hiddenMembers = members.filter { cells[$0]?.hidden == true }
                guard !hiddenMembers.isEmpty else { continue }
                for (name, value) in t.counts {
                    let remainder = members.filter { cells[$0]?.hidden == false }.reduce(value) { $0 - (cells[$1]?.counts[name] ?? 0) }
                    #expect(remainder != 0, "seed \(seed): \(name) of \(hiddenMembers) pinned at 0 by \(total)")
                }
            }
            // 5. Impact ratios: the rate they divide by is a published group's rate, and no
            // published ratio belongs to a group whose rate is hidden (rate = ratio × highest).
            for a in result.attributes {
                let rates = a.groups.compactMap { $0[MetricID(.selectionRate)]?.value }
                for g in a.groups {
                    if g.impactRatio?.value != nil { publishedRatios += 1 }
                    if g.impactRatio?.isSuppressed == true { withheldRatios += 1 }
                    guard let ratio = g.impactRatio?.value else { continue }
                    guard let rate = g[MetricID(.selectionRate)]?.value else {
                        Issue.record("seed \(seed): \(a.name)|\(g.label) publishes an impact ratio without its rate"); continue
                    }
                    guard ratio > 0 else { continue }
                    let highest = rate / ratio
                    #expect(rates.contains { abs($0 - highest) < 1e-9 }, "seed \(seed): \(a.name)|\(g.label) impact ratio divides by an unpublished rate")
                }
            }
        }
        #expect(hiddenCells > 40, "the random audits exercise suppression")
        // Ratios are withheld only where their denominator is hidden: most stay published.
        #expect(publishedRatios > withheldRatios, "published \(publishedRatios), withheld \(withheldRatios)")
    }

    /// Rank by Gaussian elimination with partial pivoting (entries are small integers).
    static func rank(_ matrix: [[Double]]) -> Int {
        var m = matrix
        var r = 0
        let columns = m.first?.count ?? 0
        for c in 0..<columns where r < m.count {
            guard let p = (r..<m.count).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[p][c]) > 1e-9 else { continue }
            m.swapAt(r, p)
            for i in 0..<m.count where i != r {
                let f = m[i][c] / m[r][c]
                if f != 0 { for j in c..<columns { m[i][j] -= f * m[r][j] } }
            }
            r += 1
        }
        return r
    }
}

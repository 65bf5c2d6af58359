import TestSupport
import AuditMetrics
import Testing

/// Disclosure control: which cells are suppressed, checked by hand on small tables and, on
/// random tables, by an independent linear-algebra attack that tries to recover each
/// hidden cell from the published ones.
@Suite struct DisclosureControlTests {
    typealias Table = SuppressionPlan.Table

    @Test func singleAttributeHidesTheNextSmallestGroup() {
        // Group 1 (5 rows) is primary; alone it would be overall − (100 + 50 + 20): the
        // smallest other non-empty group (3, 20 rows) is hidden with it. Group 4 is empty.
        let plan = SuppressionPlan(tables: [Table(name: "a", components: ["a"], counts: [100, 5, 50, 20, 0])], overallCount: 175, minimumCellSize: 10)
        #expect(plan.suppressed.count == 2)
        #expect(plan.suppressed[.init(table: 0, group: 1)] == .primary)
        #expect(plan.suppressed[.init(table: 0, group: 3)] == .complementary)
        #expect(!plan.isSuppressed(table: 0, group: 4))
    }

    @Test func noSmallCellNothingHidden() {
        let plan = SuppressionPlan(tables: [Table(name: "a", components: ["a"], counts: [10, 11, 0])], overallCount: 21, minimumCellSize: 10)
        #expect(plan.suppressed.isEmpty)
        let off = SuppressionPlan(tables: [Table(name: "a", components: ["a"], counts: [1, 2])], overallCount: 3, minimumCellSize: 0)
        #expect(off.suppressed.isEmpty)
    }

    /// A 2 × 3 intersection by hand. Counts (rows a, columns b):
    ///     b0  b1  b2 | a
    /// a0  40   3  30 | 73
    /// a1  20  25  12 | 57
    /// b   60  28  42 | 130
    /// (a0,b1) = 3 is primary. Its row a0 needs another hidden cell: (a0,b2) = 30 (smaller
    /// than 40). Its column b1 needs one: (a1,b1) = 25 is the only other. Column b2 now has
    /// (a0,b2) hidden alone: (a1,b2) = 12 is hidden. Row a1 holds (a1,b1) and (a1,b2): done.
    /// No single-attribute cell is small, and every line has 0 or 2 hidden cells.
    @Test func twoWayTableByHand() {
        let tables = [
            Table(name: "a", components: ["a"], counts: [73, 57]),
            Table(name: "b", components: ["b"], counts: [60, 28, 42]),
            Table(name: "a*b", components: ["a", "b"], counts: [40, 3, 30, 20, 25, 12]),
        ]
        let plan = SuppressionPlan(tables: tables, overallCount: 130, minimumCellSize: 10)
        let hidden = plan.suppressed.keys.sorted().map { ($0.table, $0.group) }
        #expect(hidden.map(\.0) == [2, 2, 2, 2])
        #expect(hidden.map(\.1) == [1, 2, 4, 5])
        #expect(plan.suppressed[.init(table: 2, group: 1)] == .primary)
        #expect(attack(tables: tables, overall: 130, plan: plan).isEmpty)
    }

    /// Random 3-attribute audits with all pairwise (and, one time in three, the 3-way)
    /// intersections: every small cell is hidden and no hidden cell can be recovered by any
    /// linear combination of the published totals (the line rule alone does not guarantee
    /// this; the plan's exact check must).
    @Test func randomTablesLeaveNoHiddenCellRecoverable() {
        var rng = SplitMix64(state: 2024)
        var checked = 0
        for trial in 0..<200 {
            let radices = [2 + Int(rng.next() % 4), 2 + Int(rng.next() % 5), 2 + Int(rng.next() % 3)]
            let three = trial % 3 == 0
            let names = ["a", "b", "c"]
            let rows = 80 + Int(rng.next() % 400)
            // Skewed group probabilities so that small cells occur.
            let weights = radices.map { r in (0..<r).map { _ in Double(1 + rng.next() % 20) } }
            var codes: [[Int]] = []
            for _ in 0..<rows {
                codes.append(weights.map { w in
                    var u = Double(rng.next() % 1_000_000) / 1_000_000 * w.reduce(0, +)
                    for (i, x) in w.enumerated() { if u < x { return i }; u -= x }
                    return w.count - 1
                })
            }
            var components: [[Int]] = [[0], [1], [2], [0, 1], [0, 2], [1, 2]]
            if three { components.append([0, 1, 2]) }
            let tables = components.map { comp -> Table in
                var counts = [Int](repeating: 0, count: comp.map { radices[$0] }.reduce(1, *))
                for row in codes {
                    var code = 0
                    for c in comp { code = code * radices[c] + row[c] }
                    counts[code] += 1
                }
                return Table(name: comp.map { names[$0] }.joined(separator: "*"), components: comp.map { names[$0] }, counts: counts)
            }
            let plan = SuppressionPlan(tables: tables, overallCount: rows, minimumCellSize: 10)
            // Every small non-empty cell is hidden.
            for (t, table) in tables.enumerated() {
                for (g, n) in table.counts.enumerated() where n > 0 && n < 10 { #expect(plan.isSuppressed(table: t, group: g)) }
            }
            let recovered = attack(tables: tables, overall: rows, plan: plan)
            #expect(recovered.isEmpty, "trial \(trial): recoverable hidden cells \(recovered) of \(plan.suppressed.sorted { $0.key < $1.key }.map { "\($0.key.table):\($0.key.group)=\(($0.key.table < 0 ? rows : tables[$0.key.table].counts[$0.key.group]))" }) tables \(tables.map { "\($0.name) \($0.counts)" })")
            checked += plan.suppressed.count
        }
        #expect(checked > 100, "the random tables exercise suppression")
    }

    /// Issue 11: one 2-person intersection cell (women × a 69-person class) needs 4 hidden
    /// intersection cells — itself, one more in its row, the two in their columns — and no
    /// whole class.
    @Test func oneTinyCellHidesFourIntersectionCells() {
        let tables = [
            Table(name: "classe", components: ["classe"], counts: [150, 66, 69, 90, 80]),
            Table(name: "sexe", components: ["sexe"], counts: [179, 276]),
            Table(name: "classe*sexe", components: ["classe", "sexe"], counts: [70, 80, 30, 36, 2, 67, 40, 50, 37, 43]),
        ]
        let plan = SuppressionPlan(tables: tables, overallCount: 455, minimumCellSize: 10)
        #expect(plan.suppressed.count == 4)
        #expect(plan.suppressed.keys.allSatisfy { $0.table == 2 })
        #expect(plan.suppressed[.init(table: 2, group: 4)] == .primary)
        #expect(attack(tables: tables, overall: 455, plan: plan).isEmpty)
    }

    /// Close to minimal: on random two-attribute tables (with their margins and the overall),
    /// the plan hides at most one cell more than the fewest found by exhaustive search (with
    /// the independent attack as the test of safety), and hides a group of a single
    /// attribute only when no set of intersection cells as small would do.
    @Test func complementarySuppressionIsCloseToMinimal() {
        var rng = SplitMix64(state: 11)
        var compared = 0
        for trial in 0..<60 {
            let ra = 2 + Int(rng.next() % 2), rb = 2 + Int(rng.next() % 3)
            var cells = (0..<(ra * rb)).map { _ in 8 + Int(rng.next() % 60) }
            // One or two tiny cells.
            cells[Int(rng.next() % UInt64(cells.count))] = 1 + Int(rng.next() % 6)
            if trial % 3 == 0 { cells[Int(rng.next() % UInt64(cells.count))] = Int(rng.next() % 9) }
            let a = (0..<ra).map { i in (0..<rb).reduce(0) { $0 + cells[i * rb + $1] } }
            let b = (0..<rb).map { j in (0..<ra).reduce(0) { $0 + cells[$1 * rb + j] } }
            let total = a.reduce(0, +)
            let tables = [Table(name: "a", components: ["a"], counts: a), Table(name: "b", components: ["b"], counts: b),
                          Table(name: "a*b", components: ["a", "b"], counts: cells)]
            let plan = SuppressionPlan(tables: tables, overallCount: total, minimumCellSize: 10)
            #expect(attack(tables: tables, overall: total, plan: plan).isEmpty, "trial \(trial)")
            let primary = plan.suppressed.filter { $0.value == .primary }.map(\.key)
            let complementary = plan.suppressed.count - primary.count
            // Every other non-empty cell, the overall included.
            var candidates: [SuppressionPlan.Cell] = total > 0 ? [.init(table: -1, group: 0)] : []
            for (t, table) in tables.enumerated() {
                for (g, n) in table.counts.enumerated() where n > 0 && !primary.contains(.init(table: t, group: g)) { candidates.append(.init(table: t, group: g)) }
            }
            func smallest(_ pool: [SuppressionPlan.Cell], upTo limit: Int) -> Int? {
                for size in 0...min(limit, pool.count) {
                    var pick = Array(0..<size)
                    while true {
                        if attack(tables: tables, overall: total, hidden: primary + pick.map { pool[$0] }).isEmpty { return size }
                        var i = size - 1
                        while i >= 0 && pick[i] == pool.count - size + i { i -= 1 }
                        if i < 0 { break }
                        pick[i] += 1
                        for j in (i + 1)..<size { pick[j] = pick[j - 1] + 1 }
                    }
                }
                return nil
            }
            let minimum = smallest(candidates, upTo: complementary)
            #expect(minimum != nil && complementary <= minimum! + 1, "trial \(trial): plan \(complementary), minimum \(String(describing: minimum)), cells \(cells)")
            let marginal = plan.suppressed.contains { $0.value != .primary && $0.key.table != 2 }
            if marginal {
                let inner = candidates.filter { $0.table == 2 }
                #expect(smallest(inner, upTo: complementary) == nil, "trial \(trial): a margin hidden where intersection cells suffice, cells \(cells)")
            }
            compared += primary.isEmpty ? 0 : 1
        }
        #expect(compared > 30)
    }

    // MARK: - The attack, written independently of SuppressionPlan

    /// Hidden cells whose value follows from the published ones. Equations are rebuilt from
    /// the definition (each cell of an m-way table is the sum over one component's values of
    /// the (m+1)-way cells; the overall is the sum of any single attribute's cells); a hidden
    /// cell is recoverable when adding its unit vector to the system's rows does not raise
    /// the rank (computed by modified Gram–Schmidt).
    func attack(tables: [Table], overall: Int, plan: SuppressionPlan) -> [String] {
        attack(tables: tables, overall: overall, hidden: Array(plan.suppressed.keys))
    }

    func attack(tables: [Table], overall: Int, hidden: [SuppressionPlan.Cell]) -> [String] {
        let byName = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($0.element.name, $0.offset) })
        let radix = { (name: String) in tables[byName[name]!].counts.count }
        var unknown: [String: Int] = [:]   // "t:g" → column
        for cell in hidden.sorted() {
            let n = cell.table < 0 ? overall : tables[cell.table].counts[cell.group]
            if n > 0 { unknown["\(cell.table):\(cell.group)"] = unknown.count }
        }
        var rows: [[Int64]] = []
        func addEquation(total: String, members: [String]) {
            var row = [Int64](repeating: 0, count: unknown.count)
            var any = false
            if let c = unknown[total] { row[c] += 1; any = true }
            for m in members { if let c = unknown[m] { row[c] -= 1; any = true } }
            if any { rows.append(row) }
        }
        for (t, table) in tables.enumerated() {
            let comps = table.components
            let rad = comps.map(radix)
            if comps.count == 1 { addEquation(total: "-1:0", members: table.counts.indices.map { "\(t):\($0)" }) ; continue }
            for drop in comps.indices {
                var rest = comps; rest.remove(at: drop)
                var restRad = rad; restRad.remove(at: drop)
                guard let m = byName[rest.joined(separator: "*")] else { continue }
                // Enumerate the marginal's codes and the members of each.
                for marginal in 0..<restRad.reduce(1, *) {
                    var digits = [Int](repeating: 0, count: restRad.count)
                    var x = marginal
                    for i in stride(from: restRad.count - 1, through: 0, by: -1) { digits[i] = x % restRad[i]; x /= restRad[i] }
                    let members = (0..<rad[drop]).map { v -> String in
                        var full = digits; full.insert(v, at: drop)
                        var code = 0
                        for (i, d) in full.enumerated() { code = code * rad[i] + d }
                        return "\(t):\(code)"
                    }
                    addEquation(total: "\(m):\(marginal)", members: members)
                }
            }
        }
        // Echelon basis of the row space (exact, modulo the prime 1,000,000,007 — not the
        // plan's modulus), then each unit vector reduced against it: recoverable iff it
        // reduces to zero.
        let basis = echelon(rows)
        return unknown.sorted { $0.value < $1.value }.compactMap { key, c in
            var e = [Int64](repeating: 0, count: unknown.count)
            e[c] = 1
            return reduce(e, by: basis).allSatisfy { $0 == 0 } ? key : nil
        }
    }

    static let prime: Int64 = 1_000_000_007

    func power(_ a: Int64, _ e: Int64) -> Int64 {
        if e == 0 { return 1 }
        let h = power(a, e / 2)
        return e % 2 == 0 ? h * h % Self.prime : h * h % Self.prime * a % Self.prime
    }

    /// Rows in echelon form, each with a leading 1: (leading column, row).
    func echelon(_ rows: [[Int64]]) -> [(Int, [Int64])] {
        var basis: [(Int, [Int64])] = []
        for row in rows {
            let v = reduce(row, by: basis)
            guard let lead = v.firstIndex(where: { $0 != 0 }) else { continue }
            let inv = power(v[lead], Self.prime - 2)
            basis.append((lead, v.map { $0 * inv % Self.prime }))
        }
        return basis
    }

    func reduce(_ row: [Int64], by basis: [(Int, [Int64])]) -> [Int64] {
        var v = row.map { (($0 % Self.prime) + Self.prime) % Self.prime }
        // Reduce repeatedly until no basis leading column is non-zero in v.
        var changed = true
        while changed {
            changed = false
            for (lead, b) in basis where v[lead] != 0 {
                let f = v[lead]
                for j in v.indices where b[j] != 0 { v[j] = ((v[j] - f * b[j]) % Self.prime + Self.prime) % Self.prime }
                changed = true
            }
        }
        return v
    }

}

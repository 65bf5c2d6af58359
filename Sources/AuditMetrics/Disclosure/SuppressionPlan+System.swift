extension SuppressionPlan {
    /// The audit's tables as one system of equations `total = Σ members` (see
    /// `SuppressionPlan`), and the questions suppression asks of it: which hidden cells the
    /// published ones determine, which a 0 % or 100 % rate reveals, which cell to hide next,
    /// and whether fewer cells would do.
    struct System {
        let tables: [Table]
        let overallCount: Int
        let overallProfile: [Int]
        /// Each line: a total and the cells that add up to it.
        let equations: [(total: Cell, members: [Cell])]
        /// Every cell (overall first, then tables and groups in order).
        let cells: [Cell]
        /// For each cell, the equations it appears in (as total or member).
        let equationsOf: [Cell: [Int]]
        /// The highest number of components of a table (the innermost intersections).
        let deepest: Int

        init(tables: [Table], overallCount: Int, overallProfile: [Int]) {
            self.tables = tables
            self.overallCount = overallCount
            self.overallProfile = overallProfile
            let overall = Cell(table: -1, group: 0)
            var cells = [overall]
            for (t, table) in tables.enumerated() { cells += table.counts.indices.map { Cell(table: t, group: $0) } }
            self.cells = cells
            deepest = tables.map(\.components.count).max() ?? 0
            let index = Dictionary(tables.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
            var equations: [(total: Cell, members: [Cell])] = []
            for (t, table) in tables.enumerated() {
                if table.components.count == 1 {
                    equations.append((overall, table.counts.indices.map { Cell(table: t, group: $0) }))
                    continue
                }
                // Radix of each component: the group count of its single-attribute table.
                let radices = table.components.map { name in index[name].map { tables[$0].counts.count } ?? 0 }
                guard !radices.contains(0), radices.reduce(1, *) == table.counts.count else { continue }
                for j in table.components.indices {
                    var others = table.components
                    others.remove(at: j)
                    guard let marginal = index[others.joined(separator: "*")] else { continue }
                    var otherRadices = radices
                    otherRadices.remove(at: j)
                    var lines: [Int: [Cell]] = [:]
                    for code in table.counts.indices {
                        // Digits of `code` (mixed radix, last component fastest), then the
                        // marginal's code from the digits other than j.
                        var digits = [Int](repeating: 0, count: radices.count)
                        var rest = code
                        for i in stride(from: radices.count - 1, through: 0, by: -1) {
                            digits[i] = rest % radices[i]
                            rest /= radices[i]
                        }
                        digits.remove(at: j)
                        var m = 0
                        for (i, d) in digits.enumerated() { m = m * otherRadices[i] + d }
                        lines[m, default: []].append(Cell(table: t, group: code))
                    }
                    for m in lines.keys.sorted() { equations.append((Cell(table: marginal, group: m), lines[m] ?? [])) }
                }
            }
            self.equations = equations
            var of: [Cell: [Int]] = [:]
            for (e, eq) in equations.enumerated() {
                of[eq.total, default: []].append(e)
                for m in eq.members { of[m, default: []].append(e) }
            }
            equationsOf = of
        }

        func count(_ c: Cell) -> Int { c.table < 0 ? overallCount : tables[c.table].counts[c.group] }

        func profile(_ c: Cell) -> [Int] {
            if c.table < 0 { return overallProfile }
            let p = tables[c.table].profiles
            return c.group < p.count ? p[c.group] : []
        }

        /// How deep a cell's table is: 0 for the whole population, 1 for a single attribute,
        /// m for an m-way intersection.
        func level(_ c: Cell) -> Int { c.table < 0 ? 0 : tables[c.table].components.count }

        func determined<V>(_ hidden: [Cell: V]) -> [Cell] {
            SuppressionPlan.determinedCells(equations: equations, hidden: hidden, count: count)
        }

        /// The published cell to hide so that `cell`, determined by the published totals, no
        /// longer is: among the published cells of the equations nearest to it (its own, then
        /// those reached through hidden cells), the first that works, intersection cells before
        /// the groups of lower tables, then the fewest rows — so a whole group is never hidden
        /// to protect an intersection cell when an intersection cell suffices.
        func complement(for cell: Cell, hidden: [Cell: SuppressedCell.Kind]) -> Cell {
            var reached: Set<Cell> = [cell]
            var frontier = [cell]
            while !frontier.isEmpty {
                var candidates = Set<Cell>()
                var next: [Cell] = []
                for c in frontier {
                    for e in equationsOf[c] ?? [] {
                        for t in equations[e].members + [equations[e].total] where count(t) > 0 {
                            if hidden[t] == nil { candidates.insert(t) } else if reached.insert(t).inserted { next.append(t) }
                        }
                    }
                }
                let ordered = candidates.sorted { (-level($0), count($0), $0) < (-level($1), count($1), $1) }
                for c in ordered.prefix(16) {
                    var trial = hidden
                    trial[c] = .complementary
                    if !determined(trial).contains(cell) { return c }
                }
                if let first = ordered.first { return first }
                frontier = next
            }
            // Unreachable for a determined cell (it has an equation with a published term).
            return cells.first { count($0) > 0 && hidden[$0] == nil } ?? cell
        }

        /// A published cell to hide because a published total's rate of 0 % or 100 % — or, in
        /// general, a remainder of 0 once the published members are subtracted — would give
        /// away every hidden member's rate (attribute disclosure). When a published member
        /// carries some of that count, hiding it (the fewest rows first) suffices; otherwise the
        /// total's own rates are withheld.
        func revealed(_ hidden: [Cell: SuppressedCell.Kind]) -> (Cell, SuppressedCell.Kind)? {
            for (total, members) in equations where count(total) > 0 && hidden[total] == nil {
                let totalProfile = profile(total)
                guard !totalProfile.isEmpty, members.contains(where: { count($0) > 0 && hidden[$0] != nil }) else { continue }
                let published = members.filter { count($0) > 0 && hidden[$0] == nil }
                for j in totalProfile.indices {
                    let remainder = published.reduce(totalProfile[j]) { r, m in r - (profile(m).indices.contains(j) ? profile(m)[j] : 0) }
                    guard remainder == 0 else { continue }
                    let carriers = published.filter { profile($0).indices.contains(j) && profile($0)[j] > 0 }
                    if let pick = carriers.min(by: { (count($0), $0) < (count($1), $1) }) { return (pick, .complementary) }
                    return (total, .attributeDisclosure)
                }
            }
            return nil
        }

        /// Whether no hidden cell is determined by the published ones, nor revealed by a 0 %
        /// or 100 % remainder.
        func isSafe(_ hidden: [Cell: SuppressedCell.Kind]) -> Bool {
            determined(hidden).isEmpty && revealed(hidden) == nil
        }

        /// `hidden` without the complementary cells the others make unnecessary: each is tried
        /// in turn — whole groups of lower tables first, then the cells with the most rows —
        /// and dropped when the rest stays safe.
        func pruned(_ hidden: [Cell: SuppressedCell.Kind]) -> [Cell: SuppressedCell.Kind] {
            var out = hidden
            let optional = hidden.filter { $0.value != .primary }.keys.sorted { (level($0), -count($0), $0) < (level($1), -count($1), $1) }
            for c in optional {
                var trial = out
                trial[c] = nil
                if isSafe(trial) { out = trial }
            }
            return out
        }

        /// The fewest complementary cells, by exhaustive search, when the system is small
        /// enough: sets of intersection cells (the innermost tables) first, by increasing
        /// size; sets that also hide groups of lower tables only when they are at least two
        /// cells smaller. Only on systems of at most `smallSystem` cells that may be hidden, and
        /// at most `budget` sets are tried in all (sizes are searched while the next size still
        /// fits). `nil` when `hidden` is already as small or the search ends.
        func exhaustive(_ hidden: [Cell: SuppressedCell.Kind], smallSystem: Int = 24, budget: Int = 6_000) -> [Cell: SuppressedCell.Kind]? {
            let primary = hidden.filter { $0.value == .primary }
            let current = hidden.count - primary.count
            guard current > 0 else { return nil }
            let all = cells.filter { count($0) > 0 && primary[$0] == nil }
            guard all.count <= smallSystem else { return nil }
            let inner = all.filter { level($0) == deepest }
            var spent = 0
            func search(_ pool: [Cell], below limit: Int) -> [Cell]? {
                for size in 0..<max(0, limit) where size <= pool.count {
                    spent += Self.binomial(pool.count, size)
                    if spent > budget { return nil }
                    var pick = Array(0..<size)
                    while true {
                        var trial = primary
                        for i in pick { trial[pool[i]] = hidden[pool[i]] ?? .complementary }
                        if isSafe(trial) { return pick.map { pool[$0] } }
                        // Next combination in lexicographic order.
                        var i = size - 1
                        while i >= 0 && pick[i] == pool.count - size + i { i -= 1 }
                        if i < 0 { break }
                        pick[i] += 1
                        for j in (i + 1)..<size { pick[j] = pick[j - 1] + 1 }
                    }
                }
                return nil
            }
            let innerBest = search(inner, below: current)
            let best = search(all, below: (innerBest?.count ?? current) - (innerBest == nil ? 0 : 1)) ?? innerBest
            guard let best else { return nil }
            var out = primary
            for c in best { out[c] = hidden[c] ?? .complementary }
            return out
        }

        static func binomial(_ n: Int, _ k: Int) -> Int {
            guard k >= 0, k <= n else { return 0 }
            var r = 1
            for i in 0..<min(k, n - k) {
                r = r * (n - i) / (i + 1)
                if r > 1_000_000_000 { return r }
            }
            return r
        }
    }
}

/// Which cells of an audit's tables to suppress: primary suppression of small cells, then
/// complementary suppression until no hidden cell can be recovered line by line.
///
/// **Tables and their equations.** Every additive quantity Vigie publishes per group — the
/// confusion counts, favourable decisions, score and allocation sums — adds up along the
/// audit's tables. For a single attribute, its groups add up to the whole population. For
/// an intersection of m attributes, fixing all components but one gives a *line* of cells
/// that adds up to one cell of the (m−1)-way intersection (or of the single attribute when
/// m = 2), which the audit also publishes. Each line is an equation `total = Σ members`.
///
/// **Rule** (the classic line rule of statistical disclosure control; Hundepool et al.,
/// *Statistical Disclosure Control*, Wiley 2012, §5.3, and τ-ARGUS's "singleton" check):
/// 1. primary: suppress every non-empty cell with fewer than k rows (k = `min_cell_size`);
/// 2. complementary: while some equation has exactly one hidden term (one hidden member, or a
///    hidden total whose members are all published), hide one more member of it — the
///    non-empty published member with the fewest rows (ties: first in table order) — or,
///    when no member is left, its total.
/// Empty cells carry no value (their sums are 0, known to everyone) and are never counted
/// as hidden. The procedure is deterministic and terminates (each step hides a cell).
///
/// 3. exact check: the line rule alone can leave a hidden cell recoverable by combining
///    several equations (a hidden cell that bridges two groups of hidden cells); the
///    published totals are then solved as a linear system, and while some hidden cell is
///    determined exactly, one more cell is hidden: among the published cells of its nearest
///    equations, the first whose hiding leaves it undetermined, intersection cells before the
///    groups of lower tables, then the fewest rows (then step 2 again).
/// 4. attribute disclosure (when the tables carry `profiles`): a published total whose
///    published members leave a remainder of 0 of some count (a rate of 0 % or 100 % over
///    the hidden members) gives away each hidden member's; a published member carrying that
///    count is hidden, or else the total (`attributeDisclosure`).
/// 5. close to minimal: complementary cells the others make unnecessary are dropped (whole
///    groups of lower tables first, then the largest), and on small systems (at most 24
///    cells that may be hidden) an exhaustive search replaces the set by a smallest one —
///    intersection cells only unless a set hiding whole groups is at least two cells smaller.
/// After this no hidden cell's value follows from the published ones by any linear
/// combination of the tables' equations, nor from a 0 remainder (bounds may still be
/// narrowed, as with any suppression). Tests check unrecoverability and closeness to the
/// minimum independently on random tables (`DisclosureControlTests`, `DisclosureAttackTests`).
public struct SuppressionPlan: Sendable, Equatable {
    /// One table of the audit: an attribute or intersection.
    public struct Table: Sendable, Equatable {
        public let name: String
        /// Component attribute names, in spec order (one for a single attribute).
        public let components: [String]
        /// Rows per group, in group-code order (mixed radix of the components' codes).
        public let counts: [Int]
        /// Per group, the additive counts behind its published rates (for an audit with a
        /// label and a decision: TN, FP, FN, TP rows), for the attribute-disclosure check;
        /// empty when not checked.
        public let profiles: [[Int]]

        public init(name: String, components: [String], counts: [Int], profiles: [[Int]] = []) {
            self.name = name
            self.components = components
            self.counts = counts
            self.profiles = profiles
        }
    }

    /// A cell: `table == -1` is the whole population.
    public struct Cell: Hashable, Sendable, Comparable {
        public let table: Int
        public let group: Int
        public init(table: Int, group: Int) {
            self.table = table
            self.group = group
        }
        public static func < (a: Cell, b: Cell) -> Bool { (a.table, a.group) < (b.table, b.group) }
    }

    /// The threshold k.
    public let minimumCellSize: Int
    /// The suppressed cells and why.
    public let suppressed: [Cell: SuppressedCell.Kind]

    /// Whether the group `group` of table `table` is suppressed (`table == -1`: overall).
    public func isSuppressed(table: Int, group: Int) -> Bool { suppressed[Cell(table: table, group: group)] != nil }

    /// Plans suppression for `tables` with `overallCount` rows in all (`overallProfile`: the
    /// whole population's additive counts, as each table's `profiles`).
    public init(tables: [Table], overallCount: Int, overallProfile: [Int] = [], minimumCellSize k: Int) {
        minimumCellSize = k
        guard k > 0 else { suppressed = [:]; return }
        let system = System(tables: tables, overallCount: overallCount, overallProfile: overallProfile)
        var hidden: [Cell: SuppressedCell.Kind] = [:]
        // 1. Primary suppression.
        for c in system.cells where system.count(c) > 0 && system.count(c) < k { hidden[c] = .primary }
        // 2. Complementary suppression: the line rule until every equation has 0 or ≥ 2
        // hidden terms, then the exact check of the whole system, then attribute disclosure;
        // repeat until all three hold.
        while true {
            var changed = true
            while changed {
                changed = false
                for (total, members) in system.equations {
                    let hiddenMembers = members.filter { system.count($0) > 0 && hidden[$0] != nil }.count
                    let hiddenTotal = system.count(total) > 0 && hidden[total] != nil
                    guard hiddenMembers + (hiddenTotal ? 1 : 0) == 1 else { continue }
                    Self.hideOneMore(total: total, members: members, hidden: &hidden, count: system.count)
                    changed = true
                }
            }
            if let first = Self.determinedCells(equations: system.equations, hidden: hidden, count: system.count).first {
                hidden[system.complement(for: first, hidden: hidden)] = .complementary
                continue
            }
            if let (cell, kind) = system.revealed(hidden) {
                hidden[cell] = kind
                continue
            }
            break
        }
        // 3. Close to minimal: drop every complementary cell the others make unnecessary
        // (whole groups of a lower table first, then the largest), then, on a system small
        // enough, an exhaustive search for fewer cells.
        hidden = system.pruned(hidden)
        hidden = system.exhaustive(hidden) ?? hidden
        suppressed = hidden
    }

    /// Hides the published non-empty member with the fewest rows (ties: table order), or the
    /// total when every member is hidden or empty.
    static func hideOneMore(total: Cell, members: [Cell], hidden: inout [Cell: SuppressedCell.Kind], count: (Cell) -> Int) {
        let candidates = members.filter { count($0) > 0 && hidden[$0] == nil }
        if let pick = candidates.min(by: { (count($0), $0) < (count($1), $1) }) {
            hidden[pick] = .complementary
        } else if hidden[total] == nil {
            hidden[total] = .complementary
        }
    }

    /// The hidden cells whose value the published cells determine exactly, through any
    /// combination of the equations, in table order.
    ///
    /// Unknowns are the hidden non-empty cells; each equation with a hidden term gives one
    /// row (`+1` for a hidden total, `−1` for each hidden member; published terms are known).
    /// A hidden cell is determined exactly when every vector of the system's null space is 0
    /// at its position: after reduction to row echelon form, it is a pivot variable whose
    /// row has no free variable.
    static func determinedCells<V>(equations: [(total: Cell, members: [Cell])], hidden: [Cell: V], count: (Cell) -> Int) -> [Cell] {
        let unknowns = hidden.keys.filter { count($0) > 0 }.sorted()
        guard !unknowns.isEmpty else { return [] }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($0.element, $0.offset) })
        // Exact arithmetic modulo the prime 2^31 − 1: coefficients are small integers, so
        // elimination in Q and in this field agree (barring a pivot divisible by the prime,
        // which sums of a few thousand ±1 terms cannot reach), with no rounding to judge.
        let p: Int64 = 2_147_483_647
        var rows: [[Int64]] = []
        for (total, members) in equations {
            var row = [Int64](repeating: 0, count: unknowns.count)
            var any = false
            if let c = column[total] { row[c] = (row[c] + 1) % p; any = true }
            for m in members { if let c = column[m] { row[c] = (row[c] + p - 1) % p; any = true } }
            if any { rows.append(row) }
        }
        func inverse(_ a: Int64) -> Int64 {   // a^(p−2) mod p
            var result: Int64 = 1, base = a % p, e = p - 2
            while e > 0 {
                if e & 1 == 1 { result = result * base % p }
                base = base * base % p
                e >>= 1
            }
            return result
        }
        // Gauss–Jordan elimination to reduced row echelon form.
        var pivotColumns: [Int] = []
        var r = 0
        for c in 0..<unknowns.count where r < rows.count {
            guard let pr = (r..<rows.count).first(where: { rows[$0][c] != 0 }) else { continue }
            rows.swapAt(r, pr)
            let scale = inverse(rows[r][c])
            for j in 0..<unknowns.count where rows[r][j] != 0 { rows[r][j] = rows[r][j] * scale % p }
            for i in 0..<rows.count where i != r && rows[i][c] != 0 {
                let f = rows[i][c]
                for j in 0..<unknowns.count where rows[r][j] != 0 { rows[i][j] = ((rows[i][j] - f * rows[r][j]) % p + p) % p }
            }
            pivotColumns.append(c)
            r += 1
        }
        let pivots = Set(pivotColumns)
        var determined: [Cell] = []
        for (i, c) in pivotColumns.enumerated() {
            let free = (0..<unknowns.count).contains { !pivots.contains($0) && rows[i][$0] != 0 }
            if !free { determined.append(unknowns[c]) }
        }
        return determined.sorted()
    }
}

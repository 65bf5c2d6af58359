import AuditData

/// A way of splitting the rows into groups: one protected attribute, or the intersection of
/// several (`race*sex`, whose groups are named `African-American*Female`).
///
/// An intersection's group code is the mixed-radix number of its components' codes, so the
/// full product of groups exists, empty combinations included (reported as empty).
public struct Grouping: Sendable, Equatable {
    /// `race`, or `race*sex` for an intersection.
    public let name: String
    /// Indices into the column store's attributes.
    public let components: [Int]
    /// Group labels, indexed by group code.
    public let groups: [String]
    /// Whether each group contains an `unknown` component.
    public let isUnknown: [Bool]
    /// Place value of each component in the group code.
    let strides: [Int]
    /// Each component's group labels, and the code of its missing group (if any).
    public let componentGroups: [[String]]
    public let componentMissingCodes: [Int?]
    /// For a banded or quantile-binned single attribute, the cut points used; else empty.
    public let cutPoints: [Double]
    /// For a single attribute, how it was binned.
    public let binning: Binning

    /// The single attribute `index` of `store`.
    public init(attribute index: Int, of store: ColumnStore) {
        self.init(intersection: [index], of: store)
    }

    /// The intersection of `components` (indices of attributes of `store`, in spec order).
    public init(intersection components: [Int], of store: ColumnStore) {
        let columns = components.map { store.attributes[$0] }
        self.init(names: columns.map(\.attribute), components: components, componentGroups: columns.map(\.groups),
                  componentMissingCodes: columns.map { $0.unknownCode.map(Int.init) },
                  cutPoints: columns.count == 1 ? columns[0].cutPoints : [], binning: columns.count == 1 ? columns[0].binning : .none)
    }

    /// The grouping of attributes `names` (indices `components`) whose groups are
    /// `componentGroups`, without a store: for statistics read from a bundle (`vigie merge`).
    /// - Parameters:
    ///   - componentMissingCodes: each component's code of its missing group, if any.
    ///   - cutPoints, binning: a single banded attribute's; empty and `.none` otherwise.
    public init(names: [String], components: [Int], componentGroups: [[String]], componentMissingCodes: [Int?], cutPoints: [Double] = [], binning: Binning = .none) {
        self.name = names.joined(separator: "*")
        self.components = components
        var strides = [Int](repeating: 1, count: components.count)
        for i in stride(from: components.count - 2, through: 0, by: -1) {
            strides[i] = strides[i + 1] * componentGroups[i + 1].count
        }
        self.strides = strides
        self.componentGroups = componentGroups
        self.componentMissingCodes = componentMissingCodes
        let total = componentGroups.reduce(1) { $0 * $1.count }
        var labels: [String] = []
        var unknown: [Bool] = []
        labels.reserveCapacity(total)
        for code in 0..<total {
            var parts: [String] = []
            var isUnknown = false
            for (i, groups) in componentGroups.enumerated() {
                let c = (code / strides[i]) % groups.count
                parts.append(groups[c])
                if componentMissingCodes[i] == c { isUnknown = true }
            }
            labels.append(parts.joined(separator: "*"))
            unknown.append(isUnknown)
        }
        self.groups = labels
        self.isUnknown = unknown
        self.cutPoints = components.count == 1 ? cutPoints : []
        self.binning = components.count == 1 ? binning : .none
    }

    /// The group code of row `r` of `store`.
    public func code(ofRow r: Int, in store: ColumnStore) -> Int {
        var code = 0
        for (i, component) in components.enumerated() { code += Int(store.attributes[component].codes[r]) * strides[i] }
        return code
    }

    /// The code, within component `i`, of group `code`.
    public func componentCode(_ i: Int, of code: Int) -> Int { (code / strides[i]) % componentGroups[i].count }

    /// The group code whose component `i` has code `codes[i]`.
    public func code(components codes: [Int]) -> Int { zip(codes, strides).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Whether this grouping crosses two or more attributes.
    public var isIntersection: Bool { components.count > 1 }

    /// All groupings of an audit: each attribute, then every intersection of 2 … `order`
    /// attributes, in lexicographic order of their component indices.
    public static func all(for store: ColumnStore, order: Int) -> [Grouping] {
        let n = store.attributes.count
        var result = (0..<n).map { Grouping(attribute: $0, of: store) }
        guard order >= 2, n >= 2 else { return result }
        for k in 2...min(order, n) {
            for combination in combinations(n, k) {
                result.append(Grouping(intersection: combination, of: store))
            }
        }
        return result
    }

    /// The k-subsets of 0..<n in lexicographic order.
    public static func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(_ start: Int) {
            if current.count == k { result.append(current); return }
            guard start < n else { return }
            for i in start..<n {
                current.append(i)
                extend(i + 1)
                current.removeLast()
            }
        }
        extend(0)
        return result
    }
}

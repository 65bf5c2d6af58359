/// The order of a categorical protected attribute's groups, one rule wherever groups are
/// listed: numeric labels (deciles, codes) in numeric order, otherwise ``LabelOrder`` (bands by
/// their lower bound, then words in French dictionary order, with no locale API: the same
/// order on every machine); the missing values' group, when there is one, comes after them
/// (``GroupColumn``).
///
/// Used when a column is read (`GroupBuilder`) and when the statistics of several data holders
/// are merged (`vigie merge`): the union of their labels must come out in the order one read of
/// the pooled rows would give.
public enum GroupOrder {
    /// `labels` (distinct, the missing group excluded) in the groups' order.
    public static func sorted(_ labels: [String]) -> [String] {
        let numeric = labels.compactMap { label in Double(label).map { (label, $0) } }
        if !labels.isEmpty, numeric.count == labels.count {
            return numeric.sorted { a, b in
                a.1 != b.1 ? a.1 < b.1 : Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8))
            }.map(\.0)
        }
        return LabelOrder.sorted(labels)
    }

    /// The label of the missing values' group given the category labels `literal`:
    /// `unknown`, with ` (missing)` appended while that is itself a category.
    public static func missingLabel(avoiding literal: some Sequence<String>) -> String {
        let taken = Set(literal)
        var label = GroupColumn.unknownLabel
        while taken.contains(label) { label += " (missing)" }
        return label
    }
}

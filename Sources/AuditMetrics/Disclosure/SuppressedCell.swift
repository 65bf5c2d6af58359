/// One group whose rates are withheld from every output.
public struct SuppressedCell: Sendable, Equatable {
    /// Why a cell is suppressed.
    public enum Kind: String, Sendable {
        /// It holds fewer rows than the disclosure threshold k.
        case primary
        /// It holds at least k rows, but with only one other hidden cell in one of its
        /// tables, that cell could be recovered by subtraction from the published total.
        case complementary
        /// It holds at least k rows and nothing subtracts to it, but a rate of 0 % or 100 %
        /// over it would give away the same rate for each of its hidden sub-groups.
        case attributeDisclosure = "attribute_disclosure"
    }

    /// The attribute or intersection (`overall` for the whole population).
    public let attribute: String
    /// The group's label.
    public let group: String
    /// The group's rows (published: counts are never suppressed).
    public let count: Int
    public let kind: Kind

    public init(attribute: String, group: String, count: Int, kind: Kind) {
        self.attribute = attribute
        self.group = group
        self.count = count
        self.kind = kind
    }
}

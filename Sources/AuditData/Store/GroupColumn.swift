/// A protected attribute as the audit sees it: one dense group code per row, and the
/// group labels in output order.
///
/// Categorical values become groups sorted by their text (byte order, so the same data give
/// the same order on every machine); bands and quantile bins are in numeric order; the
/// explicit `unknown` group, for rows with a missing value, is always last.
public struct GroupColumn: Sendable, Equatable {
    /// The attribute's name: the column header.
    public let attribute: String
    /// Group code of each row, an index into `groups`.
    public let codes: [UInt32]
    /// Group labels, indexed by code.
    public let groups: [String]
    /// The code of the `unknown` group (missing protected value), if any row has one.
    public let unknownCode: UInt32?
    /// How a numeric column was banded, with the cut points actually used.
    public let binning: Binning
    /// Resolved cut points (band edges, or the quantile values computed from the data).
    public let cutPoints: [Double]

    public init(attribute: String, codes: [UInt32], groups: [String], unknownCode: UInt32?, binning: Binning = .none, cutPoints: [Double] = []) {
        self.attribute = attribute
        self.codes = codes
        self.groups = groups
        self.unknownCode = unknownCode
        self.binning = binning
        self.cutPoints = cutPoints
    }

    /// The label given to rows whose protected value is missing.
    public static let unknownLabel = "unknown"
}

/// A column of codes: one dense code per row and the label of each code. The one type for
/// every coded column of the store: a protected attribute's groups (`ColumnStore.attributes`),
/// a category (`ColumnStore.categories`: a meter type, a restriction level, a grid's
/// category or segment), the texts of a date column.
///
/// **Missing values have one marker**: the code `unknownCode`, labelled `unknown`, present
/// only when some row has it. For a protected attribute it is the explicit `unknown` group
/// (never dropped), always last; categorical groups are sorted by their text (byte order,
/// so the same data give the same order on every machine), numeric labels numerically,
/// bands and quantile bins in numeric order. A category keeps its values in order of first
/// appearance, the missing code last.
public struct GroupColumn: Sendable, Equatable {
    /// The column's name (the header name requested).
    public let attribute: String
    /// Code of each row, an index into `groups`, stored at the narrowest width the number of
    /// groups allows (`GroupCodes`: 1 byte per row up to 256 groups, 2 up to 65,536, else 4).
    public let codes: GroupCodes
    /// Labels, indexed by code.
    public let groups: [String]
    /// The code of rows whose value is missing (label `unknown`), if any row has one.
    public let unknownCode: UInt32?
    /// How a numeric column was banded, with the cut points actually used.
    public let binning: Binning
    /// Resolved cut points (band edges, or the quantile values computed from the data).
    public let cutPoints: [Double]

    /// A column of `codes` (each below `groups.count`).
    public init(attribute: String, codes: GroupCodes, groups: [String], unknownCode: UInt32?, binning: Binning = .none, cutPoints: [Double] = []) {
        self.attribute = attribute
        self.codes = codes
        self.groups = groups
        self.unknownCode = unknownCode
        self.binning = binning
        self.cutPoints = cutPoints
    }

    /// A column of `codes` (each below `groups.count`, checked), stored at the narrowest width
    /// `groups.count` allows.
    public init(attribute: String, codes: [UInt32], groups: [String], unknownCode: UInt32?, binning: Binning = .none, cutPoints: [Double] = []) {
        self.init(attribute: attribute, codes: GroupCodes(codes, groupCount: groups.count), groups: groups, unknownCode: unknownCode,
                  binning: binning, cutPoints: cutPoints)
    }

    /// The label given to rows whose value is missing.
    public static let unknownLabel = "unknown"

    /// The label of row `row`, or nil when its value is missing.
    public func value(_ row: Int) -> String? {
        let code = codes[row]
        return code == unknownCode ? nil : groups[Int(code)]
    }

    /// Number of rows with each code.
    public var counts: [Int] { codes.counts(groupCount: groups.count) }

    /// The codes as the group statistics take them (`ScoreSample`, `RankedApplicants`,
    /// `WaitingTimes`): the same codes, with −1 (left out) for rows whose value is missing.
    public var codesLeavingOutUnknown: [Int32] {
        let unknown = unknownCode
        return [Int32](unsafeUninitializedCapacity: codes.count) { out, initialized in
            codes.forEach(in: 0..<codes.count) { r, code in out[r] = code == unknown ? -1 : Int32(truncatingIfNeeded: code) }
            initialized = codes.count
        }
    }

    /// The first row with each code (for errors naming where a value first appears).
    public var firstRows: [Int] {
        var first = [Int](repeating: -1, count: groups.count)
        var left = groups.count
        for (row, code) in codes.enumerated() where first[Int(code)] < 0 {
            first[Int(code)] = row
            left -= 1
            if left == 0 { break }
        }
        return first
    }
}

/// One column the scan clusters on (`vigie scan --on COL`): a number or a category, with the
/// value of every row of the data file. Never the outcome, never (unless asked) a protected
/// attribute: the scan looks for groups no one declared.
public struct ScanFeature: Sendable, Equatable {
    /// The column's header name.
    public let name: String
    public let values: Values

    public enum Values: Sendable, Equatable {
        /// A number per row, NaN when missing.
        case numeric([Double])
        /// A code per row and each code's label; `missing` is the code of rows without a value.
        case categorical(codes: [UInt32], labels: [String], missing: UInt32?)
    }

    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    /// Number of rows.
    public var count: Int {
        switch values {
        case .numeric(let v): v.count
        case .categorical(let codes, _, _): codes.count
        }
    }
}

import AuditData

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
        /// A number per row given by its code: row `r`'s is `values[codes[r]]`, NaN when
        /// missing — a column read as categories (`vigie scan` on the data file's columns) whose
        /// values are numbers, kept as its codes rather than written out per row.
        case numericByCode(codes: GroupCodes, values: [Double])
        /// A code per row and each code's label; `missing` is the code of rows without a value.
        /// The codes are the store's (``GroupCodes``, 1, 2 or 4 bytes a row), not a copy. At
        /// most 256 of the labels may occur in one scanned population (``ScanEncoding`` keeps a
        /// point's category in one byte and stops on more, a programming error: `vigie scan`
        /// refuses a category of more than 50 values with a located error before).
        case categorical(codes: GroupCodes, labels: [String], missing: UInt32?)
    }

    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    /// Number of rows.
    public var count: Int {
        switch values {
        case .numeric(let v): v.count
        case .numericByCode(let codes, _): codes.count
        case .categorical(let codes, _, _): codes.count
        }
    }

    /// `body` given row `r`'s number as a function of `r` (NaN when missing), for a numeric
    /// feature of either kind; nil for a category.
    func withNumbers<R>(_ body: ((Int) -> Double) throws -> R) rethrows -> R? {
        switch values {
        case .numeric(let v):
            return try v.withUnsafeBufferPointer { p in try body { p[$0] } }
        case .numericByCode(let codes, let v):
            return try v.withUnsafeBufferPointer { p in try body { p[Int(codes[$0])] } }
        case .categorical:
            return nil
        }
    }
}

/// Where a loaded column is in the data file, for errors found after the load.
public struct ColumnLocation: Sendable, Equatable {
    /// 0-based index in the header.
    public let index: Int
    /// The header's name of that column (without any `#2` of the request).
    public let header: String

    public init(index: Int, header: String) {
        self.index = index
        self.header = header
    }
}

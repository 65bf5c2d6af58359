import Foundation

/// A decision model applied to the data as `report.json` names it: its file's base name and
/// the column it reads.
struct AppliedModel: Encodable {
    let file: String
    let column: String

    init(path: String, column: String) {
        file = URL(fileURLWithPath: path).lastPathComponent
        self.column = column
    }
}

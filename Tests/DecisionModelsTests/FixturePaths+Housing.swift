import Foundation

extension FixturePaths {
    /// A committed housing fixture (`Fixtures/housing/NAME`).
    static func housing(_ name: String) -> String {
        root.appendingPathComponent("Fixtures/housing/\(name)").path
    }

    /// A reference file of the points-grid tests (`Fixtures/reference/grid/NAME`).
    static func gridReference(_ name: String) -> String {
        root.appendingPathComponent("Fixtures/reference/grid/\(name)").path
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporary(_ text: String, name: String = "data.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-grid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

import Foundation

/// Writes test inputs into a fresh temporary folder.
struct TempFiles {
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-data-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let url = folder.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }
}

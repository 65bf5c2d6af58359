import Foundation

/// Paths of the committed water fixtures.
enum FixturePaths {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func water(_ name: String) -> String {
        root.appendingPathComponent("Fixtures/water/\(name)").path
    }
}

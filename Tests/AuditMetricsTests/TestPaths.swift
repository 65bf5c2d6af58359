import Foundation

/// Paths of the repository's fixtures.
enum TestPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ relative: String) -> String { root.appendingPathComponent("Fixtures").appendingPathComponent(relative).path }
    static let compas = root.appendingPathComponent("Fixtures/compas/compas-scores-two-years.csv").path
}

import Foundation

/// Paths of the repository's fixtures and of the shared datasets beside the clone.
enum TestPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ relative: String) -> String { root.appendingPathComponent("Fixtures").appendingPathComponent(relative).path }
    static let compas = root.deletingLastPathComponent().appendingPathComponent("shared/datasets/compas/compas-scores-two-years.csv").path
}

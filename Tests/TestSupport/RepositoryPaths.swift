import Foundation

/// Paths inside the repository, for tests: the root (found from this file's path), the
/// committed fixtures, and the COMPAS file. Nothing outside the repository is ever read.
public enum RepositoryPaths {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Fixtures/<relative>`, as a path.
    public static func fixture(_ relative: String) -> String {
        root.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// ProPublica's COMPAS file (minimised; `Fixtures/compas/PROVENANCE.md`).
    public static let compas = fixture("compas/compas-scores-two-years.csv")

    /// A committed housing fixture (`Fixtures/housing/NAME`).
    public static func housing(_ name: String) -> String { fixture("housing/" + name) }

    /// A committed water fixture (`Fixtures/water/NAME`).
    public static func water(_ name: String) -> String { fixture("water/" + name) }

    /// A reference file (`Fixtures/reference/RELATIVE`), values computed by an independent tool.
    public static func reference(_ relative: String) -> String { fixture("reference/" + relative) }

    /// Writes `text` to a fresh temporary folder as `name` and returns the file's path.
    public static func temporaryFile(_ text: String, name: String = "data.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

import ArgumentParser
import AuditData
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Audit the bundled social-housing fixture (Fixtures/housing) with its spec.",
        discussion: """
        The fixture is 5,000 synthetic applicants for social housing with planted \
        disparities documented in Fixtures/housing/README.md. Reports go to --out.

        Example:
          vigie demo --out demo-report
        """
    )

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out = "vigie-report"

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let spec = try AuditSpec(contentsOfFile: try Self.fixtureSpec())
        try AuditRunner.run(spec: spec, out: out, threads: nil, quiet: quiet, failOnDisparity: false)
    }

    /// The bundled spec: found from the source tree this binary was built from, else from
    /// the current folder.
    static func fixtureSpec() throws -> String {
        let relative = "Fixtures/housing/audit.yaml"
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [sourceRoot.appendingPathComponent(relative).path, FileManager.default.currentDirectoryPath + "/" + relative] {
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw ValidationError("the bundled fixture \(relative) was not found; run from the Vigie source folder")
    }
}

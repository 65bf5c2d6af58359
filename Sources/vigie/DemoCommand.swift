import ArgumentParser
import AuditApplication
import AuditData
import AuditReport
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Audit a bundled fixture with its spec: social housing (default) or water.",
        discussion: """
        housing: 5,000 synthetic applicants for social housing with planted disparities \
        documented in Fixtures/housing/README.md.
        water: 5,000 households served by the Montpellier water utility, audited for the \
        volumes they use, the bills of the 2023 tariff (affordability) and a drought \
        restriction; planted inequalities in Fixtures/water/README.md.

        Examples:
          vigie demo --out demo-report
          vigie demo water --out water-report
        """
    )

    enum Fixture: String, ExpressibleByArgument, CaseIterable {
        case housing, water
    }

    @Argument(help: "Which fixture: housing or water.")
    var fixture: Fixture = .housing

    @Option(name: .long, help: OutputFolderHelp.out("the reports and manifest.json"))
    var out = "vigie-report"

    @Flag(name: .long, help: OutputFolderHelp.force)
    var force = false

    @Option(name: .long, help: ArgumentHelp("Language of report.md and report.html: `en` (default) or `fr`.", valueName: "lang"))
    var lang: ReportLanguage?

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        var spec = try AuditSpec(contentsOfFile: try Self.fixtureSpec(fixture))
        if let lang { spec.report.language = lang }
        let specFile = try Self.fixtureSpec(fixture)
        try AuditRunner.run(spec: spec, specFile: specFile, out: out, force: force, threads: nil, quiet: quiet, failOnDisparity: false)
    }

    /// The bundled spec: found from the source tree this binary was built from, else from
    /// the current folder.
    static func fixtureSpec(_ fixture: Fixture = .housing) throws -> String {
        let relative = "Fixtures/\(fixture.rawValue)/audit.yaml"
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [sourceRoot.appendingPathComponent(relative).path, FileManager.default.currentDirectoryPath + "/" + relative] {
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw ValidationError("the bundled fixture \(relative) was not found; run from the Vigie source folder")
    }
}

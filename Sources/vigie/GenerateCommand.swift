import ArgumentParser
import AuditFixtures
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate synthetic data sets with documented, planted disparities.",
        subcommands: [Housing.self, Water.self]
    )

    /// Writes `generator` output to `out` atomically (temporary file, then rename), or to standard output.
    static func write(to out: String?, _ body: (URL?) throws -> Void) throws {
        guard let out else { return try body(nil) }
        let final = URL(fileURLWithPath: out)
        let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try body(temporary)
            if rename(temporary.path, final.path) != 0 { throw ValidationError("cannot move the generated file to '\(out)'") }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    struct Water: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "water",
            abstract: "Households served by the Montpellier water utility: meters, persons, income, volumes, drought zones.",
            discussion: """
            Deterministic and streaming, like `generate housing`. The planted inequalities \
            (collective meters without a free band, pools in the top deciles, a poorer zone \
            in crisis) are documented in Fixtures/water/README.md.

            Examples:
              vigie generate water --rows 1000000 --seed 7 --out households.csv
              vigie generate water --rows 100 | head
            """
        )

        @Option(name: .long, help: ArgumentHelp("Number of households.", valueName: "n"))
        var rows = 5000

        @Option(name: .long, help: ArgumentHelp("Random seed.", valueName: "s"))
        var seed: UInt64 = 2023

        @Option(name: .long, help: ArgumentHelp("Output file (default: standard output). Written to a temporary file, then renamed.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard rows >= 0 else { throw ValidationError("--rows must be at least 0") }
        }

        func run() throws {
            let generator = WaterHouseholdGenerator(seed: seed)
            try GenerateCommand.write(to: out) { url in
                if let url { try generator.write(rows: rows, to: url) } else { try generator.write(rows: rows, to: FileHandle.standardOutput) }
            }
        }
    }

    struct Housing: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "housing",
            abstract: "Social-housing applicants with a cotation score, a commission proposal and an allocation.",
            discussion: """
            Deterministic: the same --seed and --rows give the same bytes on every machine, \
            and the first k rows of a longer file equal a k-row file. Streams, so 10 million \
            rows use little memory. The planted disparities are documented in \
            Fixtures/housing/README.md.

            Examples:
              vigie generate housing --rows 1000000 --seed 7 --out applicants.csv
              vigie generate housing --rows 100 | head
            """
        )

        @Option(name: .long, help: ArgumentHelp("Number of applicants.", valueName: "n"))
        var rows = 5000

        @Option(name: .long, help: ArgumentHelp("Random seed.", valueName: "s"))
        var seed: UInt64 = 2024

        @Option(name: .long, help: ArgumentHelp("Output file (default: standard output). Written to a temporary file, then renamed.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard rows >= 0 else { throw ValidationError("--rows must be at least 0") }
        }

        func run() throws {
            let generator = HousingGenerator(seed: seed)
            try GenerateCommand.write(to: out) { url in
                if let url { try generator.write(rows: rows, to: url) } else { try generator.write(rows: rows, to: FileHandle.standardOutput) }
            }
        }
    }
}

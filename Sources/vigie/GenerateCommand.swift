import ArgumentParser
import AuditApplication
import AuditFixtures
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate synthetic data sets with documented, planted disparities.",
        subcommands: [Housing.self, Water.self]
    )

    /// Writes the generator's output to `out` all at once (``AtomicFile``), or to standard output.
    static func write(to out: String?, _ body: (FileHandle) throws -> Void) throws {
        guard let out else { return try body(FileHandle.standardOutput) }
        try AtomicFile.write(to: out, body)
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

        @Option(name: .long, help: ArgumentHelp("Output file (default: standard output). Written to a new file beside it, then renamed over it: all at once or not at all.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard rows >= 0 else { throw ValidationError("--rows must be at least 0") }
        }

        func run() throws {
            let generator = WaterHouseholdGenerator(seed: seed)
            try GenerateCommand.write(to: out) { try generator.write(rows: rows, to: $0) }
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

        @Option(name: .long, help: ArgumentHelp("Output file (default: standard output). Written to a new file beside it, then renamed over it: all at once or not at all.", valueName: "file"))
        var out: String?

        func validate() throws {
            guard rows >= 0 else { throw ValidationError("--rows must be at least 0") }
        }

        func run() throws {
            let generator = HousingGenerator(seed: seed)
            try GenerateCommand.write(to: out) { try generator.write(rows: rows, to: $0) }
        }
    }
}

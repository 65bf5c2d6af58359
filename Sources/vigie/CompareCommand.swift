import ArgumentParser
import AuditData
import AuditReport
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two water tariffs on the same households: who pays more, who pays less, by group.",
        discussion: """
        Writes compare.csv and compare.md into --out: per attribute and group, the mean bill \
        under each tariff, the mean change, the shares of households paying more and less, \
        and the share paying more than 3 % of their income under each.

        Example:
          vigie compare --spec Fixtures/water/audit.yaml \\
            --tariff Fixtures/water/tariff-2023.yaml \\
            --tariff Fixtures/water/tariff-alternative.yaml --out compare
        """
    )

    @OptionGroup var options: SpecOptions

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out = "vigie-compare"

    func validate() throws {
        guard options.tariff.count == 2 else { throw ValidationError("give exactly two tariffs: --tariff A.yaml --tariff B.yaml") }
    }

    func run() throws {
        let spec = try options.resolve(tariffOverride: options.tariff[0])
        let (rows, names) = try TariffComparison.run(spec: spec, tariffA: options.tariff[0], tariffB: options.tariff[1])
        try ReportWriter.write([
            ("compare.csv", Data(TariffComparison.csv(rows).utf8)),
            ("compare.md", Data(TariffComparison.markdown(rows, names: names).utf8)),
        ], to: out)
        print("Compared \(names.0) and \(names.1) on \(rows.first?.households ?? 0) households: \(out)/compare.md, \(out)/compare.csv")
    }
}

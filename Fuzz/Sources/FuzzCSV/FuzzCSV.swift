import AuditApplication
import AuditData
import FuzzSupport
import Foundation

/// The CSV reader and everything behind it: the input is a data file; two audits are run on
/// it, named after its own header (a decision audit with a score, a weight and quantile
/// groups; a water allocation audit with a tariff and a drought rule), through the store,
/// the metrics, disclosure control and every renderer. Errors are expected; a crash is a bug.
/// `vigie init`'s profiling runs on it too.
@main
enum Main {
    static func main() { runFuzzer { data, count in fuzzCSV(fuzzBytes(data, count)) } }
}

func fuzzCSV(_ input: UnsafeRawBufferPointer) -> CInt {
    let path = FuzzFiles.write(input, as: "data.csv")
    _ = try? SpecInference.draft(path: path, sampleRows: 200)
    guard let header = try? CSVReader(path: path).header, header.count >= 2 else { return 0 }
    let q = FuzzFiles.yaml
    var specs: [String] = []
    var decision = "version: 1\ndata: \(q(path))\nprotected:\n  - column: \(q(header[0]))\n"
    if header.count >= 5 { decision += "  - column: \(q(header[4]))\n    quantiles: 3\n" }
    decision += "decision: \(q(header[1]))\n"
    if header.count >= 3 { decision += "score: \(q(header[2]))\n" }
    if header.count >= 4 { decision += "weight: \(q(header[3]))\n" }
    specs.append(decision)
    if header.count >= 5 {
        let tariff = FuzzFiles.fixed("tariff.yaml", Seeds.tariff), rule = FuzzFiles.fixed("rule.yaml", Seeds.rule)
        specs.append("""
        version: 1
        data: \(q(path))
        protected: [\(q(header[0]))]
        allocation: {column: \(q(header[1])), per: \(q(header[2])), need: \(q(header[3]))}
        income: \(q(header[3]))
        rank_by: \(q(header[3]))
        tariff: {model: \(q(tariff)), meter: \(q(header[0]))}
        drought: {rule: \(q(rule)), level: \(q(header[4]))}
        bootstrap: {replicates: 20, seed: 1}

        """)
    }
    for text in specs {
        guard let spec = try? AuditSpec(yaml: text, file: FuzzFiles.folder + "/spec.yaml"),
              let (store, _) = try? AuditPipeline.load(spec),
              let result = try? AuditPipeline.compute(store: store, spec: spec, threads: 1) else { continue }
        _ = try? AuditPipeline.render(result, spec: spec)
    }
    return 0
}

enum Seeds {
    static let tariff = """
    name: t
    meters:
      individuel: {subscription: 18, blocks: [{up_to: 15, price: 0}, {up_to: 120, price: 0.95}, {price: 2.7}]}
      collectif: {subscription: 2, blocks: [{price: 1.16}]}
    sanitation: 2.31
    vat: 0.055

    """
    static let rule = """
    name: r
    protected_per_person: 25
    reductions: {vigilance: 0, alerte: 0.1, alerte_renforcee: 0.25, crise: 0.5}

    """
}

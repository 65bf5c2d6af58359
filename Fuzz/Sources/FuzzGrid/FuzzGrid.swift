import AuditApplication
import AuditData
import AuditReport
import DecisionModels
import FuzzSupport
import Foundation

/// The points grid's YAML reader and everything a grid drives: the input is a grid; one that
/// reads is run on 40 fixed applicants — scoring (BLAS), allocation, the model audit and its
/// reports, and one applicant's explanation in both languages.
@main
enum Main {
    static func main() { runFuzzer { data, count in fuzzGrid(fuzzBytes(data, count)) } }
}

func fuzzGrid(_ input: UnsafeRawBufferPointer) -> CInt {
    guard let text = fuzzText(input), (try? PointsGrid(yaml: text)) != nil else { return 0 }
    let grid = FuzzFiles.write(input, as: "grid.yaml")
    let applicants = FuzzFiles.fixed("applicants.csv", Applicants.csv)
    let spec = "version: 1\ndata: \(FuzzFiles.yaml(applicants))\nprotected: [sexe, nationalite]\nmodel: \(FuzzFiles.yaml(grid))\n"
    if let spec = try? AuditSpec(yaml: spec), let (store, loaded) = try? AuditPipeline.load(spec),
       let result = try? AuditPipeline.compute(store: store, spec: spec, threads: 1),
       let model = try? AuditPipeline.computeModel(store: store, spec: spec, result: result, grid: loaded) {
        _ = try? AuditPipeline.render(result, model: model, spec: spec)
    }
    if let parsed = try? PointsGrid(yaml: text), let explanation = try? ApplicantExplanation.explain(grid: parsed, csvPath: applicants, id: "A7") {
        for language in ReportLanguage.allCases { _ = ExplanationReport.markdown(explanation, language: language) }
    }
    return 0
}

enum Applicants {
    /// 40 applicants with the columns the seed grids read.
    static let csv: String = {
        var text = "id,sexe,nationalite,dalo,anciennete,situation,taux,typologie,attribue,date_depot,date_attribution\n"
        for i in 0..<40 {
            let situation = ["hotel", "sans_abri", "locataire"][i % 3]
            text += "A\(i),\(i % 2 == 0 ? "F" : "M"),\(["FR", "UE", "hors_UE"][i % 3]),\(i % 5 == 0 ? "oui" : "non"),\(i * 3),\(situation),"
            text += "\(Double(i % 10) / 10),T\(1 + i % 3),\(i % 4 == 0 ? 1 : 0),2023-0\(1 + i % 9)-1\(i % 10),\(i % 4 == 0 ? "2024-02-01" : "")\n"
        }
        return text
    }()
}

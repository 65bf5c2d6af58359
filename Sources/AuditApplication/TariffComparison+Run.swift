import AuditAssessment
import AuditReport
import AuditData
import AuditMetrics
import DecisionModels
import Foundation

extension TariffComparison {
    /// Loads the data of `spec` and compares the two tariffs on it (`vigie compare --tariff A --tariff B`).
    public static func run(spec: AuditSpec, tariffA: String, tariffB: String) throws -> (rows: [Row], names: (String, String)) {
        guard let meter = spec.models.tariff?.meter else { throw SpecError(key: "--meter", problem: .sentence(.tariffMeterOption, arguments: [:])) }
        guard let allocation = spec.data.allocation else { throw SpecError(key: "--allocation", problem: .sentence(.tariffVolumeOption, arguments: [:])) }
        let a = try WaterTariff(contentsOfFile: tariffA), b = try WaterTariff(contentsOfFile: tariffB)
        let store = try AuditPipeline.load(spec).store
        guard let volumes = store.numbers[allocation.column]?.values else {
            throw SpecError(key: "allocation", problem: .sentence(.tariffVolumeNotLoaded, arguments: ["column": "\(allocation.column)"]))
        }
        let persons = allocation.per.flatMap { store.numbers[$0]?.values }
        let billsA = try AllocationPipeline.bills(a, store: store, volumes: volumes, meterColumn: meter, persons: persons)
        let billsB = try AllocationPipeline.bills(b, store: store, volumes: volumes, meterColumn: meter, persons: persons)
        let income = spec.data.income.flatMap { store.numbers[$0]?.values }
        return (compare(store: store, billsA: billsA, billsB: billsB, income: income, minimumCellSize: spec.analysis.minCellSize), (a.name, b.name))
    }
}

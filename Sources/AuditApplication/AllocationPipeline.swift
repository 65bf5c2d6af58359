import AuditAssessment
import AuditReport
import AuditData
import AuditMetrics
import DecisionModels
import Foundation

/// Runs the decision models of an allocation audit on the data — the tariff that turns
/// volumes into bills, the drought rule that cuts them — and the allocation analysis.
public enum AllocationPipeline {
    /// The allocation audit of `result`'s data under the spec's decision models (`models`),
    /// or nil when the spec has no allocation.
    public static func run(store: ColumnStore, result: AuditResult, models spec: DecisionModelSpec, threads: Int) throws -> AllocationResult? {
        // The water audit's columns as arrays (`NumberColumn.values`: shared when dense, a copy when coded).
        guard let allocationSpec = result.data.allocation, let volumes = store.numbers[allocationSpec.column]?.values else { return nil }
        let persons = allocationSpec.per.flatMap { store.numbers[$0]?.values }
        var extras = AllocationAnalysis.Extras()
        if let tariffSpec = spec.tariff {
            let tariff = try WaterTariff(contentsOfFile: tariffSpec.path)
            let bills = try Self.bills(tariff, store: store, volumes: volumes, meterColumn: tariffSpec.meter, persons: persons)
            extras.bill = bills.map { $0?.total ?? .nan }
            extras.waterCharge = bills.map { $0?.water ?? .nan }
            extras.benefit = ("free_volume", bills.map { $0?.freeVolume ?? .nan })
            if let income = result.data.income.flatMap({ store.numbers[$0]?.values }) {
                extras.effortRate = zip(bills, income).map { bill, income in
                    guard let bill, income.isFinite, income > 0 else { return .nan }
                    return bill.total / income
                }
            }
        }
        if let droughtSpec = spec.drought {
            let rule = try DroughtRule(contentsOfFile: droughtSpec.path)
            guard let column = store.categories[droughtSpec.level] else {
                throw SpecError(key: "drought.level", problem: .sentence(.droughtLevelNotLoaded, arguments: ["column": "\(droughtSpec.level)"]))
            }
            let levels: [DroughtLevel?] = try Self.read(column, in: store, as: DroughtLevel.self, what: "a restriction level")
            extras.droughtReduction = (0..<store.rowCount).map { r in
                let v = volumes[r]
                guard v.isFinite, let level = levels[Int(column.codes[r])] else { return .nan }
                return v - rule.restrictedVolume(volume: v, persons: Self.people(persons, r), level: level)
            }
        }
        return AllocationAnalysis.run(store: store, result: result, quantity: allocationSpec.column, values: volumes, extras: extras, threads: threads)
    }

    /// Each code of a model's categorical column read as one of the model's values (nil for
    /// the missing code); a value the model does not know is an error at the first line where
    /// it appears.
    static func read<Value: RawRepresentable & CaseIterable>(_ column: GroupColumn, in store: ColumnStore, as _: Value.Type,
                                                              what: String) throws -> [Value?] where Value.RawValue == String {
        let firstRows = column.firstRows
        return try column.groups.indices.map { code in
            guard UInt32(code) != column.unknownCode else { return nil }
            guard let value = Value(rawValue: column.groups[code]) else {
                throw store.error(row: firstRows[code], column: column.attribute,
                                  "expected \(what) (\(Value.allCases.map(\.rawValue).joined(separator: ", "))), found '\(column.groups[code])'")
            }
            return value
        }
    }

    /// Each household's bill under `tariff` (nil where the volume or the meter type is missing);
    /// `persons` is the household-size column, if any.
    public static func bills(_ tariff: WaterTariff, store: ColumnStore, volumes: [Double], meterColumn: String, persons: [Double]?) throws -> [WaterBill?] {
        guard let column = store.categories[meterColumn] else {
            throw SpecError(key: "tariff.meter", problem: .sentence(.tariffMeterColumnNotLoaded, arguments: ["column": "\(meterColumn)"]))
        }
        let meters: [MeterType?] = try Self.read(column, in: store, as: MeterType.self, what: "a meter type")
        return (0..<store.rowCount).map { r -> WaterBill? in
            guard volumes[r].isFinite, let meter = meters[Int(column.codes[r])] else { return nil }
            return tariff.bill(volume: volumes[r], meter: meter, persons: Self.people(persons, r))
        }
    }

    /// Household r's size as a whole number of people: its `per` value rounded to the nearest
    /// (the loader keeps sizes in (0, 1,000,000], `AllocationSpec.largestHouseholdSize`); 1 when
    /// the size is missing or there is no `per` column, as the analysis counts it.
    static func people(_ persons: [Double]?, _ r: Int) -> Int {
        guard let value = persons?[r], value.isFinite else { return 1 }
        let bounded = min(max(value, 0), AllocationSpec.largestHouseholdSize).rounded()
        return Int(exactly: bounded) ?? 1
    }
}

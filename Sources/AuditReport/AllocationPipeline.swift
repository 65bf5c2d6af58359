import AuditData
import AuditMetrics
import DecisionModels
import Foundation

/// Runs the decision models of an allocation audit on the data — the tariff that turns
/// volumes into bills, the drought rule that cuts them — and the allocation analysis.
public enum AllocationPipeline {
    /// The allocation audit of `result`'s data, or nil when the spec has no allocation.
    public static func run(store: ColumnStore, result: AuditResult, threads: Int) throws -> AllocationResult? {
        let spec = result.spec
        guard let allocationSpec = spec.allocation, let volumes = store.numeric[.allocation] else { return nil }
        let persons = store.numeric[.per]
        var extras = AllocationAnalysis.Extras()
        if let tariffSpec = spec.tariff {
            let tariff = try WaterTariff(contentsOfFile: tariffSpec.model)
            let bills = try Self.bills(tariff, store: store, volumes: volumes, meterColumn: tariffSpec.meter)
            extras.bill = bills.map { $0?.total ?? .nan }
            extras.benefit = ("free_volume", bills.map { $0?.freeVolume ?? .nan })
            if let income = store.numeric[.income] {
                extras.effortRate = zip(bills, income).map { bill, income in
                    guard let bill, income.isFinite, income > 0 else { return .nan }
                    return bill.total / income
                }
            }
        }
        if let droughtSpec = spec.drought {
            let rule = try DroughtRule(contentsOfFile: droughtSpec.rule)
            guard let (codes, levels) = store.categorical[.droughtLevel] else {
                throw SpecError(key: "drought.level", message: "the restriction-level column '\(droughtSpec.level)' was not loaded")
            }
            var parsed: [DroughtLevel?] = []
            for label in levels {
                guard let level = DroughtLevel(rawValue: label) else {
                    throw SpecError(key: "drought.level", message: "column '\(droughtSpec.level)' holds '\(label)'; expected one of \(DroughtLevel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                parsed.append(level)
            }
            extras.droughtReduction = (0..<store.rowCount).map { r in
                let v = volumes[r]
                guard v.isFinite, codes[r] != UInt32.max, let level = parsed[Int(codes[r])] else { return .nan }
                let p = persons.map { Int($0[r].isFinite ? $0[r].rounded() : 1) } ?? 1
                return v - rule.restrictedVolume(volume: v, persons: p, level: level)
            }
        }
        return AllocationAnalysis.run(store: store, result: result, quantity: allocationSpec.column, values: volumes, extras: extras, threads: threads)
    }

    /// Each household's bill under `tariff` (nil where the volume is missing).
    public static func bills(_ tariff: WaterTariff, store: ColumnStore, volumes: [Double], meterColumn: String) throws -> [WaterBill?] {
        guard let (codes, levels) = store.categorical[.meter] else {
            throw SpecError(key: "tariff.meter", message: "the meter-type column '\(meterColumn)' was not loaded")
        }
        var meters: [MeterType] = []
        for label in levels {
            guard let meter = MeterType(rawValue: label) else {
                throw SpecError(key: "tariff.meter", message: "column '\(meterColumn)' holds '\(label)'; expected one of \(MeterType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            meters.append(meter)
        }
        let persons = store.numeric[.per]
        return (0..<store.rowCount).map { r -> WaterBill? in
            guard volumes[r].isFinite, codes[r] != UInt32.max else { return nil }
            let p = persons.map { Int($0[r].isFinite ? $0[r].rounded() : 1) } ?? 1
            return tariff.bill(volume: volumes[r], meter: meters[Int(codes[r])], persons: p)
        }
    }
}

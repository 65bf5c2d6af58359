import AuditAssessment
import AuditReport
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
            extras.waterCharge = bills.map { $0?.water ?? .nan }
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
            for (i, label) in levels.enumerated() {
                guard let level = DroughtLevel(rawValue: label) else {
                    throw Self.badValue(store, .droughtLevel, level: i, label: label, expected: DroughtLevel.allCases.map(\.rawValue), what: "a restriction level")
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

    /// An error at the first line where a value the model cannot read appears.
    static func badValue(_ store: ColumnStore, _ role: ColumnStore.ColumnRole, level: Int, label: String, expected: [String], what: String) -> CSVError {
        let origin = store.categoricalOrigin[role]
        return CSVError(file: store.source.path, line: origin.flatMap { level < $0.firstLines.count ? $0.firstLines[level] : nil },
                        column: origin?.column, columnName: origin?.name,
                        message: "expected \(what) (\(expected.joined(separator: ", "))), found '\(label)'")
    }

    /// Each household's bill under `tariff` (nil where the volume is missing).
    public static func bills(_ tariff: WaterTariff, store: ColumnStore, volumes: [Double], meterColumn: String) throws -> [WaterBill?] {
        guard let (codes, levels) = store.categorical[.meter] else {
            throw SpecError(key: "tariff.meter", message: "the meter-type column '\(meterColumn)' was not loaded")
        }
        var meters: [MeterType] = []
        for (i, label) in levels.enumerated() {
            guard let meter = MeterType(rawValue: label) else {
                throw Self.badValue(store, .meter, level: i, label: label, expected: MeterType.allCases.map(\.rawValue), what: "a meter type")
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

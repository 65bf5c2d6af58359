import AuditData
import Foundation

/// A tariff applied to the allocation (volumes) to audit the bills it produces (spec `tariff:`).
public struct TariffSpec: Sendable, Equatable {
    /// Path of the tariff file (`model:`, YAML); relative to the spec's folder.
    public var path: String
    /// The meter-type column (`individuel` / `collectif`).
    public var meter: String

    public init(path: String, meter: String) {
        self.path = path
        self.meter = meter
    }
}

import AuditData

/// A points grid to run and audit itself (spec `model:`, `docs/model.md`): its scores, its
/// allocation, what drives its gaps, and the waiting times when dates are given.
public struct GridSpec: Sendable, Equatable {
    /// Path of the points-grid file (`grid:`, YAML); relative to the spec's folder.
    public var path: String
    /// The application-date column (ISO `YYYY-MM-DD`), for time to allocation.
    public var applicationDate: String?
    /// The allocation-date column (empty while still waiting: censored).
    public var allocationDate: String?
    /// Waiting times are censored at this date (ISO); by default the latest date in either column.
    public var asOf: String?

    public init(path: String, applicationDate: String? = nil, allocationDate: String? = nil, asOf: String? = nil) {
        self.path = path
        self.applicationDate = applicationDate
        self.allocationDate = allocationDate
        self.asOf = asOf
    }
}

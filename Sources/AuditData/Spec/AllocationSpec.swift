/// A continuous allocation to audit (water volumes, subsidies, bills): how much each
/// household received, and optionally what it needed and how many people it counts.
public struct AllocationSpec: Sendable, Equatable {
    /// The allocation column (numeric, ≥ 0 for the inequality indices).
    public var column: String
    /// An essential-need column: households below it are in shortfall.
    public var need: String?
    /// A household-size column: per-capita allocation is Σ allocation / Σ persons.
    public var per: String?

    public init(column: String, need: String? = nil, per: String? = nil) {
        self.column = column
        self.need = need
        self.per = per
    }
}

/// A tariff applied to the allocation (volumes) to audit the bills it produces.
public struct TariffSpec: Sendable, Equatable {
    /// Path of the tariff model (YAML); relative to the spec's folder.
    public var model: String
    /// The meter-type column (`individuel` / `collectif`).
    public var meter: String

    public init(model: String, meter: String) {
        self.model = model
        self.meter = meter
    }
}

/// A drought restriction applied to the allocation (volumes).
public struct DroughtSpec: Sendable, Equatable {
    /// Path of the restriction rule (YAML); relative to the spec's folder.
    public var rule: String
    /// The column holding each household's restriction level.
    public var level: String

    public init(rule: String, level: String) {
        self.rule = rule
        self.level = level
    }
}

/// A decision model to run and audit itself (a points grid, `docs/model.md`): its scores,
/// its allocation, what drives its gaps, and the waiting times when dates are given.
public struct ModelSpec: Sendable, Equatable {
    /// Path of the points-grid model (YAML); relative to the spec's folder.
    public var grid: String
    /// The application-date column (ISO `YYYY-MM-DD`), for time to allocation.
    public var applicationDate: String?
    /// The allocation-date column (empty while still waiting: censored).
    public var allocationDate: String?
    /// Waiting times are censored at this date (ISO); by default the latest date in either column.
    public var asOf: String?

    public init(grid: String, applicationDate: String? = nil, allocationDate: String? = nil, asOf: String? = nil) {
        self.grid = grid
        self.applicationDate = applicationDate
        self.allocationDate = allocationDate
        self.asOf = asOf
    }
}

import AuditData

/// The spec's decision-model part: the models Vigie runs on the data besides auditing its
/// columns — a water tariff (`tariff:`), a drought rule (`drought:`), a points grid (`model:`).
public struct DecisionModelSpec: Sendable, Equatable {
    /// A tariff turning the allocation (volumes) into bills.
    public var tariff: TariffSpec?
    /// A drought restriction applied to the allocation (volumes).
    public var drought: DroughtSpec?
    /// A points grid to run and audit itself.
    public var grid: GridSpec?

    public init(tariff: TariffSpec? = nil, drought: DroughtSpec? = nil, grid: GridSpec? = nil) {
        self.tariff = tariff
        self.drought = drought
        self.grid = grid
    }

    /// Checks what the part alone can: both waiting-time dates or neither.
    public func validate() throws(SpecError) {
        if let grid, (grid.applicationDate == nil) != (grid.allocationDate == nil) {
            throw SpecError(key: "model", message: "give both application_date and allocation_date, or neither")
        }
    }
}

import AuditData

/// The spec's decision-model part: the models Vigie runs on the data besides auditing its
/// columns — a water tariff (`tariff:`), a drought rule (`drought:`), a points grid (`model:`) —
/// and what `vigie amend` searches for in that grid (`amend:`).
public struct DecisionModelSpec: Sendable, Equatable {
    /// A tariff turning the allocation (volumes) into bills.
    public var tariff: TariffSpec?
    /// A drought restriction applied to the allocation (volumes).
    public var drought: DroughtSpec?
    /// A points grid to run and audit itself.
    public var grid: GridSpec?
    /// What `vigie amend` searches for (`amend:`); the audit does not read it.
    public var amend: AmendSpec?

    public init(tariff: TariffSpec? = nil, drought: DroughtSpec? = nil, grid: GridSpec? = nil, amend: AmendSpec? = nil) {
        self.tariff = tariff
        self.drought = drought
        self.grid = grid
        self.amend = amend
    }

    /// Checks what the part alone can: both waiting-time dates or neither.
    public func validate() throws(SpecError) {
        if let grid, (grid.applicationDate == nil) != (grid.allocationDate == nil) {
            throw SpecError(key: "model", problem: .sentence(.specBothDates, arguments: [:]))
        }
    }
}

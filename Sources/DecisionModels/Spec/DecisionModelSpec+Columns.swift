import AuditData

extension DecisionModelSpec {
    /// The columns the allocation audit's models read besides the data part's, as store
    /// requests: the tariff's meter types and the drought rule's levels (a points grid's
    /// columns are the grid's: `ModelAudit.columnRequests`).
    public var columnRequests: [ColumnRequest] {
        var requests: [ColumnRequest] = []
        if let meter = tariff?.meter { requests.append(ColumnRequest(meter, .category)) }
        if let level = drought?.level { requests.append(ColumnRequest(level, .category)) }
        return requests
    }
}

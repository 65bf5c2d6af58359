import AuditData

extension AuditSpec {
    /// The columns the audit of this spec reads, as store requests: the data part's
    /// (`DataSpec.columnRequests`) and the allocation models' (`DecisionModelSpec.columnRequests`);
    /// a points grid adds its own (`AuditPipeline.load`).
    public var columnRequests: [ColumnRequest] {
        data.columnRequests + models.columnRequests
    }
}

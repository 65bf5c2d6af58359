import AuditData

extension AuditSpec {
    /// Checks the spec, then reads its data file once with every column its analyses read:
    /// the data part's, and the decision models' (a tariff's meter types, a drought rule's
    /// levels). `progress` is called every 65,536 rows and at the end.
    public func loadData(progress: ((LoadProgress) -> Void)? = nil) throws -> ColumnStore {
        try validate()
        return try DataLoader.load(data, meter: models.tariff?.meter, droughtLevel: models.drought?.level, progress: progress)
    }
}

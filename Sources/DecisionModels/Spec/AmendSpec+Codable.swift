import AuditData

/// `{targets, keep, max_change, step, reference, holdout}`, each checked where it is read (the
/// error names the spec file, line and column); written in the file's view only.
extension AmendSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case targets, keep, step, reference, holdout
        case maxChange = "max_change"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var targets: [AmendmentTarget] = []
        for text in try c.decodeIfPresent([String].self, forKey: .targets) ?? [] {
            do { targets.append(try AmendmentTarget(parsing: text)) } catch { throw c.failure(.targets, error.message) }
        }
        let keep = try c.decodeIfPresent([String: Double].self, forKey: .keep) ?? [:]
        for (criterion, points) in keep where !points.isFinite {
            throw c.failure(.keep, "\(criterion): expected a finite number of points, found \(points)")
        }
        let maxChange = try c.decodeIfPresent([String: Double].self, forKey: .maxChange) ?? [:]
        for (criterion, points) in maxChange.sorted(by: { $0.key < $1.key }) where !(points.isFinite && points >= 0) {
            throw c.failure(.maxChange, "\(criterion): expected points ≥ 0 (the most the criterion's points move either way), found \(points)")
        }
        let step = try c.decodeIfPresent(Double.self, forKey: .step)
        if let step, !(step.isFinite && step > 0) { throw c.failure(.step, "expected points > 0, found \(step)") }
        let holdout = try c.decodeIfPresent(String.self, forKey: .holdout)
        if holdout?.isEmpty == true { throw c.failure(.holdout, "expected a file, found an empty string") }
        self.init(targets: targets, keep: keep, maxChange: maxChange, step: step,
                  reference: try c.decodeIfPresent(String.self, forKey: .reference), holdout: holdout)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !targets.isEmpty { try c.encode(targets.map(\.text), forKey: .targets) }
        if !keep.isEmpty { try c.encode(keep, forKey: .keep) }
        if !maxChange.isEmpty { try c.encode(maxChange, forKey: .maxChange) }
        try c.encodeIfPresent(step, forKey: .step)
        try c.encodeIfPresent(reference, forKey: .reference)
        try c.encodeIfPresent(holdout, forKey: .holdout)
    }
}

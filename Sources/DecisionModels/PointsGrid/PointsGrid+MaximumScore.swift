extension PointsGrid {
    /// The highest score the grid's scale reaches, what "a mean score of 49.9" is out of:
    ///
    ///     max = max(minimumScore, Σ_{c ungrouped} max_c + Σ_G max_{c ∈ G} max_c)
    ///
    /// where `max_c` is criterion `c`'s highest points (``GridCriterion/maximumPoints``) and `G`
    /// ranges over the exclusive groups (only the best member counts). It bounds every score;
    /// it is reached when one applicant meets every criterion at its best, which real
    /// applicants rarely do. `nil` when a criterion has no maximum (``unboundedCriteria``).
    public var maximumScore: Double? {
        guard unboundedCriteria.isEmpty else { return nil }
        let group = groupOfCriterion
        var total = 0.0
        for (c, criterion) in criteria.enumerated() where group[c] == nil {
            total += criterion.maximumPoints ?? 0
        }
        for g in exclusiveGroups {
            total += g.members.compactMap { criteria.indices.contains($0) ? criteria[$0].maximumPoints : nil }.max() ?? 0
        }
        return max(minimumScore ?? -Double.infinity, total)
    }

    /// The criteria whose points have no maximum (a `per_unit` criterion with positive points
    /// per unit and no `cap`), in declared order.
    public var unboundedCriteria: [String] {
        criteria.filter { $0.maximumPoints == nil }.map(\.name)
    }
}

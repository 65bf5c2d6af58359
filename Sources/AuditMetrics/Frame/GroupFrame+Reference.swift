import AuditData

/// The reference a frame's groups are compared with, chosen by a named rule (`ReferenceRule`)
/// under the frame's eligibility, so that every output resolves `largest`, `best`, a named group
/// or the whole population the same way.
extension GroupFrame {
    /// The groups that may be chosen as a reference or enter Fairlearn's between-group
    /// aggregates: as ``eligible`` (rows, not the missing group, at least the minimum size, or
    /// every such non-empty group when none reaches it; the fixed set when one is given), but
    /// without requiring a defined value when `requireDefinedValue` is false (the `largest`
    /// reference is chosen by size alone, and the aggregates skip undefined values themselves).
    public func eligibleGroups(requireDefinedValue: Bool) -> [Int] {
        let usable = { (g: Int) in !requireDefinedValue || values[g].value != nil }
        if let fixed = eligibility.fixed { return fixed.filter(usable) }
        let known = labels.indices.filter { sizes[$0] > 0 && usable($0) && !(eligibility.excludesMissing && isMissing[$0]) }
        let large = known.filter { sizes[$0] >= eligibility.minimumSize }
        return large.isEmpty ? known : large
    }

    /// The group `rule` designates, with the reason when it needs saying.
    ///
    /// - `named`: the group of that label, if it has rows. Otherwise, on an intersection
    ///   (`fallbackWhenNamedIsAbsent`), the `largest` group with a note; on a single attribute
    ///   a `SpecError` keyed `reference` listing the groups present.
    /// - `largest`: the eligible group with the most rows (``eligibleGroups(requireDefinedValue:)``
    ///   without the value condition), the first code on a tie (Aequitas' `majority`).
    /// - `best`: the eligible group with the highest defined value (the favourable-outcome rate of
    ///   the four-fifths rule), the first code on a tie. The caller checks the value is such a rate.
    /// - `overall`: the whole population (Fairlearn's `to_overall`).
    /// When no group qualifies for `largest` or `best`, the whole population, with a note.
    public func reference(_ rule: ReferenceRule, attribute: String, fallbackWhenNamedIsAbsent: Bool) throws(SpecError) -> ResolvedReference {
        switch rule {
        case .overall:
            return ResolvedReference(rule: rule, group: nil, label: "overall")
        case .named(let name):
            if let index = labels.firstIndex(of: name), sizes[index] > 0 {
                return ResolvedReference(rule: rule, group: index, label: name)
            }
            if fallbackWhenNamedIsAbsent {
                let fallback = try reference(.largest, attribute: attribute, fallbackWhenNamedIsAbsent: false)
                return ResolvedReference(rule: rule, group: fallback.group, label: fallback.label, note: DataWarning.referenceFallbackNote(name))
            }
            let present = labels.indices.filter { sizes[$0] > 0 }.map { labels[$0] }
            throw SpecError(key: "reference", problem: .sentence(.groupNotInAttribute, arguments: ["name": "\(name)", "attribute": "\(attribute)", "groups": "\(present.joined(separator: ", "))"]))
        case .largest:
            var best: Int?
            for g in eligibleGroups(requireDefinedValue: false) where best.map({ sizes[g] > sizes[$0] }) ?? true { best = g }
            guard let best else {
                return ResolvedReference(rule: rule, group: nil, label: "overall", note: "no known group has rows; the whole population is used")
            }
            return ResolvedReference(rule: rule, group: best, label: labels[best])
        case .best:
            var best: Int?
            for g in eligible {
                guard let v = values[g].value else { continue }
                if let b = best, let bv = values[b].value, bv >= v { continue }
                best = g
            }
            guard let best else {
                return ResolvedReference(rule: rule, group: nil, label: "overall", note: "no group has a defined rate; the whole population is used")
            }
            return ResolvedReference(rule: rule, group: best, label: labels[best])
        }
    }
}

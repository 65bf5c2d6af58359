import AuditData
import AuditMetrics

/// The groups of the protected attribute an amendment is measured on: row-aligned codes
/// (`unknown` left out, −1), each group's size, which groups are **eligible** (at least
/// `min_group_size` and `min_cell_size` rows, not `unknown`: the audit's impact-ratio rule,
/// and no rate that disclosure control would suppress), and the reference group of score gaps.
public struct AmendmentGroups: Sendable, Equatable {
    /// The attribute (column) name.
    public let attribute: String
    public let labels: [String]
    /// Group of each row, −1 for a missing value (`unknown`).
    public let codes: [Int32]
    public let counts: [Int]
    /// Eligible groups, in label order.
    public let eligible: [Int]
    /// The reference group of score gaps: the one named, else the largest eligible group (the
    /// first label on a tie).
    public let reference: Int
    /// The mandated priority each group holds (`MandatedPriority.favours`, against the reference
    /// above): a group is never compared, for its impact ratio, with a priority group it does
    /// not belong to (the audit's `RatioEligibility`). Empty sets when none is declared for the attribute.
    public let priorities: [Set<String>]

    /// - Throws: `SpecError` keyed `--reference` for a group not in the data; keyed `--target`
    ///   when fewer than two groups are eligible (no impact ratio or gap can be measured) or,
    ///   for a score-gap target, the reference is not eligible.
    /// - Parameter mandated: the attribute's mandated priority (`system.mandated_priorities`), if any.
    public init(attribute: GroupColumn, reference name: String?, minGroupSize: Int, minCellSize: Int, targets: [AmendmentTarget],
                mandated: MandatedPriority? = nil) throws(SpecError) {
        let labels = attribute.groups
        let codes = attribute.codesLeavingOutUnknown
        var counts = [Int](repeating: 0, count: labels.count)
        for c in codes where c >= 0 { counts[Int(c)] += 1 }
        let floor = max(minGroupSize, minCellSize, 1)
        let eligible = labels.indices.filter { counts[$0] >= floor }
        self.attribute = attribute.attribute
        self.labels = labels
        self.codes = codes
        self.counts = counts
        self.eligible = eligible
        guard eligible.count >= 2 else {
            let sizes = labels.indices.map { "\(labels[$0]) (\(counts[$0]))" }.joined(separator: ", ")
            throw SpecError(key: "--target", problem: .sentence(.amendTooFewGroups, arguments: ["attribute": "\(attribute.attribute)", "count": "\(eligible.count)", "floor": "\(floor)", "sizes": "\(sizes)"]))
        }
        if let name {
            guard let r = labels.firstIndex(of: name), UInt32(r) != attribute.unknownCode else {
                throw SpecError(key: "--reference", problem: .sentence(.amendGroupNotInData, arguments: ["name": "\(name)", "attribute": "\(attribute.attribute)", "groups": "\(labels.joined(separator: ", "))"]))
            }
            self.reference = r
        } else {
            var best = eligible[0]
            for g in eligible where counts[g] > counts[best] { best = g }
            self.reference = best
        }
        let reference = self.reference
        priorities = labels.indices.map { g in
            guard let mandated, mandated.favours(labels[g], isMissing: false, reference: labels[reference]) else { return [] }
            return [mandated.attribute]
        }
        if targets.contains(where: { switch $0 { case .scoreGapAtMost, .topKShareRatioAtLeast: true; default: false } }), !eligible.contains(reference) {
            throw SpecError(key: "--target", problem: .sentence(.amendReferenceSmall, arguments: ["reference": "\(labels[reference])", "count": "\(counts[reference])", "floor": "\(floor)"]))
        }
    }
}

import AuditData
import AuditMetrics

extension GridGroupDisparity {
    /// The disparities of every group of `attribute` for one score column and
    /// its selection (both `rows` long, row-aligned with `attribute.codes`), in
    /// the order of `attribute.groups`. Formulas: ``GridGroupDisparity``.
    ///
    /// - Parameter reference: index of the reference group in `attribute.groups`.
    /// - Parameter priorities: the mandated priorities each group holds (by code), as the audit's
    ///   groups do; empty when none is declared.
    /// - Parameter counts: the rows of each group (`attribute.counts`), the same for every variant.
    static func compute(attribute: GroupColumn, counts: [Int], reference: Int, minGroupSize: Int, priorities: [Set<String>]? = nil,
                        scores: UnsafeBufferPointer<Double>, selected: ArraySlice<Bool>) -> [GridGroupDisparity] {
        let k = attribute.groups.count
        var chosen = [Int](repeating: 0, count: k)
        var sums = [Double](repeating: 0, count: k)
        // Each group's score sum in row order (the bits of a plain loop); the selected counted
        // without a branch (a variant selects few, unpredictably).
        let rowCount = attribute.codes.count
        attribute.codes.withRawCodes { codes, shift, mask in
            selected.withUnsafeBufferPointer { picked in
                chosen.withUnsafeMutableBufferPointer { chosen in
                    sums.withUnsafeMutableBufferPointer { sums in
                        for row in 0..<rowCount {
                            let g = Int(codes.loadUnaligned(fromByteOffset: row &<< shift, as: UInt32.self) & mask)
                            chosen[g] &+= Int(unsafeBitCast(picked[row], to: UInt8.self))
                            sums[g] += scores[row]
                        }
                    }
                }
            }
        }
        return disparities(attribute: attribute, counts: counts, reference: reference, minGroupSize: minGroupSize, priorities: priorities,
                           chosen: chosen[...], sums: sums[...])
    }

    /// The disparities of every group of `attribute` from its groups' selected rows (`chosen`)
    /// and score sums (`sums`), in the order of `attribute.groups` (slices of a
    /// ``GroupSlots/Tally``, or of the plain loop above). Formulas: ``GridGroupDisparity``.
    static func disparities(attribute: GroupColumn, counts: [Int], reference: Int, minGroupSize: Int, priorities: [Set<String>]?,
                            chosen: ArraySlice<Int>, sums: ArraySlice<Double>) -> [GridGroupDisparity] {
        let k = attribute.groups.count
        let chosen = Array(chosen), sums = Array(sums)
        let rates: [MetricValue] = (0..<k).map { g in
            .ratio(Double(chosen[g]), Double(counts[g]), reason: "empty group: n = 0")
        }
        let means: [MetricValue] = (0..<k).map { g in
            .ratio(sums[g], Double(counts[g]), reason: "empty group: n = 0")
        }
        // The audit's impact ratio (`GroupFrame`, `RatioEligibility`): the missing group, found
        // by its code, is never the most favoured group, nor a group under min_group_size
        // (unless none reaches it), nor a priority group the compared group does not belong to.
        let frame = GroupFrame(labels: attribute.groups, values: rates, sizes: counts,
                               isMissing: (0..<k).map { UInt32($0) == attribute.unknownCode }, priorities: priorities,
                               eligibility: RatioEligibility(minimumSize: minGroupSize))
        let impact = frame.mostFavouredRatios(zeroComparator: "no comparable group is selected: max rate = 0")
        return (0..<k).map { g in
            GridGroupDisparity(
                attribute: attribute.attribute, group: attribute.groups[g], count: counts[g], selected: chosen[g],
                selectionRate: rates[g], impactRatio: impact[g],
                rateDifference: difference(rates[g], rates[reference]),
                meanScore: means[g], meanScoreGap: difference(means[g], means[reference]))
        }
    }

    /// `a − b`, undefined (with the first reason) when either is.
    static func difference(_ a: MetricValue, _ b: MetricValue) -> MetricValue {
        guard let x = a.value else { return .undefined(reason: a.reason ?? "undefined") }
        guard let y = b.value else { return .undefined(reason: "reference: " + (b.reason ?? "undefined")) }
        return .defined(x - y)
    }
}

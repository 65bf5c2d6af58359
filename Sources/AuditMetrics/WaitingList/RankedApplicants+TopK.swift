extension RankedApplicants {
    /// Each group's ``TopKShare`` (by code) for the first `k` positions.
    /// - Throws: ``WaitingListInputError/invalidParameter(name:expected:)`` when k is not in 0…n.
    public func topKShares(k: Int, level: Double = 0.95) throws -> [TopKShare] {
        guard k >= 0, k <= count else { throw WaitingListInputError.invalidParameter(name: "k", expected: "a number of allocated units in 0...\(count)") }
        var inTop = [Int](repeating: 0, count: groupLabels.count)
        for g in order.prefix(k) { inTop[Int(g)] += 1 }
        return groupLabels.indices.map { TopKShare(inTopK: inTop[$0], k: k, applicants: groupSizes[$0], total: count, level: level) }
    }
}

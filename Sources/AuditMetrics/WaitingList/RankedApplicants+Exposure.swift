import Foundation

extension RankedApplicants {
    /// The exposure of position r: 1/log₂(1 + r) (Singh & Joachims 2018; the DCG discount).
    public static func exposure(atPosition r: Int) -> Double { 1 / log2(1 + Double(r)) }

    /// Each group's ``GroupExposure`` (by code). Sums run in position order.
    public func exposures() -> [GroupExposure] {
        var totals = [Double](repeating: 0, count: groupLabels.count)
        var overall = 0.0
        for (i, g) in order.enumerated() {
            let e = Self.exposure(atPosition: i + 1)
            totals[Int(g)] += e
            overall += e
        }
        return groupLabels.indices.map { GroupExposure(applicants: groupSizes[$0], totalExposure: totals[$0], overallExposure: overall, total: count) }
    }
}

import AuditMetrics
import Testing

/// The relative wait (`RelativeWait`, `docs/scan.md`), by hand.
@Suite("ScanRelativeWait")
struct ScanRelativeWaitTests {
    /// Two strata. Stratum 0: allocated waits 1, 2, 3, 4, 50 (median 3), relative waits
    /// 3 − w = 2, 1, 0, −1, −47, and one applicant still waiting (100 months, censored) who is
    /// left out and does not move the median. Stratum 7: waits 6 and 8, median (6 + 8)/2 = 7,
    /// relative waits 1 and −1.
    @Test func medianOfTheStratumMinusTheWait() {
        let strata: [Int32] = [0, 0, 7, 0, 0, 0, 7, 0]
        let months: [Double] = [1, 2, 6, 3, 4, 50, 8, 100]
        let allocated: [UInt8] = [1, 1, 1, 1, 1, 1, 1, 0]
        let r = RelativeWait.compute(strata: strata, months: months, allocated: allocated)
        #expect(r.rows == [0, 1, 2, 3, 4, 5, 6])
        #expect(r.outcome == [2, 1, 1, 0, -1, -47, -1])
    }

    /// An even stratum: waits 2.5, 10, 4, 7 → median (4 + 7)/2 = 5.5, outcomes 3, −4.5, 1.5, −1.5.
    @Test func evenCount() {
        let r = RelativeWait.compute(strata: [3, 3, 3, 3], months: [2.5, 10, 4, 7], allocated: [1, 1, 1, 1])
        #expect(r.outcome == [3, -4.5, 1.5, -1.5])
    }

    @Test func nobodyAllocated() {
        let r = RelativeWait.compute(strata: [0, 0], months: [3, 4], allocated: [0, 0])
        #expect(r.rows.isEmpty && r.outcome.isEmpty)
    }
}

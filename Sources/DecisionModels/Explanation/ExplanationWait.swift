/// The average wait of comparable applications (DRIHL: the applicant is told
/// the *durée moyenne d'attente* of similar applications; CCH R441-2-10 5°).
///
/// Over the allocated applications of the applicant's segment (those with an
/// allocation date), wait in months = (allocation date − application date) in
/// days / 30.4375 (the mean Gregorian month, 365.25 / 12 days). Given only
/// when at least `minimumCount` such applications exist (disclosure control).
public enum ExplanationWait: Sendable, Equatable {
    /// The grid declares no `dates:` columns.
    case notDeclared
    /// Fewer than `minimumCount` comparable allocated applications: not given.
    case suppressed(count: Int, minimumCount: Int)
    /// Mean and median wait in months over `count` comparable allocated applications.
    case available(count: Int, meanMonths: Double, medianMonths: Double)
}

extension ExplanationWait {
    /// Mean and median wait in months over `waitDays` (`nil`: no `dates:`), or why they are not given.
    init(waitDays: [Int]?, minimumCount: Int) {
        guard let waitDays else { self = .notDeclared; return }
        guard waitDays.count >= max(minimumCount, 1) else { self = .suppressed(count: waitDays.count, minimumCount: minimumCount); return }
        let months = waitDays.sorted().map { Double($0) / ApplicantExplanation.daysPerMonth }
        let n = months.count
        let mean = months.reduce(0, +) / Double(n)
        let median = n % 2 == 1 ? months[n / 2] : (months[n / 2 - 1] + months[n / 2]) / 2
        self = .available(count: n, meanMonths: mean, medianMonths: median)
    }
}

import Foundation

/// The Kaplan–Meier estimate of the share of applicants still waiting, Ŝ(t), for one group,
/// with Greenwood's variance, and the median wait with its Brookmeyer–Crowley interval.
///
/// Matches lifelines 0.30 `KaplanMeierFitter` (`survival_function_`, `confidence_interval_`,
/// `median_survival_time_`, `median_survival_times(confidence_interval_)`).
public struct KaplanMeier: Sendable, Equatable {
    /// One point per distinct observed time, ascending.
    public let curve: [KaplanMeierPoint]
    /// Applicants and allocations (events).
    public let n: Int
    public let events: Int
    /// The median wait: the first time t with Ŝ(t) ≤ 0.5 (lifelines' `qth_survival_time`;
    /// R's `survfit` takes the midpoint when Ŝ stays exactly at 0.5 over an interval), the
    /// comparison with ½ being exact (``firstIndexAtMostHalf(_:)``).
    /// Undefined when Ŝ never falls to 0.5.
    public let medianWait: MetricValue
    /// Brookmeyer & Crowley (1982, Biometrics 38:29–41) interval of the median, read where the
    /// pointwise log(−log) bands cross 0.5: the lower limit is the first time the lower band is
    /// ≤ 0.5, the upper limit the first time the upper band is (as lifelines; R `survfit` with
    /// `conf.type = "log-log"`). The upper limit is undefined when the upper band never falls to 0.5.
    public let medianLower: MetricValue
    public let medianUpper: MetricValue

    /// The sufficient statistics of a curve: at each distinct time where it has rows, ascending,
    /// the allocations (events) and the rows leaving the risk set there (allocated or censored).
    /// A group's curve needs only these — a few thousand entries for waits counted in days,
    /// whatever the number of applicants (issue 21).
    public struct Counts: Sendable, Equatable {
        public private(set) var times: [Double] = []
        public private(set) var events: [Int] = []
        public private(set) var removed: [Int] = []

        public init() {}

        /// Appends the next distinct time, after every time already given: `events` of the
        /// `removed` rows allocated there (0 ≤ events ≤ removed, removed ≥ 1).
        public mutating func append(time: Double, events d: Int, removed r: Int) {
            precondition(r >= 1 && d >= 0 && d <= r && (times.last.map { $0 < time } ?? true), "a later time, with 0 ≤ events ≤ removed ≥ 1")
            times.append(time)
            events.append(d)
            removed.append(r)
        }

        /// The counts of ascending times with their event flags (1 allocated, 0 censored): one
        /// entry per run of equal times, at the run's first time.
        public init(sortedTimes t: [Double], events e: [UInt8]) {
            var i = 0
            while i < t.count {
                var j = i, d = 0
                while j < t.count, t[j] == t[i] { d += Int(e[j]); j += 1 }
                times.append(t[i])
                events.append(d)
                removed.append(j - i)
                i = j
            }
        }
    }

    /// From ascending times with their event flags (1 allocated, 0 censored).
    public init(sortedTimes t: [Double], events e: [UInt8], level: Double = 0.95) {
        self.init(Counts(sortedTimes: t, events: e), level: level)
    }

    /// From the counts at each distinct time (``Counts``): the same curve as from the rows.
    public init(_ counts: Counts, level: Double = 0.95) {
        let z = InferenceInput.criticalValue(level: level)
        var points: [KaplanMeierPoint] = []
        points.reserveCapacity(counts.times.count)
        let total = counts.removed.reduce(0, +)
        var atRisk = total, s = 1.0, greenwood = 0.0, totalEvents = 0
        for k in counts.times.indices {
            let d = counts.events[k], removed = counts.removed[k]
            if d > 0 {
                s *= Double(atRisk - d) / Double(atRisk)
                if d < atRisk { greenwood += Double(d) / (Double(atRisk) * Double(atRisk - d)) }
            }
            let bands = Self.logLogBands(survival: s, greenwood: greenwood, z: z)
            points.append(KaplanMeierPoint(time: counts.times[k], atRisk: atRisk, events: d, censored: removed - d, survival: s,
                                           standardError: s * greenwood.squareRoot(), lower: bands.lower, upper: bands.upper))
            atRisk -= removed
            totalEvents += d
        }
        curve = points
        n = total
        events = totalEvents
        func firstTime(_ value: (KaplanMeierPoint) -> Double) -> Double? { points.first { value($0) <= 0.5 }?.time }
        if n == 0 {
            let reason = "empty group: no applicant"
            medianWait = .undefined(reason: reason); medianLower = medianWait; medianUpper = medianWait
            return
        }
        let last = points.last.map { "\($0.time)" } ?? ""
        // Ŝ ≤ ½ decided exactly (ties can make the product exactly ½).
        medianWait = Self.firstIndexAtMostHalf(points).map { .defined(points[$0].time) }
            ?? .undefined(reason: "the share still waiting never falls to 0.5 (Ŝ = \(s) at the last observed time \(last)): the median wait is beyond the follow-up")
        medianLower = firstTime(\.lower).map { .defined($0) }
            ?? .undefined(reason: "the lower confidence band never falls to 0.5 within the follow-up")
        medianUpper = firstTime(\.upper).map { .defined($0) }
            ?? .undefined(reason: "the upper confidence band never falls to 0.5 within the follow-up")
    }

    /// Ŝ^{exp(±z·σ)} with σ = √greenwood/|ln Ŝ|; [1, 1] at Ŝ = 1, [0, 0] at Ŝ = 0.
    static func logLogBands(survival s: Double, greenwood: Double, z: Double) -> (lower: Double, upper: Double) {
        if s >= 1 { return (1, 1) }
        if s <= 0 { return (0, 0) }
        let logS = log(s)
        let sigma = greenwood.squareRoot() / abs(logS)
        return (exp(logS * exp(z * sigma)), exp(logS * exp(-z * sigma)))
    }

    /// The median's interval when both limits are defined.
    public var medianInterval: MetricInterval? {
        guard let low = medianLower.value, let high = medianUpper.value, medianWait.value != nil else { return nil }
        return MetricInterval(low: low, high: high, method: .brookmeyerCrowley)
    }
}

/// How far a criterion of the convention or an item of the law is met, on this report's evidence.
public enum AssessmentStatus: String, Sendable, Equatable, CaseIterable, Comparable {
    case met
    /// Partly evidenced, or evidence of a risk that does not settle the question.
    case attention
    case notMet = "not_met"
    /// Nothing measured and nothing declared bears on it.
    case notAssessable = "not_assessable"

    /// Severity order for combining: met < attention < not met; not assessable apart.
    var severity: Int {
        switch self {
        case .met: return 0
        case .attention: return 1
        case .notMet: return 2
        case .notAssessable: return -1
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.severity < b.severity }

    /// The combination of several parts: not assessable when every part is; otherwise the
    /// worst assessed part, raised from met to attention when some part is not assessable
    /// (a criterion cannot be met on half its evidence).
    public static func combine(_ parts: [AssessmentStatus]) -> AssessmentStatus {
        let assessed = parts.filter { $0 != .notAssessable }
        guard let worst = assessed.max() else { return .notAssessable }
        if worst == .met, assessed.count < parts.count { return .attention }
        return worst
    }

    /// The status of declared-only evidence: met when every field is declared, attention when
    /// some are, not assessable when none is.
    public static func declared(_ present: Int, of total: Int) -> AssessmentStatus {
        present == 0 ? .notAssessable : present == total ? .met : .attention
    }
}

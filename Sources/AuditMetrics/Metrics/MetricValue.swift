/// The value of a metric, or the typed reason it has none.
///
/// Vigie never reports 0, NaN or infinity for an undefined quantity (the reference tools
/// disagree here: Fairlearn returns 0 for a TPR with no positives, AIF360 0 for a PPV with
/// no predicted positives, Aequitas NaN or a capped 10.0; see `docs/toolkits.md` §2).
public enum MetricValue: Sendable, Equatable {
    /// A finite number.
    case defined(Double)
    /// No value, and why (for instance "no label-positive rows: TP+FN = 0").
    case undefined(reason: String)
    /// A value that exists but is not published: the cell it describes holds fewer people
    /// than the disclosure threshold, or its value could be recovered from published totals
    /// (complementary suppression, `DisclosureControl`). The reason says which.
    case suppressed(reason: String)
    /// A published number that is only an upper bound of the quantity: the true value is
    /// smaller but beyond what double precision resolves (a Kolmogorov–Smirnov p-value
    /// below 1e-300 is published as 1e-300). The reason says so. Never 0.
    case upperBound(Double, reason: String)

    /// The number, if defined (for an upper bound, the bound).
    public var value: Double? {
        switch self {
        case .defined(let x), .upperBound(let x, _): return x
        case .undefined, .suppressed: return nil
        }
    }

    /// The reason, if undefined, suppressed or an upper bound.
    public var reason: String? {
        switch self {
        case .defined: return nil
        case .undefined(let reason), .suppressed(let reason), .upperBound(_, let reason): return reason
        }
    }

    /// Whether the value is withheld by disclosure control.
    public var isSuppressed: Bool {
        if case .suppressed = self { return true }
        return false
    }

    /// `ok`, `undefined`, `suppressed` or `upper_bound`: the `status` column of `metrics.csv`
    /// and of `report.json` values.
    public var status: String {
        switch self {
        case .defined: return "ok"
        case .undefined: return "undefined"
        case .suppressed: return "suppressed"
        case .upperBound: return "upper_bound"
        }
    }

    /// `numerator / denominator`, undefined with `reason` when the denominator is zero.
    public static func ratio(_ numerator: Double, _ denominator: Double, reason: @autoclosure () -> String) -> MetricValue {
        guard denominator != 0 else { return .undefined(reason: reason()) }
        let x = numerator / denominator
        return x.isFinite ? .defined(x) : .undefined(reason: "not a finite number")
    }
}

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

    /// The number, if defined.
    public var value: Double? {
        if case .defined(let x) = self { return x }
        return nil
    }

    /// The reason, if undefined or suppressed.
    public var reason: String? {
        switch self {
        case .defined: return nil
        case .undefined(let reason), .suppressed(let reason): return reason
        }
    }

    /// Whether the value is withheld by disclosure control.
    public var isSuppressed: Bool {
        if case .suppressed = self { return true }
        return false
    }

    /// `ok`, `undefined` or `suppressed`: the `status` column of `metrics.csv` and of
    /// `report.json` values.
    public var status: String {
        switch self {
        case .defined: return "ok"
        case .undefined: return "undefined"
        case .suppressed: return "suppressed"
        }
    }

    /// `numerator / denominator`, undefined with `reason` when the denominator is zero.
    public static func ratio(_ numerator: Double, _ denominator: Double, reason: @autoclosure () -> String) -> MetricValue {
        guard denominator != 0 else { return .undefined(reason: reason()) }
        let x = numerator / denominator
        return x.isFinite ? .defined(x) : .undefined(reason: "not a finite number")
    }
}

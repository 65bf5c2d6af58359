/// How the reference group of an attribute is chosen; every disparity is measured against it.
///
/// The rules follow the conventions of the field (`docs/toolkits.md` §3,
/// "The reference group"): Aequitas' `predefined` and `majority`, Fairlearn's
/// `to_overall`, and the group with the highest favourable-outcome rate, which is the
/// denominator of the four-fifths rule (29 CFR 1607.4(D)).
public enum ReferenceRule: Sendable, Hashable {
    /// A group named by the auditor, e.g. `race=Caucasian` (AIF360's privileged group).
    case named(String)
    /// The group with the most rows (Aequitas' `majority`); ties go to the first group in
    /// output order. Groups below the minimum size are never chosen when another qualifies.
    case largest
    /// The group with the highest favourable-outcome rate (selection rate when the decision
    /// is favourable, one minus it when unfavourable), among groups of at least the minimum size.
    case best
    /// The whole population (Fairlearn's `method='to_overall'`).
    case overall

    /// Parses `largest`, `best`, `overall`, or any other text as a named group.
    public init(parsing text: String) {
        switch text {
        case "largest": self = .largest
        case "best": self = .best
        case "overall": self = .overall
        default: self = .named(text)
        }
    }

    /// The rule's name: `named`, `largest`, `best` or `overall`.
    public var name: String {
        switch self {
        case .named: return "named"
        default: return label
        }
    }

    /// The group a `named` rule names.
    public var namedGroup: String? {
        if case .named(let group) = self { return group }
        return nil
    }

    /// The rule as written in a spec: `largest`, `best`, `overall`, or `named: X`.
    public var label: String {
        switch self {
        case .named(let group): return "named: \(group)"
        case .largest: return "largest"
        case .best: return "best"
        case .overall: return "overall"
        }
    }
}

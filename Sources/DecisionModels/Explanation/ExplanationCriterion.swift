/// One criterion of the grid as applied to the applicant (CRPA R311-3-1-2 3°:
/// parameters and weighting "appliqués à la situation de l'intéressé").
///
/// `points` is the criterion's points for the applicant's value
/// (``GridCriterion/points(forRawValue:)``, `docs/model.md` "Scores"); it is
/// ``counted`` unless the criterion is in an exclusive group and another
/// member gave more (then ``countedPoints`` is 0).
public struct ExplanationCriterion: Sendable, Equatable {
    /// The criterion's identifier (`anciennete`).
    public var name: String
    /// French label, if declared.
    public var labelFR: String?
    /// English label, if declared.
    public var labelEN: String?
    /// The column read.
    public var column: String
    /// The rule (kind and its points).
    public var kind: GridCriterionKind
    /// The applicant's value; `nil` when missing.
    public var value: String?
    /// Whether a missing value was given 0 points (`missing: 0`, or a category criterion).
    public var missingGivesZero: Bool
    /// Points of this criterion for the value, before exclusive groups.
    public var points: Double
    /// Whether the points count in the total (false for a non-highest member of an exclusive group).
    public var counted: Bool
    /// Points counted in the total: `points` when ``counted``, else 0.
    public var countedPoints: Double
    /// Index into ``ApplicantExplanation/groups`` of the criterion's exclusive group, if any.
    public var group: Int?
    /// For a per-unit criterion with a cap: the applicant's units, the units counted
    /// (`min(value, cap / |per_unit|)`) and the cap in units.
    public var cap: ExplanationCap?
    /// The category level or band that matched, e.g. `sans_abri` or `[37, +∞)`; `nil` when none.
    public var matched: String?

    public init(name: String, labelFR: String?, labelEN: String?, column: String, kind: GridCriterionKind, value: String?,
                missingGivesZero: Bool, points: Double, counted: Bool, countedPoints: Double, group: Int?,
                cap: ExplanationCap?, matched: String?) {
        self.name = name
        self.labelFR = labelFR
        self.labelEN = labelEN
        self.column = column
        self.kind = kind
        self.value = value
        self.missingGivesZero = missingGivesZero
        self.points = points
        self.counted = counted
        self.countedPoints = countedPoints
        self.group = group
        self.cap = cap
        self.matched = matched
    }
}

/// A capped per-unit criterion applied to one value: "60 of a possible 85
/// months counted: cap 60" is `units = 85`, `unitsCounted = 60`, `capUnits = 60`.
public struct ExplanationCap: Sendable, Equatable {
    /// The applicant's units (the value).
    public var units: Double
    /// Units counted: `min(units, capUnits)`.
    public var unitsCounted: Double
    /// The cap in units: `cap / |per_unit|`.
    public var capUnits: Double
    /// The cap in points (`cap:`).
    public var capPoints: Double

    public init(units: Double, unitsCounted: Double, capUnits: Double, capPoints: Double) {
        self.units = units
        self.unitsCounted = unitsCounted
        self.capUnits = capUnits
        self.capPoints = capPoints
    }

    /// Whether the cap limited the points (`units > capUnits`).
    public var isBinding: Bool { units > capUnits }
}

/// One criterion of a points grid (*cotation*): the column it reads, how it
/// turns the value into points, and its labels for explanations (CRPA
/// L311-3-1 requires telling an applicant which criteria counted and how).
///
/// A criterion becomes one or more **features** of the design matrix
/// (``features``): one indicator per flag, per category level or per band, one
/// capped unit count per `per_unit` criterion. Its points on a row are
/// `Σ_f x_f · w_f` over its features (``GridDesign``).
public struct GridCriterion: Sendable, Equatable {
    /// Identifier used in exclusive groups and reports (`dalo`, `anciennete`).
    public var name: String
    /// Label in French, for explanations to applicants.
    public var labelFR: String?
    /// Label in English.
    public var labelEN: String?
    /// CSV column the criterion reads.
    public var column: String
    /// How the value becomes points.
    public var kind: GridCriterionKind
    /// Points-relevant treatment of a missing value in a flag, per-unit or band
    /// column: `true` (spec `missing: 0`) gives 0 points; `false` makes a missing
    /// value an error naming the row. Category criteria always give 0.
    public var missingIsZero: Bool

    /// A criterion; checked with its grid (``PointsGrid/validate()``).
    public init(name: String, labelFR: String? = nil, labelEN: String? = nil, column: String,
                kind: GridCriterionKind, missingIsZero: Bool = false) {
        self.name = name
        self.labelFR = labelFR
        self.labelEN = labelEN
        self.column = column
        self.kind = kind
        self.missingIsZero = missingIsZero
    }

    /// The criterion's features, in design-matrix order, with their weights.
    public var features: [GridFeature] {
        switch kind {
        case .flag(let points, _):
            return [GridFeature(definition: .flag, weight: points)]
        case .category(let levels):
            return levels.map { GridFeature(definition: .level($0.value), weight: $0.points) }
        case .perUnit(let perUnit, let cap):
            return [GridFeature(definition: .units(capUnits: cap.map { $0 / abs(perUnit) }), weight: perUnit)]
        case .bands(let bands):
            return bands.map { GridFeature(definition: .band(from: $0.from, to: $0.to), weight: $0.points) }
        }
    }

    /// Whether the column must hold numbers (per-unit and band criteria).
    public var isNumeric: Bool {
        switch kind {
        case .perUnit, .bands: true
        case .flag, .category: false
        }
    }

    /// Points of this criterion for one raw CSV value (`nil` = missing), computed
    /// directly from the definition, without the design matrix (for explanations
    /// of one applicant). A missing value without `missing: 0`, or text that is not
    /// a finite number (`Double(String)`) in a numeric criterion, gives `nil`.
    public func points(forRawValue raw: String?) -> Double? {
        switch kind {
        case .flag(let points, let trueValues):
            guard let raw else { return missingIsZero ? 0 : nil }
            return trueValues.contains(raw) ? points : 0
        case .category(let levels):
            guard let raw else { return 0 }
            return levels.first { $0.value == raw }?.points ?? 0
        case .perUnit(let perUnit, let cap):
            guard let raw else { return missingIsZero ? 0 : nil }
            guard let x = Double(raw), x.isFinite else { return nil }
            let units = cap.map { min(x, $0 / abs(perUnit)) } ?? x
            return perUnit * units
        case .bands(let bands):
            guard let raw else { return missingIsZero ? 0 : nil }
            guard let x = Double(raw), x.isFinite else { return nil }
            return bands.first { $0.contains(x) }?.points ?? 0
        }
    }
}

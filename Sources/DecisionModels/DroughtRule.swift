import AuditData
import Foundation

/// The four levels of a prefectoral drought order (Code de l'environnement
/// L211-3, docs/domain.md §5), from the mildest. Raw values are the labels of the
/// `niveau_secheresse` column.
public enum DroughtLevel: String, Sendable, Hashable, CaseIterable, Comparable {
    case vigilance
    case alerte
    case alerteRenforcee = "alerte_renforcee"
    case crise

    public static func < (a: DroughtLevel, b: DroughtLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An **illustrative** volume-restriction rule for drought levels: at each
/// level, a fraction of the volume above a protected essential volume per
/// person is cut.
///
///     protected  = protectedPerPerson × persons
///     restricted = min(V, protected) + (1 − reduction[level]) × max(0, V − protected)
///
/// Real orders restrict *uses* (garden watering hours, pool filling, car
/// washing; in *crise* only priority uses remain), not household volumes;
/// this rule is a stylised stand-in that lets an audit ask who bears the
/// cuts. Read from YAML with ``init(contentsOfFile:)``
/// (see `Fixtures/water/drought-rule.yaml`).
public struct DroughtRule: Sendable, Equatable {
    /// A short name for reports.
    public var name: String
    /// Optional free text (sources, caveats).
    public var description: String?
    /// Volume never cut, m³ per person per year.
    public var protectedPerPerson: Double
    /// Fraction (0…1) of the volume above the protected volume that is cut, per level.
    public var reductions: [DroughtLevel: Double]

    /// Creates and validates a rule.
    ///
    /// - Throws: `SpecError` (no file or line) when a level is missing, a
    ///   fraction is outside [0, 1], fractions decrease with severity, or the
    ///   protected volume is negative.
    public init(name: String, description: String? = nil, protectedPerPerson: Double, reductions: [DroughtLevel: Double]) throws(SpecError) {
        self.name = name
        self.description = description
        self.protectedPerPerson = protectedPerPerson
        self.reductions = reductions
        try validate()
    }

    /// The fraction cut above the protected volume at `level`.
    public func reduction(at level: DroughtLevel) -> Double {
        reductions[level] ?? 0
    }

    /// The protected (never cut) volume of a household, m³/year.
    public func protectedVolume(persons: Int) -> Double {
        protectedPerPerson * Double(max(0, persons))
    }

    /// The volume a household may use at `level` (formula in the type's
    /// documentation). Negative or non-finite volumes count as 0.
    public func restrictedVolume(volume: Double, persons: Int, level: DroughtLevel) -> Double {
        let v = volume.isFinite && volume > 0 ? volume : 0
        let protected = protectedVolume(persons: persons)
        return min(v, protected) + (1 - reduction(at: level)) * max(0, v - protected)
    }

    /// Checks the invariants listed in ``init(name:description:protectedPerPerson:reductions:)``.
    public func validate() throws(SpecError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SpecError(key: "name", problem: .sentence(.ruleName, arguments: [:]))
        }
        guard protectedPerPerson.isFinite, protectedPerPerson >= 0 else {
            throw SpecError(key: "protected_per_person", problem: .sentence(.droughtVolumeAtLeastZero, arguments: ["found": "\(protectedPerPerson)"]))
        }
        // With households of at most 1,000,000 people the protected volume stays finite.
        guard protectedPerPerson <= 1_000_000 else {
            throw SpecError(key: "protected_per_person", problem: .sentence(.droughtVolume, arguments: ["found": "\(protectedPerPerson)"]))
        }
        var previous: (DroughtLevel, Double)?
        for level in DroughtLevel.allCases {
            guard let r = reductions[level] else {
                throw SpecError(key: "reductions", problem: .sentence(.droughtLevelMissing, arguments: ["level": "\(level.rawValue)", "all": "\(DroughtLevel.allCases.map(\.rawValue).joined(separator: ", "))"]))
            }
            guard r.isFinite, (0...1).contains(r) else {
                throw SpecError(key: "reductions.\(level.rawValue)", problem: .sentence(.droughtFraction, arguments: ["found": "\(r)"]))
            }
            if let (before, rb) = previous, r < rb {
                throw SpecError(key: "reductions.\(level.rawValue)", problem: .sentence(.droughtDecreasing, arguments: ["level": "\(level.rawValue)", "cut": "\(r)", "before": "\(before.rawValue)", "previous": "\(rb)"]))
            }
            previous = (level, r)
        }
    }
}

/// A rule file (YAML; format in `Fixtures/water/README.md`), read with
/// `init(contentsOfFile:)` or `init(yaml:file:)` (`YAMLDocument`): errors name the file,
/// line, column and key.
extension DroughtRule: YAMLDocument {
    public static let documentName = "drought rule"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description
        case protectedPerPerson = "protected_per_person"
        case reductions
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var reductions: [DroughtLevel: Double] = [:]
        if c.contains(.reductions) {
            let levels = try c.nestedContainer(keyedBy: DroughtLevel.self, forKey: .reductions)
            for level in levels.allKeys {
                let r = try levels.decode(Double.self, forKey: level)
                guard (0...1).contains(r) else { throw levels.failure(level, "expected a fraction from 0 to 1, found \(r)") }
                reductions[level] = r
            }
        }
        let name = try c.decode(String.self, forKey: .name, missing: "missing: give the rule a name")
        guard c.contains(.protectedPerPerson) else {
            throw c.missing(.protectedPerPerson, "missing: give the protected volume in m³ per person per year")
        }
        try self.init(name: name, description: try c.decodeIfPresent(String.self, forKey: .description),
                      protectedPerPerson: try c.decodeNonNegative(forKey: .protectedPerPerson, unit: "m³ per person per year"),
                      reductions: reductions)
    }
}

/// The levels are the keys of a rule's `reductions:` mapping.
extension DroughtLevel: CodingKey {}

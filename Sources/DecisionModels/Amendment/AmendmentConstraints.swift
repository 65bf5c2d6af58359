import AuditData

/// The limits an amendment stays within (`vigie amend --keep`, `--max-change`, `--step`;
/// `docs/amend.md`). Kinds, levels, bands, caps in units, exclusive groups, the floor, the
/// allocation rule and the tie-break never change: only points do.
public struct AmendmentConstraints: Sendable, Equatable {
    /// `--keep CRITERION>=N`: every number of points of the criterion (its flag, each level,
    /// each band, its points per unit) stays at least `N` (legal priorities, CCH L441-1).
    public var floors: [String: Double]
    /// `--max-change CRITERION=±N`: every number of points of the criterion moves by at most `N`.
    public var maximumChanges: [String: Double]
    /// The points' step (`--step`); `nil`: the grid's own, 10^−d with d the most decimals of its
    /// points (1 for a grid of whole points).
    public var step: Double?

    public init(floors: [String: Double] = [:], maximumChanges: [String: Double] = [:], step: Double? = nil) {
        self.floors = floors
        self.maximumChanges = maximumChanges
        self.step = step
    }

    /// Parses `dalo>=50` (`--keep`).
    public static func parseFloor(_ text: String) throws(SpecError) -> (criterion: String, points: Double) {
        let parts = text.filter { !$0.isWhitespace }.components(separatedBy: ">=")
        guard parts.count == 2, !parts[0].isEmpty, let x = Double(parts[1]), x.isFinite else {
            throw SpecError(key: "--keep", problem: .sentence(.amendKeep, arguments: ["text": "\(text)"]))
        }
        return (parts[0], x)
    }

    /// Parses `lien_commune=±10`, `lien_commune=10` or `lien_commune=+-10` (`--max-change`).
    public static func parseMaximumChange(_ text: String) throws(SpecError) -> (criterion: String, points: Double) {
        let compact = text.filter { !$0.isWhitespace }
        guard let equals = compact.firstIndex(of: "=") else {
            throw SpecError(key: "--max-change", problem: .sentence(.amendMaxChange, arguments: ["text": "\(text)"]))
        }
        let name = String(compact[..<equals])
        var rest = Substring(compact[compact.index(after: equals)...])
        for prefix in ["±", "+-", "+/-"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count); break }
        guard !name.isEmpty, let x = Double(rest), x.isFinite, x >= 0 else {
            throw SpecError(key: "--max-change", problem: .sentence(.amendMaxChangePositive, arguments: ["text": "\(text)"]))
        }
        return (name, x)
    }
}

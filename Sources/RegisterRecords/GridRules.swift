import AuditApplication
import DecisionModels
import Foundation

/// The points grid the audit ran, read from the file `manifest.json` records (role
/// `model`) and checked against its SHA-256: the "main rules and their weights" that CRPA
/// L312-1-3 asks a body to publish, stated as **declared** (the owner's grid, as audited).
public struct GridRules: Sendable {
    public let grid: PointsGrid
    /// The file as the manifest records it.
    public let file: AuditFile

    /// The grid, or why it cannot be read: the file is looked for under its recorded name in
    /// `inputsFolder` when given, and only there; else at its recorded path (relative to the
    /// audit folder), beside `manifest.json`, then in the current folder. It must hash as
    /// recorded.
    public static func load(_ input: AuditFile, folder: String, inputsFolder: String? = nil) -> Result<GridRules, RegisterError> {
        let candidates: [String]
        if let inputsFolder {
            candidates = [URL(fileURLWithPath: inputsFolder).appendingPathComponent(input.name).path]
        } else {
            let recorded = input.path.map { $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: folder).appendingPathComponent($0).standardizedFileURL.path }
            candidates = [recorded, URL(fileURLWithPath: folder).appendingPathComponent(input.name).path, input.name].compactMap { $0 }
        }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let data = FileManager.default.contents(atPath: path) else {
            return .failure(RegisterError(.sentence(.registerModelNotFound, arguments: ["name": "\(input.name)", "candidates": "\(candidates.map { "'\($0)'" }.joined(separator: ", "))"])))
        }
        let hash = SHA256Hashing.hex(data)
        guard hash == input.sha256 else {
            return .failure(RegisterError(.sentence(.registerModelHash, arguments: ["path": "\(path)", "actual": "\(hash)", "recorded": "\(input.sha256)"])))
        }
        do {
            let grid = try PointsGrid(yaml: String(decoding: data, as: UTF8.self), file: path)
            return .success(GridRules(grid: grid, file: input))
        } catch {
            return .failure(RegisterError("\(error)"))
        }
    }

    /// The criterion's label in the language (the grid offers French and English; Dutch
    /// uses the English label), or its name.
    func label(_ c: GridCriterion, _ l: RegisterLanguage) -> String {
        switch l {
        case .fr: c.labelFR ?? c.labelEN ?? c.name
        case .en, .nl: c.labelEN ?? c.labelFR ?? c.name
        }
    }

    /// `x` points, the word agreeing with the number.
    func points(_ x: Double, _ l: RegisterLanguage) -> String {
        let one = l == .fr ? abs(x) < 2 : x == 1
        return l.points(x) + " " + (one ? l.pick("point", "point", "punt") : l.pick("points", "points", "punten"))
    }

    /// One criterion's rule with its points.
    func rule(_ c: GridCriterion, _ l: RegisterLanguage) -> String {
        switch c.kind {
        case .flag(let x, _):
            return points(x, l)
        case .category(let levels):
            return levels.map { "\($0.value) → \(points($0.points, l))" }.joined(separator: ", ")
        case .perUnit(let perUnit, let cap):
            let base = l.pick("\(points(perUnit, l)) par unité de \(c.column)",
                              "\(points(perUnit, l)) per unit of \(c.column)",
                              "\(points(perUnit, l)) per eenheid van \(c.column)")
            guard let cap else { return base }
            return base + l.pick(", \(points(cap, l)) au plus", ", at most \(points(cap, l))", ", ten hoogste \(points(cap, l))")
        case .bands(let bands):
            return "\(c.column) " + bands.map { "\($0.interval) → \(points($0.points, l))" }.joined(separator: ", ")
        }
    }

    /// The grid's rules and weights in words: the score's formula, each criterion's points,
    /// the exclusive groups and the floor.
    func text(_ l: RegisterLanguage) -> String {
        var lines = [l.pick("Score = somme des points des critères", "Score = sum of the criteria's points", "Score = som van de punten van de criteria")]
        let separator = l == .fr ? " : " : ": "
        for c in grid.criteria { lines.append(label(c, l) + separator + rule(c, l)) }
        for group in grid.exclusiveGroups {
            let members = group.members.compactMap { $0 < grid.criteria.count ? label(grid.criteria[$0], l) : nil }.joined(separator: ", ")
            lines.append(l.pick("un seul compte, le plus élevé, parmi : ", "only the highest counts among: ", "alleen de hoogste telt van: ") + members)
        }
        if let selection = allocationText(l) { lines.append(selection) }
        if let floor = grid.minimumScore {
            lines.append(l.pick("score plancher \(l.points(floor))", "score floored at \(l.points(floor))", "minimumscore \(l.points(floor))"))
        }
        return lines.joined(separator: l == .fr ? " ; " : "; ") + "."
    }

    /// The data the grid reads: its criteria's labels.
    func dataText(_ l: RegisterLanguage) -> String {
        grid.criteria.map { label($0, l) }.joined(separator: l == .fr ? " ; " : "; ") + "."
    }

    /// How scores become a selection (the grid's `allocation:`), or `nil` when it only scores.
    func allocationText(_ l: RegisterLanguage) -> String? {
        guard let rule = grid.allocation else { return nil }
        let segments = grid.segmentBy.isEmpty ? "" : l.pick(" par \(grid.segmentBy.joined(separator: ", "))", " within each \(grid.segmentBy.joined(separator: ", "))", " per \(grid.segmentBy.joined(separator: ", "))")
        func capacity(_ c: GridCapacity) -> String {
            switch c {
            case .fromData(let column): l.pick("k = places attribuées (\(column))", "k = places allocated (\(column))", "k = toegewezen plaatsen (\(column))")
            case .declared: l.pick("k = places déclarées", "k = declared places", "k = opgegeven plaatsen")
            }
        }
        switch rule {
        case .threshold(let t):
            return l.pick("sélection : score d'au moins \(l.points(t))", "selection: score of at least \(l.points(t))", "selectie: score van ten minste \(l.points(t))")
        case .capacity(let c):
            return l.pick("sélection : les k meilleurs scores\(segments), \(capacity(c))", "selection: the k best scores\(segments), \(capacity(c))", "selectie: de k hoogste scores\(segments), \(capacity(c))")
        case .proposals(let c, let perUnit):
            return l.pick("proposition à la commission : les \(perUnit) × k meilleurs scores\(segments), \(capacity(c))",
                          "proposed to the commission: the \(perUnit) × k best scores\(segments), \(capacity(c))",
                          "voorgedragen aan de commissie: de \(perUnit) × k hoogste scores\(segments), \(capacity(c))")
        }
    }
}

import AuditFixtures

/// Generated housing applicants whose only nationality gap comes from a band **edge**
/// (`vigie amend --allow band-edges`, `docs/amend.md`): 60 % FR, 40 % EX; 30 % of each group
/// have 0–11 months of seniority; the others have 18–29 months (FR) or 12–17 months (EX), so a
/// grid giving 40 points from 18 months on gives them to the FR applicants only, and moving
/// that edge to 12 months closes the gap. `dalo` (10 %) independent. Columns: `demande_id,
/// nationalite, dalo, anciennete_mois, decision` (decision always 0).
public enum PlantedEdgeApplicants {
    public static func csv(rows: Int, seed: UInt64) -> String {
        var random = SplitMix64(state: seed)
        var lines = ["demande_id,nationalite,dalo,anciennete_mois,decision"]
        for i in 0..<rows {
            let fr = random.uniform() < 0.6
            let months = random.uniform() < 0.3 ? random.int(12) : (fr ? 18 + random.int(12) : 12 + random.int(6))
            let id = "d" + String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i)
            lines.append([id, fr ? "FR" : "EX", random.uniform() < 0.1 ? "oui" : "non", String(months), "0"].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Bands [0, 18) → 0 points, [18, 400) → 40; dalo 50; 150 places; tie-break by id.
    public static let grid = """
    name: edge
    id: demande_id
    criteria:
      - {name: dalo, column: dalo, flag: 50, true_values: [oui]}
      - name: anciennete
        column: anciennete_mois
        bands:
          - {from: 0, to: 18, points: 0}
          - {from: 18, to: 400, points: 40}
    allocation:
      rule: capacity
      capacity: {default: 150}
    tie_break: [demande_id asc]

    """
}

import AuditFixtures

/// Generated housing applicants whose only nationality gap is `lien_commune` (`vigie amend`'s
/// evidence, `docs/amend.md`): 60 % FR, 20 % UE, 20 % hors_UE; `lien_commune` held by 90 % of
/// FR and 10 % of the others; `dalo` (5 %), `handicap` (10 %), `anciennete_mois` (0–119) and
/// `typologie` (T1–T3) independent of nationality. Columns: `demande_id, nationalite,
/// lien_commune, dalo, handicap, anciennete_mois, typologie, decision` (decision always 0).
public enum PlantedApplicants {
    public static func csv(rows: Int, seed: UInt64) -> String {
        var random = SplitMix64(state: seed)
        var lines = ["demande_id,nationalite,lien_commune,dalo,handicap,anciennete_mois,typologie,decision"]
        for i in 0..<rows {
            let u = random.uniform()
            let nationality = u < 0.6 ? "FR" : (u < 0.8 ? "UE" : "hors_UE")
            let tie = random.uniform() < (nationality == "FR" ? 0.9 : 0.1)
            let id = "d" + String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i)
            lines.append([id, nationality, tie ? "oui" : "non",
                          random.uniform() < 0.05 ? "oui" : "non", random.uniform() < 0.1 ? "oui" : "non",
                          String(random.int(120)), ["T1", "T2", "T3"][random.int(3)], "0"].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

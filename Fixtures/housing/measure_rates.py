#!/usr/bin/env python3
"""Summarise a generated applicants CSV: marginals and per-group rates.

Usage: python3 measure_rates.py applicants.csv
Needs pandas. Used to produce the numbers quoted in README.md.
"""
import sys
import pandas as pd

df = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=["NA"], dtype={"nationalite": str})
n = len(df)
print(f"rows: {n}")
df["nationalite"] = df["nationalite"].replace("", "unknown")
print("anciennete median:", df.anciennete_mois.median(), " >36:", round((df.anciennete_mois > 36).mean(), 3))
print("revenu median:", df.revenu_mensuel.median(), " NA share:", round(df.revenu_mensuel.isna().mean(), 4))
print("taux_effort median:", df.taux_effort.median(), " >0.3:", round((df.taux_effort > 0.3).mean(), 3))
print("score median/mean/p88:", df.score_total.median(), round(df.score_total.mean(), 1), df.score_total.quantile(0.88))
for c in ["commune_souhaitee", "typologie", "type_menage", "sexe", "nationalite", "situation_logement"]:
    print(c, df[c].value_counts(normalize=True).round(3).to_dict())
for c in ["handicap", "residence_qpv", "dalo", "menace_expulsion", "violences", "suroccupation",
          "logement_indigne", "lien_commune", "refus_offre"]:
    print(c, "oui:", round((df[c] == "oui").mean(), 3))
for c in ["besoin_prioritaire", "propose_caleol", "attribue"]:
    print(c, round(df[c].mean(), 4))
print("attribue among proposed:", round(df[df.propose_caleol == 1].attribue.mean(), 3),
      " among not proposed:", round(df[df.propose_caleol == 0].attribue.mean(), 4))

df["age_band"] = pd.cut(df.age, [17, 25, 35, 50, 65, 200], labels=["18-25", "26-35", "36-50", "51-65", "66+"])

def table(col, ref):
    g = df.groupby(col, observed=True)
    t = pd.DataFrame({
        "n": g.size(),
        "lien_commune": g.lien_commune.apply(lambda s: (s == "oui").mean()),
        "mean_score": g.score_total.mean(),
        "besoin": g.besoin_prioritaire.mean(),
        "propose": g.propose_caleol.mean(),
        "attribue": g.attribue.mean(),
        "TPR": g.apply(lambda d: d[d.besoin_prioritaire == 1].propose_caleol.mean(), include_groups=False),
    })
    t["SIR_vs_" + str(ref)] = t.propose / t.loc[ref, "propose"]
    print(f"\n== {col} (reference {ref})")
    print(t.round(3).to_string())

table("nationalite", "FR")
table("sexe", "M")
table("age_band", "36-50")
table("residence_qpv", "non")
table("handicap", "non")

# Commission effect at equal score: proposal rate by score bins, FR vs hors_UE.
bins = pd.cut(df.score_total, [0, 60, 80, 90, 100, 110, 120, 140, 400], right=False)
ct = df[df.nationalite.isin(["FR", "hors_UE"])].groupby([bins, "nationalite"], observed=True).propose_caleol.mean().unstack()
print("\nproposal rate by score bin:\n", ct.round(3).to_string())

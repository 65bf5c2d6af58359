"""Independent reference for `vigie compare --model A --model B` (GridComparison).

Scores Fixtures/housing/applicants-sample.csv under cotation-grid.yaml (A) and
cotation-grid-alternative.yaml (B: no lien_commune, 1.5 points per month capped at 90)
with the rules written out by hand in pandas; allocates the top k of each typologie
(k = rows with attribue = 1; order score desc, anciennete_mois desc, demande_id asc);
then overall and per group of nationalite and sexe: n, selected under A and B, gainers,
losers, mean scores and mean rank change (rank B − rank A).

Run: python3 make_compare_reference.py > make_compare_reference.out
Writes compare_reference.csv next to this script.
"""
import os
import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
d = pd.read_csv(os.path.join(HERE, "..", "..", "housing", "applicants-sample.csv"), dtype={"demande_id": str})
yes = lambda col: (d[col].astype(str) == "oui").astype(float)
common = ((d.anciennete_mois >= 37) * 20 + yes("dalo") * 50 + yes("menace_expulsion") * 20
          + (d.type_menage == "monoparentale") * 5 + (d.taux_effort >= 0.301) * 10
          + np.maximum((d.situation_logement == "sans_abri") * 30,
                       d.situation_logement.isin(["heberge_tiers", "heberge_famille", "foyer", "hotel"]) * 15)
          + yes("violences") * 30 + yes("handicap") * 20 + yes("suroccupation") * 15 + yes("logement_indigne") * 25
          + yes("refus_offre") * -20)
score_a = np.maximum(common + np.minimum(d.anciennete_mois, 60) * 1.0 + yes("lien_commune") * 5, 0.0)
score_b = np.maximum(common + np.minimum(d.anciennete_mois, 60) * 1.5, 0.0)
assert (score_a == d.score_total).all()
capacity = d.groupby("typologie").attribue.sum()


def allocate(s):
    f = pd.DataFrame({"s": s, "anc": d.anciennete_mois, "id": d.demande_id, "typ": d.typologie})
    f = f.sort_values(["typ", "s", "anc", "id"], ascending=[True, False, False, True], kind="mergesort")
    f["rank"] = f.groupby("typ").cumcount() + 1
    f["sel"] = f["rank"] <= f.typ.map(capacity)
    return f.reindex(d.index)


a, b = allocate(score_a), allocate(score_b)
frame = pd.DataFrame({"selA": a.sel.astype(int), "selB": b.sel.astype(int),
                      "gain": (b.sel & ~a.sel).astype(int), "lose": (a.sel & ~b.sel).astype(int),
                      "sA": score_a, "sB": score_b, "dr": (b["rank"] - a["rank"]).astype(float)})
rows = []


def add(attribute, group, t):
    rows.append({"attribute": attribute, "group": group, "n": len(t), "selected_a": t.selA.sum(), "selected_b": t.selB.sum(),
                 "gainers": t.gain.sum(), "losers": t.lose.sum(), "mean_score_a": t.sA.mean(), "mean_score_b": t.sB.mean(),
                 "mean_rank_change": t.dr.mean()})


add("overall", "all", frame)
for attribute in ["nationalite", "sexe"]:
    g = d[attribute].fillna("unknown").astype(str)
    for name in sorted(g.unique()):
        add(attribute, name, frame[g == name])
out = pd.DataFrame(rows)
out.to_csv(os.path.join(HERE, "compare_reference.csv"), index=False, float_format="%.17g")
print(f"pandas {pd.__version__}, numpy {np.__version__}")
print(out.to_string(index=False))

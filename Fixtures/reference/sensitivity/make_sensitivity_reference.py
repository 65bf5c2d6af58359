"""Independent reference for GridSensitivity (Sources/DecisionModels/Sensitivity/).

Scores Fixtures/housing/applicants-sample.csv with the rules of
Fixtures/housing/cotation-grid.yaml written out by hand in pandas (no design matrix),
for the baseline and for every criterion scaled by 0, 0.5, 1.5, 2; allocates the top k
of each typologie (k = number of rows with attribue = 1 in it; order: score desc,
anciennete_mois desc, demande_id asc); then per protected attribute (nationalite, sexe)
and group: n, selected, selection rate, impact ratio (rate / max rate of groups with
n >= 30 other than 'unknown', for every group as the audit's impact ratio), rate difference
and mean score gap to the largest group.

Run: python3 make_sensitivity_reference.py > make_sensitivity_reference.out
Writes sensitivity_reference.csv next to this script.
"""
import os
import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "housing", "applicants-sample.csv")
MIN_GROUP = 30
SCALES = [0, 0.5, 1.5, 2]

d = pd.read_csv(DATA, dtype={"demande_id": str}, keep_default_na=True)
yes = lambda col: d[col].astype(str).isin(["oui", "1", "true"]).astype(float)
points = {
    "anciennete": np.minimum(d.anciennete_mois.astype(float), 60.0) * 1.0,
    "anciennete_longue": (d.anciennete_mois >= 37).astype(float) * 20,
    "dalo": yes("dalo") * 50,
    "menace_expulsion": yes("menace_expulsion") * 20,
    "monoparentale": (d.type_menage == "monoparentale").astype(float) * 5,
    "taux_effort": (d.taux_effort >= 0.301).astype(float) * 10,
    "sans_abri": (d.situation_logement == "sans_abri").astype(float) * 30,
    "heberge": d.situation_logement.isin(["heberge_tiers", "heberge_famille", "foyer", "hotel"]).astype(float) * 15,
    "violences": yes("violences") * 30,
    "handicap": yes("handicap") * 20,
    "suroccupation": yes("suroccupation") * 15,
    "logement_indigne": yes("logement_indigne") * 25,
    "lien_commune": yes("lien_commune") * 5,
    "refus_offre": yes("refus_offre") * -20,
}
criteria = list(points)
group = ["sans_abri", "heberge"]


def score(scale_of):
    s = sum(points[c] * scale_of.get(c, 1.0) for c in criteria if c not in group)
    s = s + np.maximum(points["sans_abri"] * scale_of.get("sans_abri", 1.0), points["heberge"] * scale_of.get("heberge", 1.0))
    return np.maximum(s, 0.0)


base = score({})
assert (base == d.score_total).all(), "baseline must reproduce score_total"
capacity = d.groupby("typologie").attribue.sum()


def allocate(s):
    frame = pd.DataFrame({"s": s, "anc": d.anciennete_mois, "id": d.demande_id, "typ": d.typologie})
    frame = frame.sort_values(["typ", "s", "anc", "id"], ascending=[True, False, False, True], kind="mergesort")
    frame["rank"] = frame.groupby("typ").cumcount() + 1
    frame["k"] = frame.typ.map(capacity)
    return (frame["rank"] <= frame["k"]).reindex(d.index)


variants = [("baseline", "", 1.0)] + [(f"{c}x{l}", c, l) for c in criteria for l in SCALES]
rows = []
for label, crit, scale in variants:
    s = score({crit: scale} if crit else {})
    sel = allocate(s)
    for attr in ["nationalite", "sexe"]:
        g = d[attr].fillna("unknown").astype(str)
        t = pd.DataFrame({"g": g, "sel": sel.astype(int), "s": s}).groupby("g").agg(n=("sel", "size"), k=("sel", "sum"), m=("s", "mean"))
        t = t.sort_index()
        t["rate"] = t.k / t.n
        best = t.loc[(t.n >= MIN_GROUP) & (t.index != "unknown"), "rate"].max()  # unknown is never the most favoured group
        ref = t.n.idxmax()
        for name, r in t.iterrows():
            rows.append({
                "variant": label, "criterion": crit, "scale": scale, "attribute": attr, "group": name,
                "n": int(r.n), "selected": int(r.k), "selection_rate": r.rate,
                "impact_ratio": (r.rate / best) if best > 0 else np.nan,
                "rate_difference": r.rate - t.loc[ref, "rate"],
                "mean_score": r.m, "mean_score_gap": r.m - t.loc[ref, "m"], "reference": ref,
            })
out = pd.DataFrame(rows)
out.to_csv(os.path.join(HERE, "sensitivity_reference.csv"), index=False, float_format="%.17g")
print(f"pandas {pd.__version__}, numpy {np.__version__}; {len(variants)} variants, {len(out)} rows")
base_ir = out[out.variant == "baseline"].set_index(["attribute", "group"]).impact_ratio
out["d_ir"] = out.impact_ratio - out.set_index(["attribute", "group"]).index.map(base_ir)
top = out[(out.variant != "baseline") & (out.attribute == "nationalite")].copy()
top["abs"] = top.d_ir.abs()
print(top.sort_values("abs", ascending=False, kind="mergesort").head(8)[["variant", "group", "impact_ratio", "d_ir"]].to_string(index=False))

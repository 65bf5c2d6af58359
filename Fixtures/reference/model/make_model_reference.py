"""Independent reference values for the model audit of the housing demo (ModelAuditTests).

Reads Fixtures/housing/applicants-sample.csv and the grid's per-row reference
(Fixtures/reference/grid/grid_reference.csv, made by pandas from the grid YAML), and
computes with pandas, scipy and lifelines, for nationalite and sexe (rows with a missing
value left out): each group's count, share selected by the grid, mean and median score,
LL144 scoring rate (share strictly above the median of the analysed rows), Cramér's V of
lien_commune with the attribute, and the Kaplan–Meier median wait in months of 30.4375 days
(censored at the latest date in either column).

Run: python3 make_model_reference.py > model_reference.json
"""
import json
import pandas as pd
from scipy.stats.contingency import association
from lifelines import KaplanMeierFitter

root = "../../.."
data = pd.read_csv(f"{root}/Fixtures/housing/applicants-sample.csv", keep_default_na=False, dtype={"nationalite": str})
grid = pd.read_csv(f"{root}/Fixtures/reference/grid/grid_reference.csv")
assert (data["demande_id"] == grid["demande_id"]).all()
data["selected"] = grid["selected_main"]
data["score"] = grid["score_main"]
start = pd.to_datetime(data["date_depot"])
end = pd.to_datetime(data["date_attribution"].replace("", None))
as_of = max(start.max(), end.max())
allocated = end.notna() & (end <= as_of)
data["months"] = ((end.where(allocated, as_of) - start).dt.days) / 30.4375
data["event"] = allocated.astype(int)

out = {}
for attribute in ["nationalite", "sexe"]:
    d = data[data[attribute] != ""]
    median = d["score"].median()
    groups = {}
    for g, rows in sorted(d.groupby(attribute)):
        km = KaplanMeierFitter().fit(rows["months"], rows["event"])
        groups[g] = {
            "count": int(len(rows)),
            "grid_selection_rate": float(rows["selected"].mean()),
            "score_mean": float(rows["score"].mean()),
            "score_median": float(rows["score"].median()),
            "scoring_rate": float((rows["score"] > median).mean()),
            "km_median_wait": float(km.median_survival_time_),
        }
    table = pd.crosstab(d["lien_commune"], d[attribute]).to_numpy()
    out[attribute] = {"groups": groups, "cramers_v_lien_commune": float(association(table, method="cramer"))}
print(json.dumps(out, indent=2, sort_keys=True))

"""Reference values for `vigie explain` on Fixtures/housing/applicants-sample.csv.

Independent of Vigie's grid code: the score is the generator's `score_total`
column; ranks are a pandas sort within `typologie` by score desc, anciennete_mois
desc, demande_id asc; the rule selects the top k of each typology, k = number of
rows with attribue = 1; the wait of comparable allocated applications is
(date_attribution - date_depot) in days / 30.4375 over the rows of the same
typology with a date_attribution. Run: python3 explain_reference.py > expected.json
"""
import json
import pathlib

import pandas as pd

here = pathlib.Path(__file__).resolve().parent
df = pd.read_csv(here / "../../housing/applicants-sample.csv", dtype={"demande_id": str}, keep_default_na=False)
df = df.sort_values(["typologie", "score_total", "anciennete_mois", "demande_id"], ascending=[True, False, False, True])
df["rank"] = df.groupby("typologie").cumcount() + 1
k = df.groupby("typologie")["attribue"].sum()
df["selected"] = df["rank"] <= df["typologie"].map(k)
allocated = df[df["date_attribution"] != ""].copy()
allocated["months"] = (pd.to_datetime(allocated["date_attribution"]) - pd.to_datetime(allocated["date_depot"])).dt.days / 30.4375
df = df.set_index("demande_id")

# Ids: the first row of the file, the best and the worst of the largest typology, a selected one,
# one with a DALO flag and one capped at 60 months (chosen by rule, not by hand).
ids = [pd.read_csv(here / "../../housing/applicants-sample.csv", dtype={"demande_id": str}, nrows=1)["demande_id"][0]]
big = df["typologie"].value_counts().idxmax()
seg = df[df["typologie"] == big]
ids += [seg["rank"].idxmin(), seg["rank"].idxmax()]
ids += [df[df["selected"]].index.sort_values()[0]]
ids += [df[df["dalo"] == "oui"].index.sort_values()[0]]
ids += [df[df["anciennete_mois"] > 60].index.sort_values()[0]]

out = []
for i in dict.fromkeys(ids):
    row = df.loc[i]
    waits = allocated[allocated["typologie"] == row["typologie"]]["months"]
    out.append({
        "id": i,
        "typologie": row["typologie"],
        "score_total": float(row["score_total"]),
        "rank": int(row["rank"]),
        "comparable_count": int((df["typologie"] == row["typologie"]).sum()),
        "capacity": int(k[row["typologie"]]),
        "selected": bool(row["selected"]),
        "anciennete_mois": int(row["anciennete_mois"]),
        "wait_count": int(len(waits)),
        "wait_mean_months": float(waits.mean()),
        "wait_median_months": float(waits.median()),
    })
print(json.dumps({"applicants": out}, indent=2, ensure_ascii=False))

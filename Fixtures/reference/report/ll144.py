#!/usr/bin/env python3
"""Independent reference for Vigie's NYC Local Law 144 impact-ratio tables (ImpactRatioTable.swift).

Reads Fixtures/housing/applicants-sample.csv with pandas, groups by each protected attribute of
Fixtures/housing/audit.yaml and by every pair of them, and writes ll144_housing.json:
per category its count, share of all rows, selection rate (propose_caleol = 1, favourable) and
impact ratio = rate / highest rate among the categories with at least 30 rows (the spec's
min_group_size) that are not 'unknown' — the audit's own impact ratio, for every category;
categories under 2 % of the rows (6 RCNY §5-301(d)) and 'unknown' are marked (`note`) — and, since the spec's system card declares
`mandated_priorities: [handicap]` (CCH L441-1; reference `non`), among those categories holding
no priority the category itself does not hold (handicap other than 'non' and 'unknown' is the
priority): the non-disabled are never compared with the disabled whom the rules favour. Missing protected values form the 'unknown' category;
age is cut into [18,26), [26,36), [36,51), [51,66), >=66 (and <18) as the spec's bands.

Run: python3 Fixtures/reference/report/ll144.py   (pandas 2.x)
"""
import itertools
import json
import pathlib

import numpy as np
import pandas as pd

here = pathlib.Path(__file__).resolve().parent
root = here.parent.parent.parent
df = pd.read_csv(root / "Fixtures/housing/applicants-sample.csv", dtype=str, keep_default_na=False)
edges = [18, 26, 36, 51, 66]


def band(text):
    if text == "":
        return "unknown"
    x = float(text)
    if x < edges[0]:
        return f"<{edges[0]}"
    for lo, hi in zip(edges, edges[1:]):
        if lo <= x < hi:
            return f"[{lo},{hi})"
    return f">={edges[-1]}"


labels = pd.DataFrame({
    "nationalite": df["nationalite"].replace("", "unknown"),
    "sexe": df["sexe"].replace("", "unknown"),
    "age": df["age"].map(band),
    "residence_qpv": df["residence_qpv"].replace("", "unknown"),
    "handicap": df["handicap"].replace("", "unknown"),
})
selected = df["propose_caleol"].astype(int)
total = len(df)
attributes = list(labels.columns)
tables = []
for combo in [(a,) for a in attributes] + list(itertools.combinations(attributes, 2)):
    key = labels[list(combo)].agg("*".join, axis=1)
    grouped = pd.DataFrame({"key": key, "sel": selected}).groupby("key")["sel"].agg(["count", "sum"])
    rows = []
    for category, r in grouped.iterrows():
        rate = r["sum"] / r["count"]
        share = r["count"] / total
        unknown = "unknown" in category.split("*")
        note = "unknown" if unknown else "small" if share < 0.02 else None
        rows.append({"category": category, "count": int(r["count"]), "share": share, "rate": rate, "note": note,
                     "comparator": not unknown and int(r["count"]) >= 30})
    hpos = combo.index("handicap") if "handicap" in combo else None

    def holds(category):
        return hpos is not None and category.split("*")[hpos] not in ("non", "unknown")

    for r in rows:
        top = max(o["rate"] for o in rows if o["comparator"] and (not holds(o["category"]) or holds(r["category"])))
        r["impact_ratio"] = r["rate"] / top
    for r in rows:
        del r["comparator"]
    tables.append({"attribute": "*".join(combo), "rows": sorted(rows, key=lambda r: r["category"])})

out = here / "ll144_housing.json"
out.write_text(json.dumps(tables, indent=1, sort_keys=True) + "\n")
print(f"wrote {out} ({len(tables)} tables, pandas {pd.__version__}, numpy {np.__version__})")

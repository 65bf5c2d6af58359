"""Reference scores, ranks and selections for the points-grid tests (Vigie).

Scores Fixtures/housing/applicants-sample.csv with cotation-grid.yaml and
cotation-grid-alternative.yaml using pandas only (no Vigie code), then applies each
grid's allocation rule: within each `segment_by` segment, order by score descending,
then by the tie-break keys; rank 1 = best; selected when rank <= k, k = number of
rows with attribue = 1 in the segment (`capacity: {from_data: attribue}`).
Also checks that the main grid reproduces the generator's `score_total`.

Run from the repository root:  python3 Fixtures/reference/grid/make_grid_reference.py
Writes Fixtures/reference/grid/grid_reference.csv. pandas 2.3, PyYAML 6.0.
"""
import os
import numpy as np
import pandas as pd
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATA = os.path.join(ROOT, "Fixtures", "housing", "applicants-sample.csv")
GRIDS = {"main": "cotation-grid.yaml", "alternative": "cotation-grid-alternative.yaml"}

df = pd.read_csv(DATA, dtype=str, keep_default_na=False)


def criterion_points(c, col):
    if "flag" in c:
        true = c.get("true_values", ["oui", "1", "true"])
        return np.where(col.isin(true), float(c["flag"]), 0.0)
    if "categories" in c:
        return col.map(lambda v: float(c["categories"].get(v, 0.0))).to_numpy()
    x = pd.to_numeric(col).to_numpy(dtype=float)
    if "per_unit" in c:
        ppu = float(c["per_unit"])
        units = np.minimum(x, c["cap"] / abs(ppu)) if "cap" in c else x
        return ppu * units
    out = np.zeros(len(x))
    for b in c["bands"]:
        lo = b.get("from", -np.inf)
        hi = b.get("to", np.inf)
        out = np.where((x >= lo) & (x < hi), float(b["points"]), out)
    return out


def score(grid):
    points = {c["name"]: criterion_points(c, df[c["column"]]) for c in grid["criteria"]}
    grouped = set()
    total = np.zeros(len(df))
    for g in grid.get("exclusive_groups", []):
        total += np.max(np.vstack([points[m] for m in g["criteria"]]), axis=0)
        grouped.update(g["criteria"])
    for name, p in points.items():
        if name not in grouped:
            total += p
    if "minimum_score" in grid:
        total = np.maximum(total, grid["minimum_score"])
    return total


def allocate(grid, s):
    a = grid["allocation"]
    seg = a.get("segment_by", [])
    frame = pd.DataFrame({"score": s, "id": df[grid["id"]]})
    sort_cols, ascending = ["score"], [False]
    for i, key in enumerate(grid["tie_break"][:-1]):
        column, direction = (key.split() + ["asc"])[:2]
        frame[f"t{i}"] = pd.to_numeric(df[column])
        sort_cols.append(f"t{i}")
        ascending.append(direction == "asc")
    sort_cols.append("id")
    ascending.append(True)
    for c in seg:
        frame[c] = df[c]
    frame["k_flag"] = pd.to_numeric(df[a["capacity"]["from_data"]])
    frame = frame.sort_values(sort_cols, ascending=ascending, kind="mergesort")
    if seg:
        frame["rank"] = frame.groupby(seg, sort=False).cumcount() + 1
        k = frame.groupby(seg)["k_flag"].transform("sum")
    else:
        frame["rank"] = np.arange(1, len(frame) + 1)
        k = frame["k_flag"].sum()
    frame["selected"] = (frame["rank"] <= k).astype(int)
    frame = frame.sort_index()
    return frame["rank"].to_numpy(), frame["selected"].to_numpy()


out = pd.DataFrame({"demande_id": df["demande_id"]})
for label, file in GRIDS.items():
    with open(os.path.join(ROOT, "Fixtures", "housing", file), encoding="utf-8") as f:
        grid = yaml.safe_load(f)
    s = score(grid)
    rank, selected = allocate(grid, s)
    out[f"score_{label}"] = s
    out[f"rank_{label}"] = rank
    out[f"selected_{label}"] = selected

mismatch = int((out["score_main"] != pd.to_numeric(df["score_total"])).sum())
print(f"rows {len(out)}; main grid vs score_total mismatches: {mismatch}")
print("selected main", int(out["selected_main"].sum()), "alternative", int(out["selected_alternative"].sum()),
      "both", int((out["selected_main"] & out["selected_alternative"]).sum()))
out.to_csv(os.path.join(HERE, "grid_reference.csv"), index=False, float_format="%.17g")

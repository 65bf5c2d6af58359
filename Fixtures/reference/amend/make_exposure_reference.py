#!/usr/bin/env python3
"""Reference values for `vigie amend --target exposure_ratio>=X` (docs/amend.md, "Targets").

Independent of Vigie: plain Python, exact integer scores (points in halves, so every score is a
whole number of half points), one full sort per candidate grid.

Writes, next to this script:
  exposure_applicants.csv  400 generated applicants (a fixed linear congruential generator):
                           demande_id, groupe (A, B, C or empty = unknown), lien (oui/non),
                           situation (sans_abri, hotel, autre), anciennete_mois, seg (x, y)
  exposure_expected.json   per candidate grid (its points): each group's exposure ratio and
                           the minimum over the groups.

Definition (the model audit's `exposure_ratio`, Singh & Joachims 2018 with the DCG position
bias): applicants of a known group ranked by score descending, then anciennete_mois descending,
then demande_id ascending (the grid's tie-break), positions r = 1..N; v(r) = 1/log2(1 + r);
ER_g = (sum_{i in g} v(r_i) / n_g) / (sum_i v(r_i) / N). Every group here has at least 30
applicants, so all are eligible; the metric is min_g ER_g.

Run: python3 Fixtures/reference/amend/make_exposure_reference.py  (Python 3, no package).
Running it twice gives byte-identical files.
"""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def lcg(seed):
    state = seed
    while True:
        state = (6364136223846793005 * state + 1442695040888963407) % (1 << 64)
        yield (state >> 11) / float(1 << 53)


def applicants():
    u = lcg(20261204)
    rows = []
    for i in range(400):
        x = next(u)
        group = "A" if x < 0.5 else "B" if x < 0.78 else "C" if x < 0.95 else ""
        p_lien = {"A": 0.8, "B": 0.25, "C": 0.4, "": 0.5}[group]
        lien = "oui" if next(u) < p_lien else "non"
        y = next(u)
        situation = "sans_abri" if y < 0.15 else "hotel" if y < 0.35 else "autre"
        months = int(next(u) * 96)
        seg = "x" if next(u) < 0.6 else "y"
        rows.append({"demande_id": "d%04d" % (i + 1), "groupe": group, "lien": lien,
                     "situation": situation, "anciennete_mois": months, "seg": seg})
    return rows


# Candidate grids: points of lien (flag), situation levels, anciennete per month (cap 60 months).
CANDIDATES = [
    {"lien": 40, "sans_abri": 30, "hotel": 15, "per_month": 1},
    {"lien": 10, "sans_abri": 30, "hotel": 15, "per_month": 1},
    {"lien": 0, "sans_abri": 30, "hotel": 15, "per_month": 1},
    {"lien": 25.5, "sans_abri": 45, "hotel": 0, "per_month": 0.5},
    {"lien": 40, "sans_abri": 30, "hotel": 15, "per_month": 2},
]


def half_points(row, c):
    """The score in half points (an integer): exact."""
    s = 0
    if row["lien"] == "oui":
        s += round(2 * c["lien"])
    if row["situation"] == "sans_abri":
        s += round(2 * c["sans_abri"])
    elif row["situation"] == "hotel":
        s += round(2 * c["hotel"])
    s += round(2 * c["per_month"]) * min(row["anciennete_mois"], 60)
    return s


def exposure(rows, c):
    known = [r for r in rows if r["groupe"]]
    ranked = sorted(known, key=lambda r: (-half_points(r, c), -r["anciennete_mois"], r["demande_id"]))
    sums, counts = {}, {}
    for position, r in enumerate(ranked, start=1):
        sums[r["groupe"]] = sums.get(r["groupe"], 0.0) + 1 / math.log2(1 + position)
        counts[r["groupe"]] = counts.get(r["groupe"], 0) + 1
    overall = sum(sums.values()) / len(known)
    ratios = {g: (sums[g] / counts[g]) / overall for g in sorted(sums)}
    return ratios, counts


def main():
    rows = applicants()
    columns = ["demande_id", "groupe", "lien", "situation", "anciennete_mois", "seg"]
    with open(os.path.join(HERE, "exposure_applicants.csv"), "w", newline="") as f:
        f.write(",".join(columns) + "\n")
        for r in rows:
            f.write(",".join(str(r[k]) for k in columns) + "\n")
    out = []
    for c in CANDIDATES:
        ratios, counts = exposure(rows, c)
        assert min(counts.values()) >= 30, counts
        out.append({"points": c, "exposure_ratio": {g: round(v, 15) for g, v in ratios.items()},
                    "min_exposure_ratio": round(min(ratios.values()), 15), "group_sizes": counts})
    with open(os.path.join(HERE, "exposure_expected.json"), "w") as f:
        json.dump(out, f, indent=2, sort_keys=True)
        f.write("\n")
    for o in out:
        print(o["points"], o["min_exposure_ratio"])


if __name__ == "__main__":
    main()

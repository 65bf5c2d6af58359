"""Reference values for `vigie merge`'s holders.csv (Sources/AuditMetrics/Holders).

Independent of the Swift code. Writes three holders' CSV files (holder-north.csv,
holder-centre.csv, holder-south.csv: generated, seeded, no real person) and
holders_reference.json next to this script.

    pip install statsmodels==0.15.0 pandas     # numpy 2.4.6, scipy 1.17.1
    python3 Fixtures/reference/holders/make_holders_reference.py

Each holder's rows: `origin` (A, B, C; B absent at one holder, so categories are united),
`sex` (F, M), `decision` (0/1), `label` (0/1). The decision's rate depends on origin and sex and,
for origin C, differs between holders (a disparity concentrated in one holder).

For each protected attribute and each group against the reference (origin=A, sex=F, as the
spec names them), the per-holder 2x2 tables [[group selected, group not], [reference
selected, reference not]] are built with pandas from the pooled rows, and statsmodels'
StratifiedTable gives the Mantel-Haenszel odds ratio (oddsratio_pooled), its
Robins-Breslow-Greenland interval (oddsratio_pooled_confint, alpha 0.05), the CMH test
(test_null_odds(correction=False)) and Tarone's Breslow-Day test (test_equal_odds(adjust=True));
p-values as scipy.stats.chi2.sf of the statistics. Holm adjustment within each test over the
groups (statsmodels.stats.multitest.multipletests(method='holm')). Per-holder selection rates
with pandas.
"""
import json, os
import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.contingency_tables import StratifiedTable
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261204)
holders = {"north": 420, "centre": 380, "south": 300}
frames = []
for h, n in holders.items():
    origins = ["A", "C"] if h == "south" else ["A", "B", "C"]
    origin = rng.choice(origins, size=n, p=[0.6, 0.4] if h == "south" else [0.5, 0.2, 0.3])
    sex = rng.choice(["F", "M"], size=n)
    base = 0.35 + 0.05 * (sex == "M")
    shift = {"A": 0.0, "B": -0.05, "C": -0.20 if h == "north" else -0.02}
    p = base + np.array([shift[o] for o in origin])
    decision = (rng.random(n) < p).astype(int)
    label = (rng.random(n) < 0.4 + 0.1 * decision).astype(int)
    df = pd.DataFrame({"origin": origin, "sex": sex, "decision": decision, "label": label})
    df.to_csv(os.path.join(HERE, f"holder-{h}.csv"), index=False)
    df["holder"] = h
    frames.append(df)
pooled = pd.concat(frames, ignore_index=True)

out = {"holders": list(holders), "rates": [], "tests": []}
for attribute, reference in [("origin", "A"), ("sex", "F")]:
    for h in holders:
        sub = pooled[pooled.holder == h]
        for g, rows in sub.groupby(attribute):
            out["rates"].append({"attribute": attribute, "group": g, "holder": h, "n": int(len(rows)),
                                 "selection_rate": float(rows.decision.mean())})
    tests = []
    for g in sorted(set(pooled[attribute]) - {reference}):
        tables = []
        for h in holders:
            sub = pooled[pooled.holder == h]
            x, y = sub[sub[attribute] == g], sub[sub[attribute] == reference]
            tables.append([[x.decision.sum(), (1 - x.decision).sum()], [y.decision.sum(), (1 - y.decision).sum()]])
        t = np.array(tables, dtype=float)
        informative = [k for k in range(len(t)) if t[k].sum(axis=1).min() > 0 and t[k].sum(axis=0).min() > 0]
        st = StratifiedTable(np.transpose(t[informative], (1, 2, 0)))
        low, high = st.oddsratio_pooled_confint(alpha=0.05)
        cmh = st.test_null_odds(correction=False)
        bd = st.test_equal_odds(adjust=True)
        tests.append({"attribute": attribute, "group": g, "reference": reference,
                      "informative_holders": len(informative),
                      "mh_odds_ratio": float(st.oddsratio_pooled), "ci_low": float(low), "ci_high": float(high),
                      "cmh_chi2": float(cmh.statistic), "cmh_p": float(stats.chi2.sf(cmh.statistic, 1)),
                      "breslow_day_chi2": float(bd.statistic), "breslow_day_p": float(stats.chi2.sf(bd.statistic, len(informative) - 1))})
    out["tests"] += tests
for key in ["cmh_p", "breslow_day_p"]:
    adjusted = multipletests([t[key] for t in out["tests"]], method="holm")[1]
    for t, a in zip(out["tests"], adjusted):
        t[key + "_adjusted"] = float(a)
with open(os.path.join(HERE, "holders_reference.json"), "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
print(json.dumps(out["tests"], indent=1))

"""Reference values for the allocation findings (AuditMetrics/Findings/AllocationFindings.swift,
docs/allocation.md#findings), computed with scipy and statsmodels from the definitions, on a
small deterministic two-group case. Writes allocation_findings_reference.json (numbers as
strings, repr round-trip), read by Tests/AuditMetricsTests/AllocationFindingsTests.swift.

    python3 make_allocation_findings_reference.py
"""
import json
import math

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

LEVEL, ALPHA, TOL, THRESHOLD = 0.95, 0.05, 0.05, 0.8
Z = stats.norm.ppf(0.5 + LEVEL / 2)

# Group A (reference, 40 households) and group B (30): volume, need, bill, water charge, income.
rows = []
for i in range(40):
    v = 60 + (i * 37 % 41)
    rows.append(dict(g="A", v=v, need=70, bill=2.0 * v + 40, charge=1.5 * v - 5 + (i * 13 % 23), income=2000 + (i * 53 % 97) * 100))
for j in range(30):
    v = 45 + (j * 29 % 31)
    rows.append(dict(g="B", v=v, need=70, bill=2.2 * v + 40, charge=1.8 * v - 5 + (j * 11 % 19), income=1500 + (j * 41 % 89) * 60))


def col(g, k):
    return np.array([r[k] for r in rows if r["g"] == g], dtype=float)


def mean_ci(x):
    m, s = x.mean(), x.std(ddof=1) / math.sqrt(len(x))
    return m, s


def ratio_estimator(c, v):
    r = c.sum() / v.sum()
    s2 = ((c - r * v) ** 2).sum() / (len(c) - 1)
    return r, math.sqrt(s2 / len(c)) / v.mean()


def log_ratio(m1, s1, m2, s2):
    se = math.sqrt((s1 / m1) ** 2 + (s2 / m2) ** 2)
    r = m1 / m2
    p = 2 * stats.norm.sf(abs(math.log(r)) / se)
    return dict(value=r, low=r * math.exp(-Z * se), high=r * math.exp(Z * se), p=p)


def judge(value, low, high, band, p_adj):
    if high < band[0] or low > band[1]:
        return "disparity" if p_adj < ALPHA else "insufficient_evidence"
    if low >= band[0] and high <= band[1]:
        return "no_disparity"
    return "insufficient_evidence"


out = []
for name, values in [("allocation_mean", "v"), ("bill_mean", "bill")]:
    (m1, s1), (m2, s2) = mean_ci(col("B", values)), mean_ci(col("A", values))
    out.append(dict(metric=name, kind="ratio", test="log_ratio_z", **log_ratio(m1, s1, m2, s2)))
r1, s1 = ratio_estimator(col("B", "charge"), col("B", "v"))
r2, s2 = ratio_estimator(col("A", "charge"), col("A", "v"))
out.append(dict(metric="water_price_per_m3", kind="ratio", test="log_ratio_z", **log_ratio(r1, s1, r2, s2)))
for name, flag in [("effort_above_3pct_share", lambda g: col(g, "bill") / col(g, "income") > 0.03),
                   ("shortfall_share", lambda g: col(g, "v") < col(g, "need"))]:
    x1, n1 = int(flag("B").sum()), len(col("B", "v"))
    x2, n2 = int(flag("A").sum()), len(col("A", "v"))
    table = np.array([[x1, n1 - x1], [x2, n2 - x2]])
    expected = stats.contingency.expected_freq(table).min()
    if expected < 5:
        test, p = "fisher_exact", stats.fisher_exact(table)[1]
    else:
        test, p = "two_proportion_z", proportions_ztest([x1, x2], [n1, n2])[1]
    d_low, d_high = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff", alpha=1 - LEVEL)
    r = (x1 / n1) / (x2 / n2)
    se = math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)  # Katz
    out.append(dict(metric=name, kind="difference", test=test, value=x1 / n1 - x2 / n2, low=d_low, high=d_high, p=p, x1=x1, n1=n1, x2=x2, n2=n2))
    out.append(dict(metric=name, kind="ratio", test=test, value=r, low=r * math.exp(-Z * se), high=r * math.exp(Z * se), p=p, x1=x1, n1=n1, x2=x2, n2=n2))

# One test per comparison (a share's difference and ratio share theirs), Holm over the five.
tests = []
for o in out:
    if (o["metric"]) not in [t[0] for t in tests]:
        tests.append((o["metric"], o["p"]))
adjusted = dict(zip([t[0] for t in tests], multipletests([t[1] for t in tests], method="holm")[1]))
for o in out:
    o["p_adjusted"] = adjusted[o["metric"]]
    band = (-TOL, TOL) if o["kind"] == "difference" else (THRESHOLD, 1 / THRESHOLD)
    o["verdict"] = judge(o["value"], o["low"], o["high"], band, o["p_adjusted"])

doc = dict(
    note="Two groups, A the reference; level 0.95, alpha 0.05, tolerance 0.05, ratio band [0.8, 1.25], Holm.",
    rows=[{k: (v if isinstance(v, str) else repr(float(v))) for k, v in r.items()} for r in rows],
    findings=[{k: (v if isinstance(v, str) else repr(float(v))) for k, v in o.items()} for o in out],
)
with open("allocation_findings_reference.json", "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
for o in out:
    print(o["metric"], o["kind"], o["test"], round(o["value"], 4), round(o["low"], 4), round(o["high"], 4), "%.3g" % o["p"], "%.3g" % o["p_adjusted"], o["verdict"])

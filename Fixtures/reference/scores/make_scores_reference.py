"""Reference values for Vigie's score-fairness metrics (Sources/AuditMetrics/Scores).

Independent of the Swift code: numpy/scipy/statsmodels/scikit-learn on generated data sets.
Writes scores_reference.json next to this script. Deterministic (numpy default_rng seeds).

    python3 Fixtures/reference/scores/make_scores_reference.py
    # numpy 2.x, scipy 1.17.1, statsmodels 0.15, scikit-learn 1.9.1

Conventions checked (see docs/metrics.md, "Score fairness"):
- quantiles: np.quantile(method='linear') (Hyndman-Fan type 7); mean interval: scipy t.interval;
- scoring rate: share of a group strictly above np.median(all analysed scores) (6 RCNY 5-300);
  impact ratio over the highest rate among groups with share >= 2 %, Katz log interval
  (statsmodels confint_proportions_2indep compare='ratio' method='log'; 'log-adjusted' with the
  lower end set to 0 when the group's count is 0);
- KS: scipy.stats.ks_2samp(method='exact'), and scipy.stats.kstwobign.sf(sqrt(en)*D) for the
  asymptotic p-value (scipy's own method='asymp' uses kstwo.sf(D, round(en)); recorded too);
- AUC: sklearn roc_auc_score; DeLong variance from the explicit n1 x n0 kernel matrix;
- calibration: 10 quantile bins of all analysed scores, np.searchsorted(edges[1:-1], s, 'right').
"""
import json, math, os, warnings
import numpy as np
from scipy import stats
from sklearn.metrics import roc_auc_score
from statsmodels.stats.proportion import proportion_confint, confint_proportions_2indep

LEVEL = 0.95
Z = stats.norm.ppf(0.975)


def r(x):
    """Floats as repr strings (exact round trip); None for missing."""
    if x is None:
        return None
    x = float(x)
    return repr(x) if math.isfinite(x) else None


def wilson(x, n):
    lo, hi = proportion_confint(x, n, alpha=1 - LEVEL, method='wilson')
    return [r(lo), r(hi)]


def katz(x1, n1, x2, n2):
    if x2 == 0:
        return None
    if x1 == 0:
        lo, hi = confint_proportions_2indep(0, n1, x2, n2, compare='ratio', method='log-adjusted', alpha=1 - LEVEL)
        return [r(0.0), r(hi)]
    lo, hi = confint_proportions_2indep(x1, n1, x2, n2, compare='ratio', method='log', alpha=1 - LEVEL)
    return [r(lo), r(hi)]


def delong(s, y):
    pos, neg = s[y == 1], s[y == 0]
    n1, n0 = len(pos), len(neg)
    if n1 == 0 or n0 == 0:
        return None
    psi = (pos[:, None] > neg[None, :]).astype(float) + 0.5 * (pos[:, None] == neg[None, :])
    auc = psi.mean()
    out = {"auc": r(auc), "auc_sklearn": r(roc_auc_score(y, s)), "positives": int(n1), "negatives": int(n0)}
    if n1 >= 2 and n0 >= 2:
        v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
        se = math.sqrt(np.var(v10, ddof=1) / n1 + np.var(v01, ddof=1) / n0)
        out.update(se=r(se), low=r(max(0.0, auc - Z * se)), high=r(min(1.0, auc + Z * se)))
    return out


def distribution(s):
    n = len(s)
    out = {"n": n}
    if n == 0:
        return out
    out["mean"] = r(np.mean(s))
    out["quantiles"] = [r(np.quantile(s, p, method='linear')) for p in (0.1, 0.25, 0.5, 0.75, 0.9)]
    if n >= 2:
        sd = np.std(s, ddof=1)
        out["sd"] = r(sd)
        lo, hi = stats.t.interval(LEVEL, n - 1, loc=np.mean(s), scale=sd / math.sqrt(n))
        out["t_interval"] = [r(lo), r(hi)]
    return out


def ks(a, b):
    if len(a) == 0 or len(b) == 0:
        return None
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            res = stats.ks_2samp(a, b, method='exact')
            out["p_exact"] = r(res.pvalue)
        except RuntimeWarning:
            pass
    res = stats.ks_2samp(a, b, method='asymp')
    n1, n2 = len(a), len(b)
    en = n1 * n2 / (n1 + n2)
    out["d"] = r(res.statistic)
    out["p_kstwobign"] = r(stats.kstwobign.sf(math.sqrt(en) * res.statistic))
    out["p_scipy_asymp"] = r(res.pvalue)
    return out


def calibration(s_all, s, y, bins=10):
    edges = np.quantile(s_all, np.arange(bins + 1) / bins, method='linear')
    b = np.searchsorted(edges[1:-1], s, side='right')
    rows = []
    for j in range(bins):
        m = b == j
        n = int(m.sum())
        if n == 0:
            rows.append({"n": 0})
            continue
        x = int(y[m].sum())
        rows.append({"n": n, "positives": x, "rate": r(x / n), "wilson": wilson(x, n), "mean_score": r(np.mean(s[m]))})
    return [r(e) for e in edges], rows


def dataset(name, groups, labels_txt, scores, y, reference):
    groups = np.asarray(groups, dtype=np.int64)
    scores = np.asarray(scores, dtype=float)
    y = None if y is None else np.asarray(y, dtype=np.int64)
    keep = (groups >= 0) & ~np.isnan(scores)
    g, s = groups[keep], scores[keep]
    yy = None if y is None else y[keep]
    N = len(s)
    med = np.median(s)
    sizes = np.array([np.sum(g == k) for k in range(len(labels_txt))])
    above = np.array([np.sum((g == k) & (s > med)) for k in range(len(labels_txt))])
    eligible = (sizes > 0) & (sizes >= 0.02 * N)
    rates = np.where(sizes > 0, above / np.maximum(sizes, 1), np.nan)
    best = None
    for k in range(len(labels_txt)):  # first group with the highest rate
        if eligible[k] and (best is None or rates[k] > rates[best]):
            best = k
    out = {"name": name, "labels": labels_txt, "groups": [int(x) for x in groups], "scores": [r(x) if not np.isnan(x) else None for x in scores],
           "y": None if y is None else [int(x) for x in y], "reference": reference, "median": r(med), "highest": best}
    edges = None
    out["overall"] = {"distribution": distribution(np.sort(s))}
    if yy is not None:
        out["overall"]["auc"] = delong(s, yy)
        edges, out["overall"]["calibration"] = calibration(s, s, yy)
        out["edges"] = edges
    per = []
    for k in range(len(labels_txt)):
        m = g == k
        sg = s[m]
        e = {"distribution": distribution(np.sort(sg)), "above": int(above[k]), "n": int(sizes[k])}
        if sizes[k] > 0:
            e["scoring_rate"] = r(rates[k])
            e["scoring_rate_wilson"] = wilson(int(above[k]), int(sizes[k]))
            if eligible[k] and best is not None and above[best] > 0:
                e["impact_ratio"] = r(rates[k] / rates[best])
                if k != best:
                    e["impact_ratio_katz"] = katz(int(above[k]), int(sizes[k]), int(above[best]), int(sizes[best]))
        e["ks_rest"] = ks(sg, s[~m])
        if reference is not None and k != reference:
            e["ks_reference"] = ks(sg, s[g == reference])
        if yy is not None:
            e["auc"] = delong(sg, yy[m])
            _, e["calibration"] = calibration(s, sg, yy[m])
        per.append(e)
    out["per_group"] = per
    return out


def main():
    out = []
    # 1. Small hand-sized set: integer scores with ties, three groups, labels.
    rng = np.random.default_rng(20260401)
    n = 40
    g = rng.integers(0, 3, n)
    sc = rng.integers(0, 12, n).astype(float)
    y = (rng.random(n) < 0.25 + 0.05 * sc).astype(int)
    out.append(dataset("small_ties", g, ["A", "B", "C"], sc, y, 0))
    # 2. Continuous scores, four groups (one below 2 %), shifted means, missing scores and excluded rows.
    rng = np.random.default_rng(7)
    n = 900
    g = rng.choice(4, n, p=[0.5, 0.33, 0.155, 0.015])
    sc = rng.normal(50 + 4 * (g == 1) - 6 * (g == 2), 10)
    p = 1 / (1 + np.exp(-(sc - 50) / 8 + 0.3 * (g == 2)))
    y = (rng.random(n) < p).astype(int)
    g[rng.random(n) < 0.02] = -1
    sc[rng.random(n) < 0.02] = np.nan
    out.append(dataset("continuous_4groups", g, ["f", "h", "nc", "x"], sc, y, 0))
    # 3. A points grid: integer scores 0..60, heavy ties, 3 groups of unequal size, 2,400 rows.
    rng = np.random.default_rng(12345)
    n = 2400
    g = rng.choice(3, n, p=[0.6, 0.3, 0.1])
    sc = (rng.binomial(12, 0.4 + 0.05 * g, n) * 5).astype(float)
    y = (rng.random(n) < 0.1 + sc / 100).astype(int)
    out.append(dataset("points_grid", g, ["Montpellier", "QPV", "hors_metropole"], sc, y, 1))
    # 4. No labels; a group with no score above the median; an empty group.
    rng = np.random.default_rng(99)
    n = 300
    g = rng.choice(3, n, p=[0.7, 0.3, 0.0])
    sc = np.where(g == 1, rng.integers(0, 5, n), rng.integers(0, 20, n)).astype(float)
    out.append(dataset("unlabelled_with_empty_group", g, ["a", "b", "empty"], sc, None, None))
    # KS on pairs of samples: equal sizes (scipy's n1 == n2 formula), unequal sizes, ties, tiny p-values.
    rng = np.random.default_rng(2024)
    pairs = []
    for n1, n2, shift, ties in [(5, 5, 0.0, False), (10, 10, 1.0, False), (7, 13, 0.5, False), (50, 50, 0.3, True),
                                (30, 200, 0.8, False), (300, 400, 0.1, True), (250, 250, 1.5, False), (1000, 1500, 0.25, False),
                                (2000, 3000, 0.05, True)]:
        a = rng.normal(0, 1, n1)
        b = rng.normal(shift, 1, n2)
        if ties:
            a, b = np.round(a * 4) / 4, np.round(b * 4) / 4
        pairs.append({"a": [r(x) for x in a], "b": [r(x) for x in b], **ks(a, b)})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scores_reference.json")
    with open(path, "w") as f:
        json.dump({"level": LEVEL, "datasets": out, "ks_pairs": pairs}, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path, [d["name"] for d in out])


if __name__ == "__main__":
    main()

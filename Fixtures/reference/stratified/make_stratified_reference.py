"""Reference values for Vigie's stratified analyses (Sources/AuditMetrics/Stratified).

Independent of the Swift code. Writes stratified_reference.json next to this script.

    pip install statsmodels==0.15.0 scikit-learn==1.9.1     # numpy 2.4.6, scipy 1.17.1
    python3 Fixtures/reference/stratified/make_stratified_reference.py

- Mantel-Haenszel odds ratio, Robins-Breslow-Greenland SE of its log and interval, the CMH
  test with and without continuity correction, Breslow-Day with and without Tarone's
  adjustment: statsmodels.stats.contingency_tables.StratifiedTable. Each table is
  [a, b, c, d] = [[group selected, group not], [reference selected, reference not]].
  statsmodels is run on the informative strata (all four margins > 0); where it can also run
  on all the strata (no stratum with n <= 1) the script asserts the estimates and the CMH test
  are the same, and records how many strata were informative. Breslow-Day is nan in
  statsmodels as soon as one stratum is uninformative, so it is only computed on the
  informative ones. p-values: statsmodels' 1 - chi2.cdf is kept as `*_pvalue_statsmodels`;
  `*_pvalue` is scipy.stats.chi2.sf of statsmodels' statistic (precise below 1e-16).
  One-stratum cases are checked against Table2x2 (crude OR, Woolf SE). Where statsmodels
  gives nan for Breslow-Day because the pooled OR is exactly 1 (division by 1 - OR), the
  expected counts are m1*t1/n and the statistic is computed here directly.
- Cohen's kappa: sklearn.metrics.cohen_kappa_score on the rows (with sample_weight when
  weighted), statsmodels.stats.inter_rater.cohens_kappa on the (weighted) 2x2 table for
  std_kappa, kappa_low and kappa_upp (95 %).
- Stratified log-rank: statsmodels.duration.survfunc.survdiff(time, status, group,
  strata=strata) on the analysed rows (group and stratum codes >= 0).
"""
import json, math, os, warnings
import numpy as np
from scipy import stats
import sklearn
import statsmodels
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.contingency_tables import StratifiedTable, Table2x2
from statsmodels.stats.inter_rater import cohens_kappa
from statsmodels.duration.survfunc import survdiff

LEVEL = 0.95


def r(x):
    if x is None:
        return None
    x = float(x)
    return repr(x) if math.isfinite(x) else None


def informative(t):
    a, b, c, d = t
    return a + b > 0 and c + d > 0 and a + c > 0 and b + d > 0


def cube(tables):
    return np.dstack([np.array([[a, b], [c, d]], dtype=float) for a, b, c, d in tables])


def stratified(name, tables, note=""):
    tables = [[float(x) for x in t] for t in tables]
    info = [t for t in tables if informative(t)]
    out = {"name": name, "note": note, "tables": [[r(x) for x in t] for t in tables],
           "strata": len(tables), "informative_strata": len(info)}
    if not info:
        return out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        st = StratifiedTable(cube(info))
        R = sum(a * d / (a + b + c + d) for a, b, c, d in info)
        S = sum(b * c / (a + b + c + d) for a, b, c, d in info)
        for corr in (False, True):
            test = st.test_null_odds(correction=corr)
            key = "cmh_corrected" if corr else "cmh"
            out[key] = r(test.statistic)
            out[key + "_pvalue"] = r(stats.chi2.sf(test.statistic, 1))
            out[key + "_pvalue_statsmodels"] = r(test.pvalue)
        out["delta"] = r(sum(a - (a + b) * (a + c) / (a + b + c + d) for a, b, c, d in info))
        if R > 0 and S > 0:
            out["odds_ratio"] = r(st.oddsratio_pooled)
            out["log_odds_ratio"] = r(st.logodds_pooled)
            out["log_se"] = r(st.logodds_pooled_se)
            lo, hi = st.oddsratio_pooled_confint(alpha=1 - LEVEL)
            out["interval"] = [r(lo), r(hi)]
            lo90, hi90 = st.oddsratio_pooled_confint(alpha=0.10)
            out["interval_90"] = [r(lo90), r(hi90)]
            if len(info) >= 2:
                for adjust in (False, True):
                    bd = st.test_equal_odds(adjust=adjust)
                    key = "tarone" if adjust else "breslow_day"
                    x = bd.statistic
                    if not math.isfinite(x) and st.oddsratio_pooled == 1.0:
                        # statsmodels divides by 1 - OR; the root is then m1*t1/n.
                        x, ssum, esum, vsum = 0.0, 0.0, 0.0, 0.0
                        for a, b, c, d in info:
                            n, m1, t1 = a + b + c + d, a + b, a + c
                            e = m1 * t1 / n
                            v = 1 / (1 / e + 1 / (t1 - e) + 1 / (m1 - e) + 1 / (n - m1 - t1 + e))
                            x += (a - e) ** 2 / v
                            ssum, esum, vsum = ssum + a, esum + e, vsum + v
                        if adjust:
                            x -= (ssum - esum) ** 2 / vsum
                        out[key + "_source"] = "by hand (statsmodels nan at OR = 1)"
                    out[key] = r(x)
                    out[key + "_df"] = len(info) - 1
                    out[key + "_pvalue"] = r(stats.chi2.sf(x, len(info) - 1))
        if all(a + b + c + d > 1 for a, b, c, d in tables) and len(info) < len(tables):
            full = StratifiedTable(cube(tables))
            assert full.test_null_odds().statistic == test.statistic or \
                abs(full.test_null_odds().statistic - st.test_null_odds().statistic) <= 1e-14 * st.test_null_odds().statistic
            if R > 0 and S > 0:
                assert abs(full.oddsratio_pooled - st.oddsratio_pooled) <= 1e-14 * st.oddsratio_pooled
                assert abs(full.logodds_pooled_se - st.logodds_pooled_se) <= 1e-14 * st.logodds_pooled_se
            out["statsmodels_all_strata_same_estimates"] = True
        if len(info) == 1 and R > 0 and S > 0:
            t2 = Table2x2(cube(info)[:, :, 0])
            assert abs(t2.oddsratio - st.oddsratio_pooled) <= 1e-14 * t2.oddsratio
            assert abs(t2.log_oddsratio_se - st.logodds_pooled_se) <= 1e-14 * t2.log_oddsratio_se
            out["crude_odds_ratio"] = r(t2.oddsratio)
            out["woolf_log_se"] = r(t2.log_oddsratio_se)
    return out


def random_tables(rng, k, size, log_or, heterogeneity=0.0, weighted=False):
    out = []
    for _ in range(k):
        base = rng.uniform(-2, 1)
        lo = log_or + rng.normal(0, heterogeneity)
        n1, n0 = rng.integers(size // 4, size + 1), rng.integers(size // 4, size + 1)
        p1 = 1 / (1 + math.exp(-(base + lo)))
        p0 = 1 / (1 + math.exp(-base))
        a, c = rng.binomial(n1, p1), rng.binomial(n0, p0)
        t = [a, n1 - a, c, n0 - c]
        if weighted:
            t = [x * rng.choice([0.25, 0.5, 1.25, 1.75, 2.5]) for x in t]
        out.append(t)
    return out


def rows_case(rng, name, n, groups, strata, reference, weighted):
    g = rng.integers(-1, groups, n)
    s = rng.integers(-1, strata, n)
    logit = -1.5 + 0.25 * np.maximum(s, 0) - 0.5 * (g == 1) + 0.3 * (g == 2)
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    w = rng.choice([0.5, 1.25, 2.0, 0.75, 3.0], n) if weighted else np.ones(n)
    per_group = []
    for grp in range(groups):
        if grp == reference:
            per_group.append(None)
            continue
        tables = []
        for k in range(strata):
            def wsum(gg, yy):
                m = (g == gg) & (s == k) & (y == yy)
                return float(w[m].sum())
            tables.append([wsum(grp, 1), wsum(grp, 0), wsum(reference, 1), wsum(reference, 0)])
        per_group.append(stratified(f"{name} group {grp}", tables))
    cells = [[int(np.sum((g == gg) & (s == k))) for k in range(strata)] for gg in range(groups)]
    return {"name": name, "groups": g.tolist(), "strata": s.tolist(), "selected": y.tolist(),
            "weights": [r(x) for x in w] if weighted else None, "group_count": groups, "strata_count": strata,
            "reference": reference, "rows_per_cell": cells, "left_out": int(np.sum((g < 0) | (s < 0))),
            "per_group": per_group}


def kappa_case(name, grid, decision, weights=None, keep_rows=True):
    grid, decision = np.asarray(grid), np.asarray(decision)
    w = np.ones(len(grid)) if weights is None else np.asarray(weights, float)
    table = np.array([[w[(grid == i) & (decision == j)].sum() for j in (0, 1)] for i in (0, 1)])
    out = {"name": name, "table": [[r(x) for x in row] for row in table]}
    if keep_rows:
        out.update({"grid": grid.tolist(), "decision": decision.tolist(), "weights": None if weights is None else [r(x) for x in w]})
    n = table.sum()
    out["observed_agreement"] = r(np.trace(table) / n) if n > 0 else None
    out["expected_agreement"] = r((table.sum(1) / n) @ (table.sum(0) / n)) if n > 0 else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = cohen_kappa_score(grid, decision, sample_weight=weights)
        out["kappa_sklearn"] = r(k)
        if n > 0 and math.isfinite(k):
            res = cohens_kappa(table)
            out["kappa"] = r(res.kappa)
            out["std_kappa"] = r(res.std_kappa)
            out["kappa_low"] = r(res.kappa_low)
            out["kappa_upp"] = r(res.kappa_upp)
    return out


def logrank_case(name, time, event, group, strata):
    time, event, group, strata = map(np.asarray, (time, event, group, strata))
    keep = (group >= 0) & (strata >= 0)
    chisq, p = survdiff(time[keep], event[keep], group[keep], strata=strata[keep])
    gr = np.unique(group[keep])
    return {"name": name, "time": [r(x) for x in time], "event": event.tolist(), "groups": group.tolist(),
            "strata": strata.tolist(), "group_count": int(group.max()) + 1, "strata_count": int(strata.max()) + 1,
            "statistic": r(chisq), "df": len(gr) - 1, "pvalue": r(stats.chi2.sf(chisq, len(gr) - 1)),
            "pvalue_statsmodels": r(p), "left_out": int(np.sum(~keep))}


def main():
    rng = np.random.default_rng(20261203)
    cases = [
        stratified("single stratum (crude odds ratio)", [[12, 30, 20, 25]]),
        stratified("single stratum with a zero cell", [[0, 14, 6, 9]], "a = 0: OR = 0, CMH defined"),
        stratified("ten deciles", random_tables(rng, 10, 300, math.log(0.6))),
        stratified("zero cells in informative strata", [[0, 5, 3, 7], [4, 0, 2, 6], [3, 8, 0, 9], [6, 2, 5, 0], [7, 9, 4, 8]]),
        stratified("uninformative strata", [[5, 9, 8, 6], [0, 0, 7, 3], [4, 6, 0, 0], [0, 8, 0, 5],
                                            [6, 0, 9, 0], [3, 7, 6, 5], [2, 2, 1, 1]],
                   "group absent, reference absent, nobody selected, everybody selected"),
        stratified("uninformative strata with empty and one-person strata",
                   [[5, 9, 8, 6], [0, 0, 0, 0], [1, 0, 0, 0], [3, 7, 6, 5], [0, 1, 0, 0]],
                   "statsmodels is nan on the full set (n = 0 and n = 1 strata)"),
        stratified("tiny counts", [[1, 2, 1, 1], [1, 1, 2, 1], [2, 1, 1, 1], [1, 1, 1, 3]]),
        stratified("large counts", random_tables(rng, 8, 900000, math.log(0.8))),
        stratified("weighted counts", random_tables(rng, 6, 80, math.log(1.5), weighted=True)),
        stratified("heterogeneous odds ratios", [[40, 10, 10, 40], [10, 40, 40, 10], [25, 25, 25, 25], [30, 20, 10, 40]]),
        stratified("common odds ratio exactly 1", [[10, 10, 10, 10], [5, 15, 5, 15], [8, 2, 4, 1]]),
        stratified("very significant", random_tables(rng, 5, 200000, math.log(0.5))),
        stratified("odds ratio 0", [[0, 10, 5, 5], [0, 7, 3, 9]], "sum ad/n = 0"),
        stratified("odds ratio infinite", [[4, 0, 0, 6], [3, 5, 0, 9]], "sum bc/n = 0"),
        stratified("no informative stratum", [[0, 0, 4, 5], [3, 4, 0, 0], [0, 6, 0, 2]]),
        stratified("one informative stratum among three", [[7, 3, 4, 6], [0, 0, 5, 5], [2, 2, 0, 0]]),
        stratified("continuity correction below one half", [[2, 3, 2, 3], [3, 2, 3, 2]], "delta = 0"),
    ]
    for i in range(20):
        k = int(rng.integers(1, 12))
        cases.append(stratified(f"random {i}", random_tables(rng, k, int(rng.integers(2, 400)), rng.normal(0, 0.7), heterogeneity=0.3,
                                                             weighted=bool(i % 4 == 3))))
    rows = [rows_case(rng, "rows unweighted", 3000, 3, 5, 0, False),
            rows_case(rng, "rows weighted", 2000, 4, 3, 2, True)]

    kappas = []
    n = 500
    grid = rng.random(n) < 0.3
    decision = np.where(rng.random(n) < 0.8, grid, rng.random(n) < 0.3)
    kappas.append(kappa_case("moderate agreement", grid.astype(int), decision.astype(int)))
    kappas.append(kappa_case("weighted", grid.astype(int), decision.astype(int), rng.choice([0.5, 1.25, 2.0, 0.75], n)))
    kappas.append(kappa_case("negative kappa", [1, 1, 1, 0, 0, 0, 1, 0], [0, 0, 1, 1, 1, 0, 0, 1]))
    kappas.append(kappa_case("perfect agreement", [1, 0, 1, 0, 0], [1, 0, 1, 0, 0]))
    kappas.append(kappa_case("grid selects nobody", [0] * 6, [0, 1, 0, 0, 1, 0]))
    kappas.append(kappa_case("both constant and equal", [1] * 4, [1] * 4))
    big = rng.random(200000) < 0.1
    kappas.append(kappa_case("large", big.astype(int), np.where(rng.random(200000) < 0.9, big, rng.random(200000) < 0.1).astype(int), keep_rows=False))

    logranks = []
    m = 600
    group = rng.integers(-1, 3, m)
    strata = rng.integers(-1, 4, m)
    hazard = 0.02 * np.exp(0.4 * (group == 1) - 0.3 * (group == 2) + 0.3 * np.maximum(strata, 0))
    t = np.ceil(rng.exponential(1 / hazard))
    c = np.ceil(rng.uniform(10, 120, m))
    logranks.append(logrank_case("months with ties, three groups, four strata", np.minimum(t, c), (t <= c).astype(int), group, strata))
    m = 300
    group = rng.integers(0, 2, m)
    strata = rng.integers(0, 3, m)
    t = rng.exponential(1 / (0.05 * np.exp(0.5 * group - 0.5 * strata)))
    c = rng.uniform(0, 40, m)
    logranks.append(logrank_case("continuous times, two groups, three strata", np.round(np.minimum(t, c), 6), (t <= c).astype(int), group, strata))
    # A group absent from one stratum.
    group = np.array([0, 0, 1, 1, 0, 0, 1, 2, 2, 2, 0, 1, 2, 0, 1, 2])
    strata = np.array([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
    time = np.array([3, 5, 4, 7, 2, 9, 6, 1, 8, 8, 5, 5, 2, 7, 3, 4], float)
    event = np.array([1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1])
    logranks.append(logrank_case("small, group 2 absent from stratum 0", time, event, group, strata))

    out = {"tools": {"statsmodels": statsmodels.__version__, "scikit-learn": sklearn.__version__,
                     "numpy": np.__version__, "scipy": __import__("scipy").__version__},
           "level": LEVEL, "stratified": cases, "rows": rows, "kappa": kappas, "logrank": logranks}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stratified_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {path}: {len(cases)} stratified cases, {len(rows)} row cases, {len(kappas)} kappa, {len(logranks)} log-rank")


if __name__ == "__main__":
    main()

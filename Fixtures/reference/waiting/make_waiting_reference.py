"""Reference values for Vigie's waiting-list fairness (Sources/AuditMetrics/WaitingList).

Independent of the Swift code. Writes waiting_reference.json next to this script.

    pip install lifelines==0.30.3      # plus numpy 2.x, scipy 1.17.1
    python3 Fixtures/reference/waiting/make_waiting_reference.py

- top-k share, exposure (Singh & Joachims 2018, 1/log2(1 + rank)) and NDKL (Geyik et al. 2019)
  from their definitions in numpy; KL divergences by scipy.stats.entropy(p, q) (natural log);
- Kaplan-Meier curves, Greenwood standard errors (S * sqrt(kmf._cumulative_sq_)), log(-log)
  ("exponential Greenwood") bands, median and its interval: lifelines KaplanMeierFitter,
  median_survival_time_ and median_survival_times(confidence_interval_);
- restricted mean wait up to the groups' common horizon: lifelines restricted_mean_survival_time(kmf, t);
- log-rank across k groups: lifelines.statistics.multivariate_logrank_test.
"""
import json, math, os
import numpy as np
from scipy import stats
from lifelines import KaplanMeierFitter
from lifelines.statistics import multivariate_logrank_test
from lifelines.utils import median_survival_times, restricted_mean_survival_time


def r(x):
    if x is None:
        return None
    x = float(x)
    return repr(x) if math.isfinite(x) else None


def ranking(name, groups, labels, rank, k):
    groups, rank = np.asarray(groups), np.asarray(rank)
    keep = groups >= 0
    order = groups[keep][np.argsort(rank[keep], kind='stable')]
    n, G = len(order), len(labels)
    sizes = np.array([np.sum(order == g) for g in range(G)])
    pos = np.arange(1, n + 1)
    v = 1 / np.log2(1 + pos)
    per = []
    for g in range(G):
        m = order == g
        c = int(np.sum(m[:k]))
        e = {"applicants": int(sizes[g]), "in_top_k": c,
             "applicant_share": r(sizes[g] / n),
             "top_k_share": r(c / k) if k > 0 else None,
             "top_k_share_ratio": r((c / k) / (sizes[g] / n)) if k > 0 and sizes[g] > 0 else None,
             "mean_exposure": r(v[m].mean()) if sizes[g] > 0 else None,
             "exposure_share": r(v[m].sum() / v.sum()),
             "exposure_ratio": r((v[m].sum() / v.sum()) / (sizes[g] / n)) if sizes[g] > 0 else None}
        per.append(e)
    q = sizes / n
    present = sizes > 0
    total, z = 0.0, 0.0
    counts = np.zeros(G)
    for i in range(1, n + 1):
        counts[order[i - 1]] += 1
        p = counts / i
        kl = stats.entropy(p[present], q[present])  # sum p log(p/q), natural log, 0 log 0 = 0
        total += kl / math.log2(i + 1)
        z += 1 / math.log2(i + 1)
    return {"name": name, "labels": labels, "groups": [int(x) for x in groups], "rank": [int(x) for x in rank], "k": k,
            "per_group": per, "ndkl": r(total / z)}


def km(t, e, tau, level=0.95):
    if len(t) == 0:
        return {"n": 0}
    f = KaplanMeierFitter(alpha=1 - level).fit(t, event_observed=e)
    sf = f.survival_function_.iloc[:, 0]
    ci = f.confidence_interval_
    cs = f._cumulative_sq_
    times = sf.index.values
    med = f.median_survival_time_
    mci = median_survival_times(f.confidence_interval_)
    lo, hi = mci.iloc[0, 0], mci.iloc[0, 1]
    # Drop the artificial time-0 row that lifelines adds when no one has time 0.
    rows = [i for i, x in enumerate(times) if x in set(t)]
    s_vals = sf.values
    close_to_half = bool(np.any(np.abs(s_vals - 0.5) < 1e-9))
    return {"n": int(len(t)), "events": int(np.sum(e)),
            "times": [r(times[i]) for i in rows], "survival": [r(s_vals[i]) for i in rows],
            "se": [r(s_vals[i] * math.sqrt(cs.values[i])) for i in rows],
            "lower": [r(ci.values[i, 0]) for i in rows], "upper": [r(ci.values[i, 1]) for i in rows],
            "median": r(med), "median_lower": r(lo), "median_upper": r(hi), "survival_near_half": close_to_half,
            "rmst": r(restricted_mean_survival_time(f, t=tau))}


def survival(name, groups, labels, t, e):
    groups, t, e = np.asarray(groups), np.asarray(t, dtype=float), np.asarray(e, dtype=int)
    keep = groups >= 0
    g, tt, ee = groups[keep], t[keep], e[keep]
    present = [k for k in range(len(labels)) if np.any(g == k)]
    # The common horizon: the earliest of the groups' last observed times.
    tau = float(min(np.max(tt[g == k]) for k in present))
    out = {"name": name, "labels": labels, "groups": [int(x) for x in groups], "time": [r(x) for x in t], "event": [int(x) for x in e],
           "tau": r(tau), "overall": km(tt, ee, tau), "per_group": [km(tt[g == k], ee[g == k], tau) for k in range(len(labels))]}
    if len(present) >= 2:
        res = multivariate_logrank_test(tt, g, ee)
        out["logrank"] = {"chi2": r(res.test_statistic), "df": int(res.degrees_of_freedom), "p": r(res.p_value)}
    return out


def main():
    rankings, survivals = [], []
    rng = np.random.default_rng(31)
    # Ranking 1: 3 groups, group 2 pushed down, ranks with gaps, excluded rows.
    n = 500
    g = rng.choice(3, n, p=[0.5, 0.3, 0.2])
    key = rng.random(n) + 0.3 * (g == 2)
    rank = np.empty(n, dtype=int)
    rank[np.argsort(key, kind='stable')] = np.arange(1, n + 1) * 3  # gaps of 3
    g[rng.random(n) < 0.03] = -1
    rankings.append(ranking("three_groups_gaps_excluded", g, ["a", "b", "c"], rank, 60))
    # Ranking 2: a fair random order of 2,000 applicants in 5 groups (one empty), k = 250.
    n = 2000
    g = rng.choice(5, n, p=[0.4, 0.25, 0.2, 0.15, 0.0])
    rank = rng.permutation(n) + 1
    rankings.append(ranking("random_five_groups", g, ["g0", "g1", "g2", "g3", "empty"], rank, 250))
    # Ranking 3: fully segregated (all of group 1 first), k = 0 and k = n limits checked in Swift.
    n = 200
    g = np.array([1] * 40 + [0] * 160)
    rank = np.arange(1, n + 1)
    rankings.append(ranking("segregated", g, ["majority", "minority"], rank, 40))

    # Survival 1: continuous exponential waits, 3 groups with different rates, administrative censoring.
    n = 600
    g = rng.choice(3, n, p=[0.5, 0.3, 0.2])
    wait = rng.exponential(np.array([500.0, 700.0, 1000.0])[g])
    follow = rng.uniform(100, 1500, n)
    t = np.minimum(wait, follow)
    e = (wait <= follow).astype(int)
    g[rng.random(n) < 0.02] = -1
    survivals.append(survival("continuous_days", g, ["a", "b", "c"], np.round(t, 3), e))
    # Survival 2: integer months with heavy ties, 4 groups, one whose median is never reached.
    n = 800
    g = rng.choice(4, n, p=[0.4, 0.3, 0.2, 0.1])
    wait = np.ceil(rng.gamma(2.0, np.array([6.0, 8.0, 12.0, 40.0])[g]))
    follow = rng.integers(6, 48, n)
    t = np.minimum(wait, follow)
    e = (wait <= follow).astype(int)
    survivals.append(survival("months_ties", g, ["ménage_1", "ménage_2", "famille", "handicap"], t, e))
    # Survival 3: small, hand-checkable: 2 groups.
    survivals.append(survival("tiny", [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
                              ["x", "y"], [2, 3, 3, 5, 8, 1, 4, 4, 6, 9], [1, 1, 0, 1, 0, 1, 1, 1, 0, 1]))
    for s in survivals:
        for c in [s["overall"]] + s["per_group"]:
            assert not c.get("survival_near_half"), (s["name"], "a survival value within 1e-9 of 0.5: median is float-fragile")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "waiting_reference.json")
    with open(path, "w") as f:
        json.dump({"level": 0.95, "rankings": rankings, "survival": survivals}, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote", path)
    for s in survivals:
        print(s["name"], s.get("logrank"), [(c.get("median"), c.get("median_lower"), c.get("median_upper")) for c in s["per_group"]])
    for k in rankings:
        print(k["name"], k["ndkl"])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference values for Vigie's bootstrap intervals (Tests/AuditMetricsTests/BootstrapIntervalTests.swift).

Writes `bootstrap_reference.json` next to this script. Deterministic: running it twice gives
byte-identical output (numpy.random.default_rng with fixed seeds; floats written with repr).

Two kinds of case:

* "formula" cases: fixed replicate vectors drawn with numpy, an estimate and an acceleration
  chosen by hand. Expected intervals are computed by `scipy_bca` / `scipy_percentile` below, which
  copy scipy 1.17.1's `_bca_interval` (scipy/stats/_resampling.py) line by line for alpha_1,
  alpha_2 and then call scipy's own `scipy.stats.quantile(..., method='linear')` as
  `scipy.stats.bootstrap` does. The copy is needed because `_bca_interval` recomputes theta_hat
  and the acceleration from data and a statistic, whereas these cases fix them. The copy is checked
  against scipy itself in the "scipy" cases.
* "scipy" cases: `scipy.stats.bootstrap` is run on real 0/1 data (stratified by group, one sample
  per group); its `bootstrap_distribution`, the statistic on the data, the acceleration returned
  by scipy's private `_bca_interval` and scipy's `confidence_interval` are stored. The script
  asserts that `scipy_bca` reproduces scipy's interval exactly on them.

Also stored, for the acceleration (jackknife) test: the cell counts of each "scipy" case,
the pooled-rows jackknife acceleration of Efron & Tibshirani (1993) eq. 14.15 that Vigie implements
(`pooled_acceleration`), and scipy's per-sample one (`scipy_acceleration`); they are equal for one
group and differ at order 1/n for several.

Requires numpy 2.4.6, scipy 1.17.1.
"""
import json
import os

import numpy as np
import scipy
import scipy.stats as st
from scipy.special import ndtr, ndtri
from scipy.stats import _resampling as rs

HERE = os.path.dirname(os.path.abspath(__file__))


def defined(values):
    return np.array([v for v in values if v is not None], dtype=np.float64)


def minimum_defined(b):
    return max(10, -(-9 * b // 10))


def scipy_percentile(values, level):
    """scipy.stats.bootstrap, method='percentile', on the defined replicates."""
    y = defined(values)
    if len(y) < minimum_defined(len(values)):
        return None
    alpha = (1 - level) / 2
    ci = st.quantile(y, np.asarray([alpha, 1 - alpha]), method="linear")
    return float(ci[0]), float(ci[1])


def scipy_bca(values, estimate, a_hat, level):
    """scipy 1.17.1 _bca_interval (alpha_1, alpha_2) + bootstrap's quantile step."""
    y = defined(values)
    if len(y) < minimum_defined(len(values)):
        return None
    B = y.shape[-1]
    # _percentile_of_score: ties count one half
    percentile = (np.count_nonzero(y < estimate) + np.count_nonzero(y <= estimate)) / (2 * B)
    z0_hat = ndtri(percentile)
    alpha = (1 - level) / 2
    z_alpha = float(ndtri(alpha))
    z_1alpha = -z_alpha
    num1 = z0_hat + z_alpha
    alpha_1 = ndtr(z0_hat + num1 / (1 - a_hat * num1))
    num2 = z0_hat + z_1alpha
    alpha_2 = ndtr(z0_hat + num2 / (1 - a_hat * num2))
    ci = st.quantile(y, np.asarray([alpha_1, alpha_2]), method="linear")
    return float(ci[0]), float(ci[1]), float(alpha_1), float(alpha_2)


def f(x):
    return None if x is None else repr(float(x))


def formula_cases():
    rng = np.random.default_rng(20240611)
    cases = []

    def add(name, values, estimate, a, level):
        p = scipy_percentile(values, level)
        b = scipy_bca(values, estimate, a, level)
        cases.append({
            "name": name, "level": repr(level), "estimate": repr(float(estimate)), "acceleration": repr(float(a)),
            "values": [f(v) for v in values],
            "percentile": None if p is None else [f(p[0]), f(p[1])],
            "bca": None if b is None else [f(b[0]), f(b[1])],
        })

    v = rng.normal(0.1, 0.02, 2000)
    add("normal B=2000", list(v), 0.1013, 0.05, 0.95)
    v = rng.gamma(2.0, 0.5, 1000)
    add("gamma B=1000, negative a", list(v), 0.9, -0.03, 0.90)
    v = rng.binomial(50, 0.3, 999) / 50
    add("discrete with ties at the estimate", list(v), 0.3, 0.02, 0.95)
    v = rng.binomial(40, 0.1, 500) / 40
    add("discrete, estimate between values", list(v), 0.11, -0.1, 0.80)
    v = list(rng.lognormal(0, 0.5, 1000))
    for i in rng.choice(1000, 50, replace=False):
        v[i] = None
    add("5% undefined (kept)", v, 1.05, 0.08, 0.99)
    v = list(rng.normal(0, 1, 1000))
    for i in rng.choice(1000, 101, replace=False):
        v[i] = None
    add("10.1% undefined (rejected)", v, 0.0, 0.0, 0.95)
    v = list(rng.normal(0, 1, 1000))
    for i in rng.choice(1000, 100, replace=False):
        v[i] = None
    add("exactly 10% undefined (kept)", v, 0.01, 0.0, 0.95)
    add("9 replicates (rejected)", list(rng.normal(0, 1, 9)), 0.0, 0.0, 0.95)
    add("10 replicates", list(rng.normal(0, 1, 10)), 0.1, 0.1, 0.95)
    return cases


def codes_of(cells):
    """Rows of a group as cell codes 0..3 (TN, FP, FN, TP), in cell order."""
    return np.repeat(np.arange(4), cells).astype(np.float64)


def sel(x, axis=-1):
    return np.mean((x == 1) | (x == 3), axis=axis)


def tpr(x, axis=-1):
    return np.sum(x == 3, axis=axis) / np.sum((x == 3) | (x == 2), axis=axis)


STATISTICS = {
    # statistic over samples (one per group): (numpy function of code arrays, Swift name)
    "selection rate": lambda x, axis=-1: sel(x, axis),
    "tpr": lambda x, axis=-1: tpr(x, axis),
    "selection rate difference (g1 - g0)": lambda x, y, axis=-1: sel(y, axis) - sel(x, axis),
    "tpr ratio (g1 / g0)": lambda x, y, axis=-1: tpr(y, axis) / tpr(x, axis),
}


def pooled_acceleration(groups, statistic):
    """Efron & Tibshirani (1993) eq. 14.15 over all rows pooled, grouped by cell."""
    data = [codes_of(g) for g in groups]
    theta_hat = float(statistic(*data))
    deltas, m = [], []
    for gi, g in enumerate(groups):
        for c in range(4):
            if g[c] == 0:
                continue
            cells = [list(h) for h in groups]
            cells[gi][c] -= 1
            deltas.append(float(statistic(*[codes_of(h) for h in cells])) - theta_hat)
            m.append(g[c])
    deltas, m = np.array(deltas), np.array(m, dtype=np.float64)
    mean = np.sum(m * deltas) / np.sum(m)
    d = mean - deltas
    return float(np.sum(m * d**3) / (6 * np.sum(m * d**2) ** 1.5))


def scipy_cases():
    xp = scipy._lib._array_api.array_namespace(np.asarray(1.0))
    cases = []
    specs = [
        ("selection rate", [[37, 13, 21, 9]], 1999, 0.95, 11),
        ("tpr", [[30, 10, 12, 28]], 2000, 0.95, 12),
        ("selection rate difference (g1 - g0)", [[40, 20, 25, 15], [30, 35, 10, 45]], 1999, 0.95, 13),
        ("tpr ratio (g1 / g0)", [[40, 20, 25, 15], [30, 35, 10, 45]], 1500, 0.90, 14),
    ]
    for name, groups, B, level, seed in specs:
        statistic = STATISTICS[name]
        data = tuple(codes_of(g) for g in groups)
        res_bca = st.bootstrap(data, statistic, n_resamples=B, confidence_level=level, method="BCa",
                               rng=np.random.default_rng(seed))
        res_pct = st.bootstrap(data, statistic, n_resamples=B, confidence_level=level, method="percentile",
                               rng=np.random.default_rng(seed))
        dist = res_bca.bootstrap_distribution
        assert np.array_equal(dist, res_pct.bootstrap_distribution)
        estimate = float(statistic(*data))
        alpha = (1 - level) / 2
        alpha_1, alpha_2, a_hat = rs._bca_interval(data, statistic, axis=-1, alpha=alpha, theta_hat_b=dist,
                                                   batch=None, xp=xp)
        a_hat = float(a_hat)
        mine = scipy_bca(list(dist), estimate, a_hat, level)
        assert (mine[0], mine[1]) == (float(res_bca.confidence_interval.low), float(res_bca.confidence_interval.high)), name
        assert (mine[2], mine[3]) == (float(alpha_1), float(alpha_2)), name
        pct = scipy_percentile(list(dist), level)
        assert pct == (float(res_pct.confidence_interval.low), float(res_pct.confidence_interval.high)), name
        pooled = pooled_acceleration(groups, statistic)
        if len(groups) == 1:
            assert abs(pooled - a_hat) <= 1e-12 * abs(a_hat), (pooled, a_hat)
        cases.append({
            "name": name, "level": repr(level), "groups": groups,
            "estimate": repr(estimate),
            "scipy_acceleration": repr(a_hat),
            "pooled_acceleration": repr(pooled),
            "values": [repr(float(v)) for v in dist],
            "percentile": [repr(float(res_pct.confidence_interval.low)), repr(float(res_pct.confidence_interval.high))],
            "bca": [repr(float(res_bca.confidence_interval.low)), repr(float(res_bca.confidence_interval.high))],
        })
    return cases


def main():
    assert scipy.__version__ == "1.17.1" and np.__version__ == "2.4.6", (scipy.__version__, np.__version__)
    out = {
        "generator": "make_bootstrap_reference.py (numpy %s, scipy %s)" % (np.__version__, scipy.__version__),
        "formula": formula_cases(),
        "scipy": scipy_cases(),
    }
    with open(os.path.join(HERE, "bootstrap_reference.json"), "w") as fh:
        json.dump(out, fh, indent=None, separators=(",", ":"))
        fh.write("\n")
    for c in out["scipy"]:
        print("%-38s scipy a = %-22s pooled a = %-22s BCa = %s" % (c["name"], c["scipy_acceleration"], c["pooled_acceleration"], c["bca"]))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reference values for Vigie's statistical-inference primitives.

Purpose
-------
Computes, with scipy and statsmodels, the expected values of every function in
Sources/AuditMetrics/Inference/ on a fixed grid of cases (edge cases included),
so that Tests/AuditMetricsTests/Inference*Tests.swift can compare against them.

Output
------
  expected_inference.json  (in this directory). Every number is written as the
  string repr() of a Python float, which round-trips exactly; a JSON null marks a
  case where the quantity is undefined (scipy/statsmodels return nan, inf or raise).

How to run
----------
  python3 Fixtures/reference/inference/make_inference_reference.py
  Deterministic: two runs give byte-identical output. Runs in a few seconds.

Environment used for the committed output (Python 3.11.7)
---------------------------------------------------------
  pip install numpy==2.4.6 scipy==1.17.1 statsmodels==0.15.0
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.special as sp
import statsmodels
from scipy import optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower, normal_power
from statsmodels.stats.proportion import (
    confint_proportions_2indep,
    proportion_confint,
    proportions_ztest,
)

warnings.simplefilter("ignore")  # nan-producing edge cases are expected and recorded as null

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "expected_inference.json")


def s(v):
    """A float as its exact repr string, or None when not finite."""
    if v is None:
        return None
    v = float(v)
    return repr(v) if math.isfinite(v) else None


# ---------------------------------------------------------------- special functions

def normal_cases():
    xs = [-38.0, -37.5, -20.0, -10.0, -8.3, -5.0, -3.0, -1.959963984540054, -1.0, -0.5, -1e-8,
          0.0, 1e-8, 0.3, 1.0, 1.5, 2.5, 4.0, 6.0, 8.3, 10.0, 20.0, 37.5]
    cdf = [{"x": s(x), "cdf": s(stats.norm.cdf(x)), "sf": s(stats.norm.sf(x))} for x in xs]
    ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.425,
          0.4999, 0.5, 0.5001, 0.575, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-5, 1 - 1e-10]
    q = [{"p": s(p), "quantile": s(stats.norm.ppf(p))} for p in ps]
    return cdf, q


def betainc_cases():
    out = []
    grid_ab = [0.1, 0.5, 1.0, 2.5, 10.0, 37.3, 1000.0, 1e5]
    grid_x = [1e-10, 1e-3, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999]
    for a in grid_ab:
        for b in grid_ab:
            xs = list(grid_x)
            m = a / (a + b)
            sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
            xs += [m + k * sd for k in (-3.0, -0.5, 0.0, 0.5, 3.0) if 0 < m + k * sd < 1]
            for x in xs:
                v = sp.betainc(a, b, x)
                if v < 1e-280 or not math.isfinite(v):
                    continue
                out.append({"a": s(a), "b": s(b), "x": s(x), "value": s(v)})
    # Clopper–Pearson-like arguments at large n
    for (a, b, x) in [(1.0, 1e6, 3e-6), (3.0, 999998.0, 2e-6), (300000.0, 700001.0, 0.3),
                      (0.5, 3e6, 1e-7), (7.25, 12.5, 0.4)]:
        out.append({"a": s(a), "b": s(b), "x": s(x), "value": s(sp.betainc(a, b, x))})
    return out


def betaincinv_cases():
    out = []
    grid_ab = [0.1, 0.5, 1.0, 2.5, 10.0, 37.3, 1000.0, 1e5]
    for a in grid_ab:
        for b in grid_ab:
            for p in [1e-10, 0.025, 0.3, 0.5, 0.975, 1 - 1e-10]:
                v = sp.betaincinv(a, b, p)
                if not (v > 1e-280) or not math.isfinite(v):
                    continue
                out.append({"a": s(a), "b": s(b), "p": s(p), "value": s(v)})
    for (a, b, p) in [(1.0, 1e6, 0.025), (3.0, 999998.0, 0.975), (300000.0, 700001.0, 0.025),
                      (0.25, 4.75, 0.025), (1e7, 3.0, 0.5)]:
        out.append({"a": s(a), "b": s(b), "p": s(p), "value": s(sp.betaincinv(a, b, p))})
    return out


def gammaincc_cases():
    out = []
    for a in [0.1, 0.5, 1.0, 1.5, 2.5, 10.0, 50.0, 500.0, 1e4, 1e6]:
        xs = [1e-8, 0.01, 0.5, 1.0, 2.0, 5.0, 20.0, 100.0, 700.0]
        xs += [a + k * math.sqrt(a) for k in (-3.0, -0.5, 0.0, 0.5, 3.0, 10.0) if a + k * math.sqrt(a) > 0]
        for x in xs:
            v = sp.gammaincc(a, x)
            if v < 1e-280:
                continue
            out.append({"a": s(a), "x": s(x), "value": s(v)})
    return out


def chi2_cases():
    out = []
    for df in [1.0, 2.0, 3.0, 4.5, 5.0, 10.0, 30.0, 100.0, 1000.0]:
        for x in [0.0, 1e-6, 0.1, 1.0, 3.841458820694124, 5.0, 10.0, 50.0, 200.0, 1000.0, 1200.0]:
            v = stats.chi2.sf(x, df)
            if v < 1e-280:
                continue
            out.append({"x": s(x), "df": s(df), "value": s(v)})
    return out


# ---------------------------------------------------------------- intervals

ONE_SAMPLE = [(0, 10), (1, 10), (5, 10), (9, 10), (10, 10), (0, 1), (1, 1), (0.5, 1),
              (3, 7), (17, 50), (15, 50), (0, 50), (50, 50), (1, 1e7), (0, 1e7), (5e6, 1e7),
              (9999999, 1e7), (123.4, 567.8), (0.3, 2.7), (2.7, 2.7), (0.001, 1e7),
              (412.5, 1000.25), (7.25, 19.75)]
LEVELS = [0.95, 0.9, 0.99]


def one_sample_cases(method):
    out = []
    for (x, n) in ONE_SAMPLE:
        for level in LEVELS:
            alpha = 1 - level
            lo, hi = proportion_confint(x, n, alpha=alpha, method=method)
            out.append({"x": s(x), "n": s(n), "level": s(level), "low": s(lo), "high": s(hi)})
    return out


TWO_SAMPLE = [(3, 10, 5, 10), (0, 10, 5, 10), (10, 10, 0, 10), (0, 10, 0, 10), (10, 10, 10, 10),
              (1, 1, 0, 1), (56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29),
              (0, 5, 3, 7), (412.5, 1000.25, 230.75, 880.5), (0.3, 2.7, 1.1, 3.9),
              (1, 1e7, 3, 1e7), (5e6, 1e7, 4.9e6, 1e7), (17, 50, 17, 50), (2.5, 2.5, 1.25, 5.0)]


def newcombe_cases():
    out = []
    for (x1, n1, x2, n2) in TWO_SAMPLE:
        for level in LEVELS:
            lo, hi = confint_proportions_2indep(np.float64(x1), np.float64(n1), np.float64(x2),
                                                np.float64(n2), compare="diff", method="newcomb",
                                                alpha=1 - level)
            out.append({"x1": s(x1), "n1": s(n1), "x2": s(x2), "n2": s(n2), "level": s(level),
                        "low": s(lo), "high": s(hi)})
    return out


def katz_cases():
    out = []
    for (x1, n1, x2, n2) in TWO_SAMPLE:
        for level in LEVELS:
            lo, hi = confint_proportions_2indep(np.float64(x1), np.float64(n1), np.float64(x2),
                                                np.float64(n2), compare="ratio", method="log",
                                                alpha=1 - level)
            # statsmodels returns (0, nan) when x1 = 0 and (nan, inf)/(nan, nan) when x2 = 0
            defined = math.isfinite(lo) and math.isfinite(hi)
            out.append({"x1": s(x1), "n1": s(n1), "x2": s(x2), "n2": s(n2), "level": s(level),
                        "low": s(lo) if defined else None, "high": s(hi) if defined else None,
                        "statsmodels": [repr(float(lo)), repr(float(hi))]})
    return out


# ---------------------------------------------------------------- tests

FISHER = [(0, 0, 0, 0), (0, 5, 0, 7), (3, 0, 4, 0), (0, 10, 10, 0), (10, 0, 0, 10), (1, 9, 11, 3),
          (8, 2, 1, 5), (2, 7, 8, 2), (3, 1, 1, 3), (5, 5, 5, 5), (0, 1, 1, 0), (1, 0, 0, 0),
          (0, 3, 2, 0), (7, 12, 0, 15), (1, 1, 1, 1), (6, 2, 3, 9), (100, 50, 80, 70),
          (500, 300, 400, 600), (12, 5, 29, 2), (0, 15, 3, 12), (2, 0, 3, 0), (20, 15, 15, 20),
          (1, 2, 3, 4), (40, 60, 60, 40), (1500, 1400, 1300, 1600), (3, 97, 12, 88), (1, 200, 0, 300)]


def fisher_cases():
    return [{"a": a, "b": b, "c": c, "d": d, "p": s(stats.fisher_exact([[a, b], [c, d]]).pvalue)}
            for (a, b, c, d) in FISHER]


def ztest_cases():
    out = []
    for (x1, n1, x2, n2) in TWO_SAMPLE:
        z, p = proportions_ztest(np.array([x1, x2], dtype=float), np.array([n1, n2], dtype=float))
        defined = math.isfinite(z) and math.isfinite(p)
        # cross-check: z^2 equals the uncorrected chi-square statistic
        if defined and not (x1 == n1 and x2 == n2):
            t = np.array([[x1, n1 - x1], [x2, n2 - x2]])
            if (t.sum(axis=0) > 0).all():
                chi2 = stats.chi2_contingency(t, correction=False)[0]
                assert abs(z * z - chi2) <= 1e-9 * max(1, chi2), (x1, n1, x2, n2, z * z, chi2)
        tab = np.array([[x1, n1 - x1], [x2, n2 - x2]], dtype=float)
        expected = np.outer(tab.sum(axis=1), tab.sum(axis=0)) / tab.sum()
        out.append({"x1": s(x1), "n1": s(n1), "x2": s(x2), "n2": s(n2),
                    "z": s(z) if defined else None, "p": s(p) if defined else None,
                    "smallest_expected": s(expected.min())})
    return out


CHI2_TABLES = [
    [(10, 20), (30, 40)],
    [(10, 20), (30, 40), (5, 50)],
    [(3, 7), (0, 0), (6, 4)],             # zero-total row dropped
    [(0, 10), (0, 20)],                   # zero column: undefined
    [(5, 5)],                             # one row: undefined
    [(0, 0), (4, 6)],                     # one row left after dropping: undefined
    [(12.5, 30.25), (8.75, 40.5), (20.0, 20.0), (0.5, 3.5)],
    [(100, 900), (120, 880), (90, 910), (150, 850), (110, 890), (95, 905)],
    [(1, 0), (0, 1)],
    [(1e6, 2e6), (1.001e6, 1.999e6)],
    [(0, 5), (5, 0), (2, 3)],
]


def chi2_independence_cases():
    out = []
    for table in CHI2_TABLES:
        kept = [r for r in table if r[0] + r[1] > 0]
        rec = {"table": [[s(a), s(b)] for (a, b) in table], "statistic": None, "dof": None, "p": None}
        if len(kept) >= 2:
            try:
                res = stats.chi2_contingency(np.array(kept, dtype=float), correction=False)
                rec.update(statistic=s(res.statistic), dof=int(res.dof), p=s(res.pvalue))
            except ValueError:
                pass  # zero expected frequency
        out.append(rec)
    return out


PVECTORS = [
    [0.01, 0.04, 0.03, 0.005],
    [0.05, 0.05, 0.05],
    [0.01, 0.01, 0.5, 0.5, 0.02],
    [0.9, 0.8, 0.7],
    [0.0, 1.0, 0.5, 0.25],
    [0.2],
    [0.001, 0.2, 0.2, 0.04, 0.04, 0.6, 0.03, 0.9],
    [0.3, 0.3, 0.3, 0.3],
    [1e-10, 0.011, 0.012, 0.013, 0.5, 0.049],
]


def multitest_cases(method):
    return [{"p": [s(x) for x in pv],
             "adjusted": [s(x) for x in multipletests(pv, alpha=0.05, method=method)[1]]}
            for pv in PVECTORS]


# ---------------------------------------------------------------- power

def power_cases():
    out = []
    for (p0, n1, n2, alpha, power) in [
        (0.3, 50, 200, 0.05, 0.8), (0.5, 100, 100, 0.05, 0.8), (0.1, 1000, 5000, 0.05, 0.9),
        (0.02, 30, 1000, 0.05, 0.8), (0.98, 30, 1000, 0.05, 0.8), (0.0, 50, 50, 0.05, 0.8),
        (1.0, 50, 50, 0.05, 0.8), (0.5, 10, 10, 0.05, 0.5), (0.45, 12.5, 80.25, 0.01, 0.9),
        (0.3, 1e6, 1e6, 0.05, 0.8), (0.7, 3, 5, 0.1, 0.6), (0.25, 200, 20, 0.05, 0.95)]:
        nobs = 1.0 / (1.0 / n1 + 1.0 / n2)
        f = lambda h: normal_power(h, nobs, alpha) - power
        # the exact root of statsmodels' own power function (tight brentq) ...
        h = optimize.brentq(f, 0.0, 50.0, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=500)
        # ... and what solve_power returns (its default tolerance is ~1e-6 relative)
        h_sm = NormalIndPower().solve_power(effect_size=None, nobs1=n1, ratio=n2 / n1,
                                            alpha=alpha, power=power)
        assert abs(h_sm / h - 1) < 1e-4, (h_sm, h)
        h_closed = (stats.norm.isf(alpha / 2) + stats.norm.ppf(power)) * math.sqrt(1 / n1 + 1 / n2)
        phi = math.asin(math.sqrt(p0))
        dec = p0 - math.sin(phi - h / 2) ** 2 if phi - h / 2 >= 0 else None
        inc = math.sin(phi + h / 2) ** 2 - p0 if phi + h / 2 <= math.pi / 2 else None
        out.append({"p0": s(p0), "n1": s(n1), "n2": s(n2), "alpha": s(alpha), "power": s(power),
                    "h": s(h), "h_solve_power": s(h_sm), "h_closed_form": s(h_closed),
                    "decrease": s(dec), "increase": s(inc)})
    return out


def main():
    cdf, q = normal_cases()
    data = {
        "generator": {"script": "make_inference_reference.py", "python": sys.version.split()[0],
                      "numpy": np.__version__, "scipy": scipy.__version__,
                      "statsmodels": statsmodels.__version__},
        "normal": cdf,
        "normal_quantile": q,
        "betainc": betainc_cases(),
        "betaincinv": betaincinv_cases(),
        "gammaincc": gammaincc_cases(),
        "chi2_sf": chi2_cases(),
        "wilson": one_sample_cases("wilson"),
        "clopper_pearson": one_sample_cases("beta"),
        "newcombe": newcombe_cases(),
        "katz": katz_cases(),
        "fisher": fisher_cases(),
        "ztest": ztest_cases(),
        "chi2_independence": chi2_independence_cases(),
        "holm": multitest_cases("holm"),
        "benjamini_hochberg": multitest_cases("fdr_bh"),
        "power": power_cases(),
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    for k, v in data.items():
        if isinstance(v, list):
            print(f"{k:20s} {len(v):4d} cases")


if __name__ == "__main__":
    main()

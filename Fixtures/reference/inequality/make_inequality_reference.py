#!/usr/bin/env python3
"""Reference values for Vigie's inequality module (Sources/AuditMetrics/Inequality).

numpy 2.4.6 / Python 3.11. Deterministic: running it twice gives byte-identical output.
Writes `inequality_reference.json` beside this file. Every float is stored as its `repr`
string (round-trips exactly). Every index is computed here from its *definition*, not from the
O(n) formulas Vigie uses, so that agreement checks the algebra too:

* Gini: the literal double sum  sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu)  (O(n^2)).
* GE(alpha): 1/(alpha(alpha-1)) * [ (1/W) sum w (x/mu)^alpha - 1 ]; alpha = 1: (1/W) sum w r ln r;
  alpha = 0: -(1/W) sum w ln r (r = x/mu).
* Atkinson: 1 - (1/mu) ((1/W) sum w x^(1-eps))^(1/(1-eps)); eps = 1: 1 - exp((1/W) sum w ln x)/mu.
* CV: sqrt((1/W) sum w (x - mu)^2) / mu (population sigma).
* Lorenz curve: the piecewise-linear interpolation (np.interp) of the points
  (C_i/W, S_i/S), C_i, S_i cumulative weight and weighted total in ascending order (a unit
  straddling a cut is split in proportion to the weight below the cut).
  Quantile share (a, b) = L(b) - L(a); Palma = (1 - L(0.9)) / L(0.4).
* Concentration index: 2 cov_w(x, r) / mu with r the weighted fractional rank
  (C_{g-1} + W_g/2)/W of the tie group g of the ranking variable (O'Donnell et al. 2008, ch. 8).
* Decomposition (Shorrocks 1980): between = GE of the group-mean-replaced sample,
  within = sum_g v_g^(1-alpha) s_g^alpha GE_g, v_g weight share, s_g income share.

Undefined values are stored as null (zero with a log, negative values, mean 0).
The Poisson(1) inversion thresholds used by the Poisson bootstrap are also computed here exactly
(fractions and a 60-digit e^-1), so the Swift constants are checkable.
"""
import json
from decimal import Decimal, getcontext
from fractions import Fraction
from pathlib import Path

import numpy as np

OUT = Path(__file__).with_name("inequality_reference.json")


def r(x):
    return None if x is None else repr(float(x))


def clean(values, weights):
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    keep = ~np.isnan(x) & ~np.isnan(w) & (w > 0)
    return x[keep], w[keep]


def gini(x, w):
    W = w.sum()
    mu = (w * x).sum() / W
    total = 0.0
    for i in range(len(x)):
        total += (w[i] * w * np.abs(x[i] - x)).sum()
    return total / (2 * W * W * mu)


def ge(x, w, a):
    W = w.sum()
    mu = (w * x).sum() / W
    rr = x / mu
    if a == 1:
        return (w * np.where(rr > 0, rr * np.log(np.where(rr > 0, rr, 1)), 0.0)).sum() / W
    if (a <= 0) and np.any(x == 0):
        return None
    if a == 0:
        return -(w * np.log(rr)).sum() / W
    return ((w * rr ** a).sum() / W - 1) / (a * (a - 1))


def atkinson(x, w, e):
    W = w.sum()
    mu = (w * x).sum() / W
    if e >= 1 and np.any(x == 0):
        return None
    if e == 1:
        return 1 - np.exp((w * np.log(x)).sum() / W) / mu
    return 1 - ((w * x ** (1 - e)).sum() / W) ** (1 / (1 - e)) / mu


def cv(x, w):
    W = w.sum()
    mu = (w * x).sum() / W
    return np.sqrt((w * (x - mu) ** 2).sum() / W) / mu


def lorenz(x, w, p):
    o = np.argsort(x, kind="stable")
    xs, ws = x[o], w[o]
    C = np.concatenate([[0.0], np.cumsum(ws)])
    S = np.concatenate([[0.0], np.cumsum(ws * xs)])
    return np.interp(p, C / C[-1], S / S[-1])


def share(x, w, a, b):
    return lorenz(x, w, b) - lorenz(x, w, a)


def palma(x, w):
    bottom = lorenz(x, w, 0.4)
    if bottom == 0:
        return None
    return (1 - lorenz(x, w, 0.9)) / bottom


GE_ALPHAS = {"theil_t": 1, "theil_l": 0, "ge_-1": -1, "ge_0.5": 0.5, "ge_2": 2, "ge_3": 3}
ATKINSON = {"atkinson_0.5": 0.5, "atkinson_1": 1, "atkinson_2": 2}
SHARES = {"share_0_40": (0, 0.4), "share_90_100": (0.9, 1), "share_20_50": (0.2, 0.5)}


def all_indices(values, weights):
    x, w = clean(values, weights)
    out = {}
    names = ["gini", *GE_ALPHAS, *ATKINSON, "cv", "palma", *SHARES]
    if len(x) == 0 or np.any(x < 0) or (w * x).sum() == 0:
        return {n: None for n in names}
    out["gini"] = gini(x, w)
    for n, a in GE_ALPHAS.items():
        out[n] = ge(x, w, a)
    for n, e in ATKINSON.items():
        out[n] = atkinson(x, w, e)
    out["cv"] = cv(x, w)
    out["palma"] = palma(x, w)
    for n, (a, b) in SHARES.items():
        out[n] = share(x, w, a, b)
    return {k: r(v) for k, v in out.items()}


rng = np.random.default_rng(20250117)
logn = rng.lognormal(4.0, 0.6, size=300)
logn_w = rng.uniform(0.2, 3.0, size=300)
water = np.round(rng.lognormal(np.log(54), 0.5, size=150) * rng.integers(1, 7, size=150), 1)

SAMPLES = [
    ("ties", [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], None),
    ("weighted", [12.5, 3.0, 7.25, 40.0, 3.0, 18.0, 0.5, 22.0], [1.0, 2.5, 0.75, 0.2, 4.0, 1.5, 3.0, 0.6]),
    ("zeros", [0, 0, 2, 5, 7, 0, 12, 3], None),
    ("zeros_weighted", [0, 4, 2, 0, 9, 1], [2.0, 1.0, 0.5, 1.5, 0.25, 3.0]),
    ("single", [42.0], None),
    ("two", [1.0, 3.0], None),
    ("two_weighted", [1.0, 3.0], [3.0, 1.0]),
    ("constant", [7.5, 7.5, 7.5, 7.5], None),
    ("missing", [5.0, float("nan"), 1.0, 8.0, float("nan"), 2.0], None),
    ("integer_weights", [1.0, 2.0, 5.0, 11.0], [2.0, 1.0, 3.0, 1.0]),
    ("integer_weights_expanded", [1.0, 1.0, 2.0, 5.0, 5.0, 5.0, 11.0], None),
    ("negative", [3.0, -1.0, 4.0], None),
    ("all_zero", [0.0, 0.0, 0.0], None),
    ("lognormal_300_weighted", list(logn), list(logn_w)),
    ("water_150", list(water), None),
]

LORENZ_POINTS = 11


def sample_entry(name, values, weights):
    entry = {
        "name": name,
        "values": [r(v) if not np.isnan(v) else None for v in values],
        "weights": None if weights is None else [r(v) for v in weights],
        "expected": all_indices(values, weights),
    }
    x, w = clean(values, weights)
    if len(x) and not np.any(x < 0) and (w * x).sum() > 0:
        p = np.linspace(0, 1, LORENZ_POINTS)
        entry["lorenz"] = [r(v) for v in lorenz(x, w, p)]
    else:
        entry["lorenz"] = None
    return entry


def fractional_rank(rank_by, w):
    o = np.argsort(rank_by, kind="stable")
    rs, ws = rank_by[o], w[o]
    W = w.sum()
    out = np.empty_like(rs)
    i = 0
    cum = 0.0
    while i < len(rs):
        j = i
        while j + 1 < len(rs) and rs[j + 1] == rs[i]:
            j += 1
        g = ws[i:j + 1].sum()
        out[i:j + 1] = (cum + g / 2) / W
        cum += g
        i = j + 1
    ranks = np.empty_like(out)
    ranks[o] = out
    return ranks


def concentration(values, rank_by, weights):
    x = np.asarray(values, float)
    y = np.asarray(rank_by, float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, float)
    W = w.sum()
    mu = (w * x).sum() / W
    rk = fractional_rank(y, w)
    rbar = (w * rk).sum() / W
    cov = (w * (x - mu) * (rk - rbar)).sum() / W
    # curve: ordered by rank_by, tie groups merged
    o = np.argsort(y, kind="stable")
    ys, xs, ws = y[o], x[o], w[o]
    Cp, Sp = [0.0], [0.0]
    i = 0
    while i < len(ys):
        j = i
        while j + 1 < len(ys) and ys[j + 1] == ys[i]:
            j += 1
        Cp.append(Cp[-1] + ws[i:j + 1].sum())
        Sp.append(Sp[-1] + (ws[i:j + 1] * xs[i:j + 1]).sum())
        i = j + 1
    Cp, Sp = np.array(Cp), np.array(Sp)
    curve = np.interp(np.linspace(0, 1, LORENZ_POINTS), Cp / Cp[-1], Sp / Sp[-1])
    return 2 * cov / mu, curve


income = np.round(rng.lognormal(10.0, 0.5, size=120), -2)  # rounded: ties
free_m3 = np.minimum(rng.lognormal(np.log(60), 0.6, size=120), 15.0) * (rng.uniform(size=120) < 0.4)
bill = 18 * 12 + 0.95 * np.maximum(rng.lognormal(np.log(80), 0.5, size=120) - 15, 0)
cw = rng.uniform(0.5, 2.0, size=120)
CONCENTRATION = [
    ("free_m3_by_income", free_m3, income, None),
    ("bill_by_income_weighted", bill, income, cw),
    ("self_ranked", logn[:50], logn[:50], None),
]


def decomposition(values, weights, groups, G, alpha):
    x = np.asarray(values, float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, float)
    g = np.asarray(groups)
    W = w.sum()
    mu = (w * x).sum() / W
    total = ge(x, w, alpha)
    means = np.zeros(G)
    within = 0.0
    for k in range(G):
        m = g == k
        if w[m].sum() == 0:
            continue
        means[k] = (w[m] * x[m]).sum() / w[m].sum()
        v = w[m].sum() / W
        s = (w[m] * x[m]).sum() / (W * mu)
        within += v ** (1 - alpha) * s ** alpha * ge(x[m], w[m], alpha)
    between = ge(means[g], w, alpha)
    return total, between, within


dec_x = rng.lognormal(3.0, 0.7, size=80)
dec_w = rng.uniform(0.5, 2.5, size=80)
dec_g = rng.integers(0, 4, size=80)
DECOMP = []
for alpha in [1, 0, 2, -1, 0.5]:
    for weighted in (False, True):
        t, b, wi = decomposition(dec_x, dec_w if weighted else None, dec_g, 5, alpha)  # group 4 empty
        DECOMP.append({"alpha": r(alpha), "weighted": weighted, "total": r(t), "between": r(b), "within": r(wi)})


def poisson_thresholds():
    """floor(2^64 * F(k)) for Poisson(1), k = 0, 1, ... until the term is below 2^-72."""
    getcontext().prec = 80
    e_inv = Fraction(Decimal(1).exp().__rtruediv__(Decimal(1)))  # 1/e to 80 digits
    two64 = 2 ** 64
    out = []
    cdf = Fraction(0)
    term = e_inv
    k = 0
    while term * two64 >= Fraction(1, 2 ** 8):  # remaining mass far below 2^-64
        cdf += term
        t = (cdf * two64).__floor__()
        out.append(min(t, two64 - 1))
        k += 1
        term = term / k
    return out


doc = {
    "generator": "make_inequality_reference.py (numpy %s)" % np.__version__,
    "lorenz_points": LORENZ_POINTS,
    "samples": [sample_entry(*s) for s in SAMPLES],
    "concentration": [],
    "decomposition": {
        "values": [r(v) for v in dec_x], "weights": [r(v) for v in dec_w],
        "groups": [int(v) for v in dec_g], "group_count": 5, "cases": DECOMP,
    },
    "poisson1_thresholds": [str(t) for t in poisson_thresholds()],
}
for name, xv, yv, wv in CONCENTRATION:
    c, curve = concentration(xv, yv, wv)
    doc["concentration"].append({
        "name": name, "values": [r(v) for v in xv], "rank_by": [r(v) for v in yv],
        "weights": None if wv is None else [r(v) for v in wv],
        "index": r(c), "curve": [r(v) for v in curve],
        "gini_of_values": r(gini(np.asarray(xv, float), np.ones(len(xv)))) if name == "self_ranked" else None,
    })

# Cross-checks of the definitions against independent formulas.
for s in doc["samples"]:
    e = s["expected"]
    if e["gini"] is None or e["cv"] is None:
        continue
    assert abs(float(e["cv"]) - np.sqrt(2 * float(e["ge_2"]))) < 1e-12
x, w = clean([12.5, 3.0, 7.25, 40.0, 3.0, 18.0, 0.5, 22.0], [1.0, 2.5, 0.75, 0.2, 4.0, 1.5, 3.0, 0.6])
rk = fractional_rank(x, w)
mu = (w * x).sum() / w.sum()
assert abs(2 * (w * (x - mu) * (rk - 0.5)).sum() / w.sum() / mu - gini(x, w)) < 1e-13
for c in DECOMP:
    assert abs(float(c["between"]) + float(c["within"]) - float(c["total"])) < 1e-12
c = doc["concentration"][2]
assert abs(float(c["index"]) - float(c["gini_of_values"])) < 1e-13

OUT.write_text(json.dumps(doc, indent=1) + "\n")
print("wrote", OUT)

"""High-precision reference values for every special function and test of Vigie (issue 13).

Every value is computed with mpmath at 50 significant digits (or with exact rational
arithmetic, then converted), independently of the Swift code; scipy only gives starting
points for the Newton refinements of inverse functions, whose results are the mpmath roots.
Written with 30 significant digits; values below 1e-300 (beyond double precision) are left
out, except where noted. Read by Tests/AuditMetricsTests/NumericsSweepTests.swift, which
prints the table of worst relative errors that docs/inference.md reproduces.

    python3 Fixtures/reference/numerics/make_numerics_reference.py
    # Python 3.11.7, mpmath 1.3.0, scipy 1.17.1 (starting points only); about 1 minute.
Writes numerics_reference.json next to this script; running it twice gives identical bytes.

Functions (names as in the JSON):
- incomplete_beta: I_x(a, b) and 1 - I_x(a, b), a, b in 0.05 ... 1e6, x from deep in the lower
  tail to deep in the upper tail; each tail by its own series (A&S 26.5.23), the other as 1 minus it;
- inverse_incomplete_beta(_upper): x with I_x(a, b) = p (1 - I_x(a, b) = q), p, q from 1e-300 to 0.5;
- upper_incomplete_gamma: Q(a, x) (mpmath gammainc), a in 0.05 ... 1e6, Q down to 1e-300;
- normal: Phi(x), 1 - Phi(x) (mpmath ncdf) for |x| <= 37.5; normal_quantile for p in [1e-300, 1 - 1e-15];
- student_t_critical: t with P(|T_nu| > t) = 1 - level, nu in 0.5 ... 1e6, level up to 1 - 1e-14;
- chi2_sf: P(X > x) = Q(nu/2, x/2), nu in 1 ... 1e5, p down to 1e-300;
- fisher_exact: two-sided p of a 2x2 table (tables no more likely than the observed one, relative
  tolerance 1 + 1e-7), by exact integer binomials or 60-digit log-binomials for large tables;
- clopper_pearson: the beta quantiles at n = 10 ... 1e9 and x = 0, 1, n/2, n - 1, n;
- two_proportion_z: the pooled z test's two-sided p, p down to 1e-300;
- bca_levels: the adjusted levels Phi(z0 + (z0 + z_a)/(1 - a (z0 + z_a))) of the BCa interval for
  bias shares from 1/(2e6) to 1 - 1/(2e6) and accelerations -0.2 ... 0.2 (denominator > 0);
- logrank: statistic and p of the k-group log-rank test on thousands of tied times (exact
  rational O, E, V and an exact linear solve);
- kaplan_meier: S(t), Greenwood's SE and the log(-log) band at every time, and the median, on
  thousands of tied times (exact rational products), including a product equal to exactly 1/2;
- delong: the AUC and DeLong's SE with all scores tied and with a few heavily tied scores
  (exact rational placements).
"""
import json, math, os
from fractions import Fraction

import mpmath
from scipy import special, stats

mpmath.mp.dps = 50
mp = mpmath.mpf
DIGITS = 30


def s(x):
    """30 significant digits, exponent form."""
    return mpmath.nstr(mp(x), DIGITS, min_fixed=1, max_fixed=0)


def ok(x):
    return x == 0 or mpmath.mpf("1e-300") <= abs(x)


# --- incomplete beta -------------------------------------------------------------------------
def log_beta(a, b):
    return mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(a + b)


def beta_series(a, b, x):
    """I_x(a, b) = x^a (1-x)^b / (a B(a, b)) * sum_n (a+b)_n/(a+1)_n x^n (A&S 26.5.23)."""
    a, b, x = mp(a), mp(b), mp(x)
    stop = mp(10) ** (-(mpmath.mp.dps + 5))
    term, total, n = mp(1), mp(1), 0
    while True:
        term *= x * (a + b + n) / (a + 1 + n)
        n += 1
        total += term
        if term < total * stop:
            break
    return mpmath.exp(a * mpmath.log(x) + b * mpmath.log1p(-x) - mpmath.log(a) - log_beta(a, b)) * total


def series_terms(a, b, x):
    """About how many terms beta_series(a, b, x) needs: growth up to n*, then a decay at ratio ~x."""
    if x >= 1:
        return math.inf
    grow = max(0.0, (x * (a + b) - a - 1) / (1 - x))
    return grow + 120 / (1 - x)


def beta_tails(a, b, x):
    """(I_x(a, b), 1 - I_x(a, b)) at full working precision: the cheaper series gives one side, the
    other is 1 minus it, recomputed with more digits when that difference is tiny."""
    x = mp(x)
    y = 1 - x
    use_x = series_terms(float(a), float(b), float(x)) <= series_terms(float(b), float(a), float(y))
    def side():
        return beta_series(a, b, x) if use_x else beta_series(b, a, y)
    v = side()
    other = 1 - v
    extra = 0
    # The other side is small: 1 - v keeps only 50 + log10(other) digits, so recompute with
    # more, until at least 35 remain (up to what a value above 1e-330 needs; below, it is beyond
    # double precision and reported as 0, i.e. left out of the sweep).
    while other < mp("1e-15") and extra < 400:
        extra = 400 if other <= 0 else max(extra + 20, int(-mpmath.log10(other)) + 20)
        with mpmath.workdps(mpmath.mp.dps + extra):
            v = side()
            other = 1 - v
        v, other = +v, +other
    if other < mp("1e-330"):
        other = mp(0)
    return (v, other) if use_x else (other, v)


def beta_pdf(a, b, x):
    return mpmath.exp((a - 1) * mpmath.log(x) + (b - 1) * mpmath.log1p(-x) - log_beta(a, b))


def inverse_beta(a, b, p, upper=False):
    """x with I_x(a, b) = p (or 1 - I_x(a, b) = p): Newton from scipy's guess, at 50 digits, in
    ln x for the lower tail and in ln(1 - x) for the upper one (power laws there), steps damped."""
    p = mp(p)
    # Near 0 (lower) or 1 (upper) the tail is a power law: x ~ (p a B(a, b))^(1/a), 1 - x ~ (p b B)^(1/b);
    # an answer within 1e-300 of 0 or 1 is beyond double precision and left out.
    edge = (mpmath.log(p) + mpmath.log(b if upper else a) + log_beta(a, b)) / (b if upper else a)
    if edge < mpmath.log(mp("1e-290")):
        return None
    x0 = float(special.betainccinv(a, b, float(p)) if upper else special.betaincinv(a, b, float(p)))
    if not (0 < x0 < 1):
        return None
    # u = ln x (lower) or ln(1 - x) (upper)
    u = mpmath.log(1 - mp(x0)) if upper else mpmath.log(x0)
    for _ in range(200):
        x = 1 - mpmath.exp(u) if upper else mpmath.exp(u)
        lo, up = beta_tails(a, b, x)
        tail = up if upper else lo
        if tail <= 0:
            u += -1 if upper else 1
            continue
        # d ln(tail)/du = (1 - x) pdf / tail (upper, u = ln(1 - x)) or x pdf / tail (lower, u = ln x)
        slope = ((1 - x) if upper else x) * beta_pdf(a, b, x) / tail
        step = (mpmath.log(tail) - mpmath.log(p)) / slope
        step = max(min(step, 2), -2)
        u -= step
        if u < -700:
            return None
        if upper and u >= 0:
            u = mp(-1e-30)
        if not upper and u >= 0:
            u = mp(-1e-30)
        # 1e-30: near x = 1, x itself holds only 50 digits absolute (1 - x = 1e-14 keeps 36).
        if abs(step) <= mp("1e-30"):
            return 1 - mpmath.exp(u) if upper else mpmath.exp(u)
    raise RuntimeError(f"inverse beta did not converge: {a} {b} {p}")


PARAMS = [0.05, 0.5, 1, 3.7, 25, 400, 1e4, 1e6]


def incomplete_beta_cases():
    out = []
    for a in PARAMS:
        for b in PARAMS:
            m = mp(a) / (mp(a) + b)
            sd = mpmath.sqrt(mp(a) * b / ((mp(a) + b) ** 2 * (mp(a) + b + 1)))
            xs = {float(m + k * sd) for k in (-37, -20, -8, -3, -1, 0, 1, 3, 8, 20, 37)}
            xs |= {1e-8, 0.01, 0.5, 0.99, 1 - 1e-8}
            for x in sorted(xs):
                if not (0 < x < 1):
                    continue
                lower, upper = beta_tails(a, b, x)
                if lower < mp("1e-300") or upper < mp("1e-300"):
                    # keep the defined tail only
                    pass
                out.append({"a": a, "b": b, "x": x,
                            "lower": s(lower) if ok(lower) else None, "upper": s(upper) if ok(upper) else None})
    return out


def inverse_beta_cases():
    lower_cases, upper_cases = [], []
    for a in PARAMS:
        for b in PARAMS:
            for p in (1e-300, 1e-100, 1e-20, 1e-8, 0.025, 0.3, 0.5):
                for upper, dest in ((False, lower_cases), (True, upper_cases)):
                    x = inverse_beta(a, b, p, upper)
                    if x is None or x < mp("1e-300") or 1 - x < mp("1e-300"):
                        continue
                    dest.append({"a": a, "b": b, "p": p, "x": s(x)})
    return lower_cases, upper_cases


# --- incomplete gamma, normal, t, chi-squared --------------------------------------------------
def gamma_q(a, x):
    return mpmath.gammainc(mp(a), mp(x), mpmath.inf, regularized=True)


def upper_gamma_cases():
    out = []
    for a in PARAMS:
        xs = {float(mp(a) + k * mpmath.sqrt(a)) for k in (-30, -8, -3, -1, 0, 1, 3, 8, 30, 37)}
        xs |= {1e-10, 0.1, 50, 300, 680}
        for x in sorted(xs):
            if x <= 0:
                continue
            q = gamma_q(a, x)
            if ok(q):
                out.append({"a": a, "x": x, "q": s(q)})
    return out


def normal_cases():
    out = []
    for x in (-37.5, -30, -20, -10, -8.3, -5, -2, -1, -1e-3, 0, 1e-3, 1, 2, 5, 8.3, 10, 20, 30, 37.5):
        cdf, sf = mpmath.ncdf(x), mpmath.ncdf(-x)
        out.append({"x": x, "cdf": s(cdf) if ok(cdf) else None, "sf": s(sf) if ok(sf) else None})
    return out


def normal_quantile(p):
    p = mp(p)
    x = mp(float(special.ndtri(float(p))))
    for _ in range(100):
        if x < 0:
            f = mpmath.log(mpmath.ncdf(x)) - mpmath.log(p)
            slope = mpmath.npdf(x) / mpmath.ncdf(x)
        else:
            f = -(mpmath.log(mpmath.ncdf(-x)) - mpmath.log(1 - p))
            slope = mpmath.npdf(x) / mpmath.ncdf(-x)
        step = f / slope
        x -= step
        if abs(step) <= mp("1e-45") * max(1, abs(x)):
            return x
    raise RuntimeError("normal quantile")


def normal_quantile_cases():
    ps = [1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999,
          1 - 1e-10, 1 - 1e-15]
    return [{"p": p, "x": s(normal_quantile(p))} for p in ps]


def t_two_sided(t, nu):
    """P(|T| > t) = I_{nu/(nu+t^2)}(nu/2, 1/2), computed from t^2/(nu+t^2) when that side is small."""
    t, nu = mp(t), mp(nu)
    w, y = nu / (nu + t * t), t * t / (nu + t * t)
    lo, up = beta_tails(nu / 2, mp(1) / 2, w) if y > 0.5 else beta_tails(mp(1) / 2, nu / 2, y)[::-1]
    return lo


def t_critical(level, nu):
    alpha = 1 - mp(level)
    t = mp(float(stats.t.isf(float(alpha) / 2, nu)))
    for _ in range(100):
        f = mpmath.log(t_two_sided(t, nu)) - mpmath.log(alpha)
        pdf = mpmath.exp(mpmath.loggamma((nu + 1) / mp(2)) - mpmath.loggamma(nu / mp(2)) - mpmath.log(mpmath.sqrt(nu * mpmath.pi))
                         - (nu + 1) / mp(2) * mpmath.log1p(t * t / nu))
        slope = -2 * pdf / t_two_sided(t, nu) * t  # d ln P / d ln t
        step = f / slope
        t = t * mpmath.exp(-step)
        if abs(step) <= mp("1e-35"):
            return t
    raise RuntimeError("t critical")


def student_t_cases():
    out = []
    for nu in (0.5, 1, 2, 3.5, 10, 30, 1000, 1e6):
        for level in (0.5, 0.8, 0.95, 0.99, 1 - 1e-6, 1 - 1e-10, 1 - 1e-14):
            out.append({"level": level, "nu": nu, "t": s(t_critical(level, nu))})
    return out


def chi2_cases():
    out = []
    for nu in (1, 2, 3, 10, 30, 100, 1000, 1e5):
        xs = {float(mp(nu) + k * mpmath.sqrt(2 * mp(nu))) for k in (-0.9, -0.5, 0, 1, 3, 10, 30)}
        xs |= {1e-6, 0.5, 100, 700, 1300, 1380}
        for x in sorted(xs):
            if x <= 0:
                continue
            p = gamma_q(mp(nu) / 2, mp(x) / 2)
            if ok(p):
                out.append({"x": x, "nu": nu, "p": s(p)})
    return out


# --- Fisher, Clopper-Pearson, z test, BCa ------------------------------------------------------
def fisher_exact(a, b, c, d):
    r1, r2, c1 = a + b, c + d, a + c
    n = r1 + r2
    if min(r1, r2, c1, b + d) == 0:
        return mp(1)
    lo, hi = max(0, c1 - r2), min(r1, c1)
    if n <= 4000:
        total = math.comb(n, c1)
        pmf = {k: Fraction(math.comb(r1, k) * math.comb(r2, c1 - k), total) for k in range(lo, hi + 1)}
        cut = pmf[a] * Fraction(10**7 + 1, 10**7)
        p = sum((v for v in pmf.values() if v <= cut), Fraction(0))
        return mp(p.numerator) / p.denominator
    with mpmath.workdps(60):
        def logpmf(k):
            return (mpmath.loggamma(r1 + 1) - mpmath.loggamma(k + 1) - mpmath.loggamma(r1 - k + 1)
                    + mpmath.loggamma(r2 + 1) - mpmath.loggamma(c1 - k + 1) - mpmath.loggamma(r2 - c1 + k + 1)
                    - mpmath.loggamma(n + 1) + mpmath.loggamma(c1 + 1) + mpmath.loggamma(n - c1 + 1))
        cut = logpmf(a) + mpmath.log(mp(1) + mp("1e-7"))
        p = mp(0)
        for k in range(lo, hi + 1):
            lp = logpmf(k)
            if lp <= cut:
                p += mpmath.exp(lp)
        return +p


FISHER_TABLES = [
    (0, 5, 5, 0), (3, 1, 1, 3), (1, 9, 11, 3), (0, 10, 0, 10), (10, 0, 0, 10), (2, 7, 8, 2), (5, 0, 0, 5),
    (1, 1000, 20, 980), (0, 3000, 12, 2988), (4, 996, 0, 1000), (50, 50, 50, 50), (30, 70, 70, 30),
    (300, 0, 0, 300), (250, 50, 40, 260), (3, 50000, 40, 49960), (1, 200000, 9, 199991), (0, 100000, 4, 99996),
    (2000, 10, 10, 2000), (1500, 1500, 1400, 1600),
]


def clopper_pearson_cases():
    out = []
    for n in (10, 1000, 10**6, 10**9):
        # x = n/2 at n = 1e9 would need ~1e6 series terms per evaluation: left out.
        for x in sorted({0, 1, n - 1, n} | ({n // 2} if n < 10**9 else set())):
            for level in (0.95, 0.999999):
                tail = (1 - mp(level)) / 2
                if x == 0:
                    low = mp(0)
                else:
                    low = mp(1) - mpmath.power(1 - tail, mp(1) / n) if x == 1 else (
                        mpmath.power(tail, mp(1) / n) if x == n else inverse_beta(x, n - x + 1, float(tail)))
                if x == n:
                    high = mp(1)
                else:
                    high = mp(1) - mpmath.power(tail, mp(1) / n) if x == 0 else (
                        mpmath.power(1 - tail, mp(1) / n) if x == n - 1 else inverse_beta(x + 1, n - x, float(tail), upper=True))
                # Closed forms: x = 1, low = 1 - (1 - tail)^(1/n); x = n, low = tail^(1/n);
                # x = 0, high = 1 - tail^(1/n); x = n - 1, high = (1 - tail)^(1/n).
                out.append({"x": x, "n": n, "level": level, "low": s(low), "high": s(high)})
    return out


def two_proportion_z(x1, n1, x2, n2):
    x1, n1, x2, n2 = mp(x1), mp(n1), mp(x2), mp(n2)
    pooled = (x1 + x2) / (n1 + n2)
    z = (x1 / n1 - x2 / n2) / mpmath.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return z, 2 * mpmath.ncdf(-abs(z))


Z_TABLES = [(10, 100, 12, 100), (300, 1000, 250, 1000), (3000, 10000, 2900, 10000), (30000, 100000, 32000, 100000),
            (400000, 1000000, 430000, 1000000), (4000000, 10000000, 4100000, 10000000), (1, 1000000, 100, 1000000)]


def bca_cases():
    out = []
    for share in (Fraction(1, 2 * 10**6), Fraction(1, 1000), Fraction(1, 10), Fraction(1, 2), Fraction(9, 10),
                  Fraction(999, 1000), Fraction(2 * 10**6 - 1, 2 * 10**6)):
        z0 = normal_quantile(mp(share.numerator) / share.denominator)
        for a in (-0.2, -0.01, 0, 0.01, 0.2):
            for level in (0.95, 0.999):
                za = normal_quantile((1 - mp(level)) / 2)
                levels = []
                for sign in (1, -1):
                    num = z0 + sign * za
                    den = 1 - mp(a) * num
                    levels.append(None if den <= 0 else mpmath.ncdf(z0 + num / den))
                if None in levels:
                    continue
                out.append({"share": [share.numerator, share.denominator], "acceleration": a, "level": level,
                            "alpha1": s(levels[0]), "alpha2": s(levels[1])})
    return out


# --- log-rank, Kaplan-Meier, DeLong (exact rationals) ----------------------------------------------
class LCG:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.state >> 33) % n


def tied_data(seed, rows, groups, times, event_share):
    """Run-length counts [time, group, events, censored] of generated waiting times on few distinct times."""
    r = LCG(seed)
    counts = {}
    for _ in range(rows):
        g = r.below(groups)
        t = 1 + r.below(times) + (r.below(3) if g == groups - 1 else 0)  # the last group waits a little longer
        e = 1 if r.below(1000) < event_share * 1000 else 0
        key = (t, g)
        ev, ce = counts.get(key, (0, 0))
        counts[key] = (ev + e, ce + 1 - e)
    return [[t, g, ev, ce] for (t, g), (ev, ce) in sorted(counts.items())]


def logrank(data, groups):
    at_risk = [0] * groups
    for t, g, ev, ce in data:
        at_risk[g] += ev + ce
    present = [g for g in range(groups) if at_risk[g] > 0]
    O = [Fraction(0)] * groups
    E = [Fraction(0)] * groups
    V = [[Fraction(0)] * groups for _ in range(groups)]
    for t in sorted({row[0] for row in data}):
        rows = [row for row in data if row[0] == t]
        d = [0] * groups
        removed = [0] * groups
        for _, g, ev, ce in rows:
            d[g] += ev
            removed[g] += ev + ce
        n = sum(at_risk)
        dd = sum(d)
        if dd > 0:
            for g in present:
                O[g] += d[g]
                E[g] += Fraction(dd * at_risk[g], n)
            if n > 1:
                for a in present:
                    for b in present:
                        V[a][b] += Fraction(dd * (n - dd), n - 1) * Fraction(at_risk[a], n) * ((1 if a == b else 0) - Fraction(at_risk[b], n))
        for g in range(groups):
            at_risk[g] -= removed[g]
    kept = present[:-1]
    diff = [O[g] - E[g] for g in kept]
    M = [[V[a][b] for b in kept] for a in kept]
    # exact Gaussian elimination
    k = len(kept)
    A = [row[:] + [diff[i]] for i, row in enumerate(M)]
    for i in range(k):
        piv = next(r for r in range(i, k) if A[r][i] != 0)
        A[i], A[piv] = A[piv], A[i]
        for r in range(k):
            if r != i and A[r][i] != 0:
                f = A[r][i] / A[i][i]
                A[r] = [x - f * y for x, y in zip(A[r], A[i])]
    sol = [A[i][k] / A[i][i] for i in range(k)]
    stat = sum(x * y for x, y in zip(diff, sol))
    stat_mp = mp(stat.numerator) / stat.denominator
    return stat_mp, gamma_q(mp(len(present) - 1) / 2, stat_mp / 2)


def kaplan_meier(data, level=0.95):
    """data: [time, events, censored]; exact S and Greenwood, bands at 50 digits."""
    z = normal_quantile((1 + mp(level)) / 2)
    at_risk = sum(ev + ce for _, ev, ce in data)
    S, G = Fraction(1), Fraction(0)
    points = []
    median = lower_t = upper_t = None
    for t, ev, ce in data:
        if ev > 0:
            S *= Fraction(at_risk - ev, at_risk)
            if ev < at_risk:
                G += Fraction(ev, at_risk * (at_risk - ev))
        s_mp = mp(S.numerator) / S.denominator
        g_mp = mp(G.numerator) / G.denominator
        if S == 1:
            lo = hi = mp(1)
        elif S == 0:
            lo = hi = mp(0)
        else:
            ls = mpmath.log(s_mp)
            sigma = mpmath.sqrt(g_mp) / abs(ls)
            lo, hi = mpmath.exp(ls * mpmath.exp(z * sigma)), mpmath.exp(ls * mpmath.exp(-z * sigma))
        points.append({"time": t, "survival": s(s_mp), "se": s(s_mp * mpmath.sqrt(g_mp)), "lower": s(lo), "upper": s(hi)})
        if median is None and S <= Fraction(1, 2):
            median = t
        if lower_t is None and lo <= mp("0.5"):
            lower_t = t
        if upper_t is None and hi <= mp("0.5"):
            upper_t = t
        at_risk -= ev + ce
    return {"data": data, "level": level, "points": points, "median": median, "median_lower": lower_t, "median_upper": upper_t}


def delong(data):
    """data: [score, positives, negatives] with distinct ascending scores; exact placements."""
    n1 = sum(p for _, p, _ in data)
    n0 = sum(q for _, _, q in data)
    below1 = below0 = 0
    blocks = []
    for _, p, q in data:
        v10 = Fraction(2 * below0 + q, 2 * n0)
        v01 = Fraction(2 * (n1 - below1 - p) + p, 2 * n1)
        blocks.append((p, v10, q, v01))
        below1 += p
        below0 += q
    auc = sum((p * v10 for p, v10, _, _ in blocks), Fraction(0)) / n1
    mean01 = sum((q * v01 for _, _, q, v01 in blocks), Fraction(0)) / n0
    s10 = sum((p * (v10 - auc) ** 2 for p, v10, _, _ in blocks), Fraction(0)) / (n1 - 1)
    s01 = sum((q * (v01 - mean01) ** 2 for _, _, q, v01 in blocks), Fraction(0)) / (n0 - 1)
    var = s10 / n1 + s01 / n0
    return {"data": data, "auc": s(mp(auc.numerator) / auc.denominator), "se": s(mpmath.sqrt(mp(var.numerator) / var.denominator))}


def as_text(value):
    """Every float input as its shortest round-trip text: JSON number parsers need not round
    correctly (Foundation's on Linux can be 1 ulp off, which near x = 1 with a = 1e6 moves
    I_x(a, b) by 1e-10); the test reads them with Double(String)."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict):
        return {k: as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_text(v) for v in value]
    return value


def main():
    lower_inv, upper_inv = inverse_beta_cases()
    logrank_cases = []
    for seed, rows, groups, times, share in ((1, 6000, 3, 25, 0.6), (2, 3000, 2, 4, 0.9), (3, 20000, 4, 60, 0.3)):
        data = tied_data(seed, rows, groups, times, share)
        stat, p = logrank(data, groups)
        logrank_cases.append({"groups": groups, "data": data, "statistic": s(stat), "p": s(p) if ok(p) else None})
    km_data = [
        [[row[0], row[2], row[3]] for row in tied_data(4, 5000, 1, 40, 0.5)],
        # 18 at risk, 7 events: S = 11/18; then 11 at risk, 2 events: S = 11/18 * 9/11 = 1/2 exactly
        # (in binary the product is 0.5000000000000001, which is not <= 0.5).
        [[1, 7, 0], [2, 2, 0], [3, 4, 5]],
        [[5, 2500, 0], [6, 0, 2500]],
    ]
    out = {
        "digits": 50,
        "incomplete_beta": incomplete_beta_cases(),
        "inverse_incomplete_beta": lower_inv,
        "inverse_incomplete_beta_upper": upper_inv,
        "upper_incomplete_gamma": upper_gamma_cases(),
        "normal": normal_cases(),
        "normal_quantile": normal_quantile_cases(),
        "student_t_critical": student_t_cases(),
        "chi2_sf": chi2_cases(),
        "fisher_exact": [{"table": list(t), "p": s(p) if ok(p) else None} for t, p in ((t, fisher_exact(*t)) for t in FISHER_TABLES)],
        "clopper_pearson": clopper_pearson_cases(),
        "two_proportion_z": [{"counts": list(t), "z": s(two_proportion_z(*t)[0]),
                              "p": s(two_proportion_z(*t)[1]) if ok(two_proportion_z(*t)[1]) else None} for t in Z_TABLES],
        "bca_levels": bca_cases(),
        "logrank": logrank_cases,
        "kaplan_meier": [kaplan_meier(d) for d in km_data],
        "delong": [delong([[0.5, 3000, 2000]]), delong([[0.0, 400, 1600], [1.0, 2600, 400]]),
                   delong([[float(k), 100 * (k + 1), 100 * (5 - k)] for k in range(5)])],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numerics_reference.json")
    with open(path, "w") as f:
        json.dump(as_text(out), f, indent=1)
        f.write("\n")
    for k, v in out.items():
        if isinstance(v, list):
            print(f"{k}: {len(v)} cases")


if __name__ == "__main__":
    main()

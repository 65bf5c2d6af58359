"""Exact two-sample Kolmogorov-Smirnov p-values by big-integer lattice-path counting.

Independent of the Swift code and of scipy: for sizes m >= n and the numerator h of
D = h/(m n), the paths from (0, 0) to (m, n) that stay strictly inside |i n - j m| < h are
counted exactly with Python integers, N(i, j) = N(i - 1, j) + N(i, j - 1); the two-sided
p-value is P(D >= h/(m n)) = 1 - N(m, n)/C(m + n, n) (Hodges 1958), an exact fraction,
written with 25 significant digits (mpmath, 50 digits of working precision).

Cases: unbalanced sizes (5,690 against 670, the reproducer of issue 13, where the old
rescaled path count gave p = 1; 2,000 against 150; 9,000 against 40; 300 against 7), near
balanced (3,000 against 2,999) and balanced (1,000 against 1,000), with D from 0.05 to 1,
so that p runs from about 1 down to below 1e-300 (beyond double precision Vigie publishes
the upper bound 1e-300). h is a multiple of gcd(m, n), as every attainable numerator is.

    python3 Fixtures/reference/scores/make_ks_exact_reference.py   # Python 3.11, mpmath 1.3.0; ~2 min
Writes ks_exact_reference.json next to this script; running it twice gives identical bytes.
Read by Tests/AuditMetricsTests/KolmogorovSmirnovExactTests.swift.
"""
import json, math, os
import mpmath

mpmath.mp.dps = 50

CASES = [
    (5690, 670, [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.569, 0.6, 0.65, 0.68, 0.7, 0.71, 0.715, 0.72, 0.75, 0.9]),
    (2000, 150, [0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0]),
    (9000, 40, [0.1, 0.3, 0.6, 0.9, 0.99]),
    (300, 7, [0.3, 0.6, 0.99]),
    (3000, 2999, [0.02, 0.05, 0.1, 0.2, 0.3, 0.35]),
    (1000, 1000, [0.03, 0.1, 0.2, 0.4, 0.6, 0.65, 0.7, 0.9]),
    (1, 1000, [0.5, 0.9, 0.999]),
]


def inside_paths(m, n, h):
    """Paths from (0, 0) to (m, n) staying strictly inside |i n - j m| < h."""
    u = [0] * (n + 1)
    u[0] = 1
    for j in range(1, n + 1):
        u[j] = u[j - 1] if j * m < h else 0
    for i in range(1, m + 1):
        if i * n >= h:
            u[0] = 0
        for j in range(1, n + 1):
            u[j] = u[j] + u[j - 1] if abs(i * n - j * m) < h else 0
    return u[n]


def main():
    out = []
    for m, n, ds in CASES:
        g = math.gcd(m, n)
        for d in ds:
            h = max(g, round(d * m * n / g) * g)
            total = math.comb(m + n, n)
            outside = total - inside_paths(m, n, h)
            p = mpmath.mpf(outside) / total
            out.append({
                "n1": m, "n2": n, "h": h, "d": h / (m * n),
                "p": mpmath.nstr(p, 25, min_fixed=1, max_fixed=0),
                "log10_p": float(mpmath.log10(p)) if p > 0 else None,
            })
            print(f"{m:5d} x {n:5d}  h = {h:9d}  D = {h / (m * n):.6f}  p = {mpmath.nstr(p, 12)}", flush=True)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ks_exact_reference.json")
    with open(path, "w") as f:
        json.dump({"method": "exact big-integer lattice-path count, p = 1 - inside/C(m+n, n)", "cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

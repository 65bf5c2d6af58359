"""Reference values of the scan's tests (Tests/AuditMetricsTests/ScanByHandTests.swift).

Run: python3 scan_reference.py  (scipy, statsmodels). Prints the values the tests compare with.
"""
import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest, confint_proportions_2indep
from statsmodels.stats.multitest import multipletests

# Yes/no outcome: 12 kept of 40 in the cluster, 50 of 80 in the rest.
z, p = proportions_ztest([12, 50], [40, 80])
lo, hi = confint_proportions_2indep(12, 40, 50, 80, compare="diff", method="newcomb", alpha=0.05)
print("binary", repr(12 / 40 - 50 / 80), repr(p), repr(lo), repr(hi))

# Numeric outcome, Welch.
a = np.array([1.0, 2.0, 2.5, 3.0, 4.5, 2.0])
b = np.array([3.0, 4.0, 5.5, 4.5, 6.0, 5.0, 3.5, 4.0])
t = stats.ttest_ind(a, b, equal_var=False)
ci = t.confidence_interval(0.95)
print("welch", repr(a.mean() - b.mean()), repr(t.pvalue), repr(ci.low), repr(ci.high))

print("bonferroni", multipletests([0.01, 0.04, 0.3], method="bonferroni")[1].tolist())
print("t p-value", repr(2 * stats.t.sf(2.5, 7.3)))

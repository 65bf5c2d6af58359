"""Algorithm Audit's HBAC on two small deterministic tables, for
Tests/AuditMetricsTests/ScanAlgorithmAuditTests.swift (docs/scan.md, "Against Algorithm Audit's
implementation").

Runs the foundation's published package, installed from PyPI, not copied here:
    python3 -m venv venv && venv/bin/pip install unsupervised-bias-detection==0.2.6
    venv/bin/python hbac_reference.py > hbac_reference_output.txt

Its rule (unsupervised_bias_detection.cluster.BiasAwareHierarchicalKMeans, 0.2.6): take the
leaf with the largest standard deviation of y, cut it with scikit-learn's KMeans(n_clusters=2),
keep the cut when both sides have at least bahc_min_cluster_size rows and one side's score
mean(y of every other row) - mean(y of the side) is at least the parent's score + 1e-5 (the root
scores 0); at most bahc_max_iter leaves taken. Its y is "lower = worse" as Vigie's outcome.

The table: four blobs of 15 rows on a line (x near 0, 4, 20, 24; a second coordinate
follows at half the scale with its own jitter),
row i = 15 * blob + j, j = 0..14:
    x  = centre + 0.15 * ((7 j) mod 5 - 2)
    x2 = centre / 2 + 0.15 * ((3 j) mod 7 - 3)
    y  = 1 if j < ones[blob] else 0
standardised as Vigie does (mean 0, standard deviation with divisor n). Table A: ones = 3, 12, 6,
12 (shares 0.2, 0.8, 0.4, 0.8); table B: ones = 3, 12, 9, 9 (blobs C and D alike, 0.6 each).
Minimum cluster size 10, at most 20 leaves taken. The leaves are printed as lists of rows, for
ten random states of KMeans.
"""
import numpy as np
from unsupervised_bias_detection.cluster import BiasAwareHierarchicalKMeans

CENTRES = [0.0, 4.0, 20.0, 24.0]


def table(ones):
    rows, y = [], []
    for b, centre in enumerate(CENTRES):
        for j in range(15):
            rows.append([centre + 0.15 * ((7 * j) % 5 - 2), centre / 2 + 0.15 * ((3 * j) % 7 - 3)])
            y.append(1.0 if j < ones[b] else 0.0)
    x = np.array(rows)
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    return x, np.array(y)


def leaves(x, y, seed):
    model = BiasAwareHierarchicalKMeans(bahc_max_iter=20, bahc_min_cluster_size=10, random_state=seed).fit(x, y)
    groups = {}
    for row, label in enumerate(model.labels_):
        groups.setdefault(int(label), []).append(row)
    return sorted(groups.values(), key=lambda g: g[0])


for name, ones in [("A", [3, 12, 6, 12]), ("B", [3, 12, 9, 9])]:
    x, y = table(ones)
    found = {str(leaves(x, y, seed)) for seed in range(10)}
    for partition in sorted(found):
        print(name, "leaves", partition)
    print(name, "distinct partitions over random_state 0..9:", len(found))

#!/usr/bin/env python3
"""Bootstrap cost: Fairlearn's MetricFrame(n_boot=N) against `vigie audit --bootstrap 1000`.

Same 1M-row housing CSV for both (`vigie generate housing --rows 1000000 --seed 7`).

(a) Fairlearn, in this process, after the CSV is read and prepared (read_csv and preparation
    are not timed): `MetricFrame(metrics={selection_rate, true_positive_rate,
    false_positive_rate, false_negative_rate, true_negative_rate, accuracy_score,
    precision_score}, y_true=besoin_prioritaire, y_pred=propose_caleol,
    sensitive_features=[nationalite, sexe, age band], n_boot=N, ci_quantiles=[0.025, 0.975],
    random_state=1)`, timed for N = 0 (no bootstrap; best of --fairlearn-runs-0) and for each N
    of --n-boot (one run each: a replicate costs about a minute). The seconds per replicate are
    the least-squares slope of time(N) on N (N = 0 included), i.e. (time(N) - time(0)) / N.
(b) vigie, whole process (`--quiet`, the three reports written to a temporary folder):
    `vigie audit ... --intersections 2 --bootstrap 1000 --seed 1` (BCa, the default) and the
    same without `--bootstrap`, best of --runs (3) each. Bootstrap share = with - without.

What each side computes (not the same work; the ratio is per replicate of each tool's own
bootstrap as a user would call it):
  * Fairlearn, given 3 sensitive features, disaggregates over their full intersection
    (nationalite x sexe x age band: 40 non-empty cells here) plus the overall value, for the
    7 metrics above; each replicate resamples the 1M rows with replacement (DataFrame.sample)
    and recomputes every metric on every cell; intervals are plain percentiles.
  * vigie computes 3 attributes + the 3 pairwise intersections (nationalite*sexe,
    nationalite*age, sexe*age; no 3-way cell), 12 count-based rates per group plus their
    differences and ratios against the reference, impact ratios and aggregates; each replicate
    draws the confusion counts of every group (multinomial within the group, so the cost does
    not depend on the number of rows); BCa adds the cell-grouped jackknife for the acceleration.

Usage (from Benchmarks/):
    python3 compare_fairlearn_bootstrap.py                       # builds vigie, generates the file
    python3 compare_fairlearn_bootstrap.py --vigie ../.build-bench/release/vigie --csv /tmp/h.csv
    python3 compare_fairlearn_bootstrap.py --n-boot 1,2 --json /tmp/fairlearn-bootstrap.json
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAIN = HERE.parent  # the Vigie package

PROTECTED = ["nationalite", "sexe", "age"]
AGE_EDGES = [18, 26, 36, 51, 66]
LABEL = "besoin_prioritaire"
DECISION = "propose_caleol"
REPLICATES = 1000
SEED = 1


def load_average() -> str:
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def log(message: str) -> None:
    print(message, flush=True)


def build_vigie() -> Path:
    scratch = MAIN / ".build-bench"
    command = ["swift", "build", "-c", "release", "--package-path", str(MAIN), "--scratch-path", str(scratch), "--product", "vigie"]
    log("$ " + " ".join(command))
    subprocess.run(command, check=True)
    binary = scratch / "release" / "vigie"
    if not binary.exists():
        sys.exit(f"error: {binary} not found after the build")
    return binary


def generate(vigie: Path, rows: int, seed: int, out: Path) -> None:
    command = [str(vigie), "generate", "housing", "--rows", str(rows), "--seed", str(seed), "--out", str(out)]
    log("$ " + " ".join(command))
    subprocess.run(command, check=True)


# ------------------------------------------------------------------------------ Fairlearn

def fairlearn_inputs(path: Path):
    import numpy as np
    import pandas as pd

    df = pd.read_csv(path, usecols=PROTECTED + [LABEL, DECISION])
    labels = ["<18"] + [f"[{a},{b})" for a, b in zip(AGE_EDGES, AGE_EDGES[1:])] + [f">={AGE_EDGES[-1]}"]
    age = pd.cut(df["age"], bins=[-np.inf, *AGE_EDGES, np.inf], right=False, labels=labels).astype(str)
    age[df["age"].isna()] = "unknown"
    sensitive = pd.DataFrame({
        "nationalite": df["nationalite"].fillna("unknown").astype(str),
        "sexe": df["sexe"].fillna("unknown").astype(str),
        "age": age,
    })
    return df[LABEL].astype(int), df[DECISION].astype(int), sensitive


def fairlearn_metrics() -> dict:
    from fairlearn.metrics import (
        false_negative_rate, false_positive_rate, selection_rate, true_negative_rate, true_positive_rate,
    )
    from sklearn.metrics import accuracy_score, precision_score

    return {
        "selection_rate": selection_rate,
        "tpr": true_positive_rate,
        "fpr": false_positive_rate,
        "fnr": false_negative_rate,
        "tnr": true_negative_rate,
        "accuracy": accuracy_score,
        "ppv": functools.partial(precision_score, zero_division=0),
    }


def time_metric_frame(y_true, y_pred, sensitive, n_boot: int) -> tuple[float, int]:
    from fairlearn.metrics import MetricFrame

    extra = {} if n_boot == 0 else {"n_boot": n_boot, "ci_quantiles": [0.025, 0.975], "random_state": SEED}
    start = time.perf_counter()
    frame = MetricFrame(metrics=fairlearn_metrics(), y_true=y_true, y_pred=y_pred, sensitive_features=sensitive, **extra)
    seconds = time.perf_counter() - start
    if n_boot:
        frame.by_group_ci  # noqa: B018  (the intervals exist)
    return seconds, int(len(frame.by_group))


def run_fairlearn(path: Path, n_boots: list[int], runs0: int) -> dict:
    t = time.perf_counter()
    y_true, y_pred, sensitive = fairlearn_inputs(path)
    log(f"  read_csv + preparation (not timed below): {time.perf_counter() - t:.2f} s")
    points = []
    for n in [0] * runs0 + n_boots:
        load = load_average()
        seconds, cells = time_metric_frame(y_true, y_pred, sensitive, n)
        points.append({"n_boot": n, "seconds": seconds, "cells": cells, "load_before": load})
        log(f"  MetricFrame n_boot={n}: {seconds:.2f} s ({cells} cells; load {load})")
    t0 = min(p["seconds"] for p in points if p["n_boot"] == 0)
    # Least squares of time on N, with time(0) = the best run without bootstrap.
    xs = [0.0] + [float(p["n_boot"]) for p in points if p["n_boot"] > 0]
    ys = [t0] + [p["seconds"] for p in points if p["n_boot"] > 0]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    per_point = {p["n_boot"]: (p["seconds"] - t0) / p["n_boot"] for p in points if p["n_boot"] > 0}
    for n, s in per_point.items():
        log(f"  (time({n}) - time(0)) / {n} = {s:.2f} s per replicate")
    return {
        "points": points,
        "time0_best_s": t0,
        "seconds_per_replicate": slope,
        "seconds_per_replicate_by_n": per_point,
        "cells": points[0]["cells"],
    }


# ---------------------------------------------------------------------------------- vigie

def vigie_command(vigie: Path, data: Path, out: Path, bootstrap: int, method: str) -> list[str]:
    command = [
        str(vigie), "audit", "--data", str(data),
        "--protected", "nationalite", "--protected", "sexe",
        "--protected", "age:" + ",".join(str(e) for e in AGE_EDGES),
        "--label", LABEL, "--decision", DECISION, "--intersections", "2",
    ]
    if bootstrap:
        command += ["--bootstrap", str(bootstrap), "--seed", str(SEED), "--bootstrap-method", method]
    return command + ["--quiet", "--out", str(out)]


def best_of(command: list[str], runs: int, label: str) -> dict:
    log("$ " + " ".join(command))
    walls = []
    for i in range(runs):
        load = load_average()
        start = time.perf_counter()
        subprocess.run(command, check=True)
        walls.append(time.perf_counter() - start)
        log(f"  {label} run {i + 1}/{runs}: {walls[-1]:.3f} s (load {load})")
    return {"command": " ".join(command), "runs_s": walls, "best_s": min(walls)}


def run_vigie(vigie: Path, data: Path, runs: int, method: str, workdir: Path) -> dict:
    out = workdir / "vigie-report"
    without = best_of(vigie_command(vigie, data, out, 0, method), runs, "vigie (no bootstrap)")
    with_bootstrap = best_of(vigie_command(vigie, data, out, REPLICATES, method), runs, f"vigie --bootstrap {REPLICATES} ({method})")
    report = json.loads((out / "report.json").read_text())
    shutil.rmtree(out, ignore_errors=True)
    return {
        "without": without,
        "with": with_bootstrap,
        "bootstrap_share_s": with_bootstrap["best_s"] - without["best_s"],
        "attributes": [a.get("name") for a in report.get("attributes", [])] if isinstance(report.get("attributes"), list) else None,
    }


# ------------------------------------------------------------------------------- versions

def versions(vigie: Path) -> dict:
    from importlib.metadata import version

    def out(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, cwd=MAIN).stdout.strip()
        except OSError:
            return "?"

    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    swift = out(["swift", "--version"])
    return {
        "python": platform.python_version(),
        "fairlearn": version("fairlearn"),
        "scikit-learn": version("scikit-learn"),
        "pandas": version("pandas"),
        "numpy": version("numpy"),
        "vigie": out([str(vigie), "--version"]),
        "vigie_git": out(["git", "rev-parse", "--short", "HEAD"]) + (" (+uncommitted changes)" if out(["git", "status", "--porcelain", "--untracked-files=no"]) else ""),
        "swift": swift.splitlines()[0] if swift else "?",
        "cpu": cpu,
        "cores": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, help="input CSV (default: generate --rows rows with --seed)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--vigie", type=Path, help="vigie binary (default: build ../.build-bench/release/vigie)")
    parser.add_argument("--n-boot", default="1,2", help="Fairlearn n_boot values, comma-separated (default 1,2; ~1 min per replicate on 1M rows)")
    parser.add_argument("--fairlearn-runs-0", type=int, default=2, help="runs of MetricFrame without bootstrap (best is time(0))")
    parser.add_argument("--runs", type=int, default=3, help="vigie: best of N (default 3)")
    parser.add_argument("--bootstrap-method", choices=["bca", "percentile"], default="bca")
    parser.add_argument("--skip-fairlearn", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    n_boots = [int(n) for n in args.n_boot.split(",") if n.strip()]
    if not args.skip_fairlearn and (not n_boots or min(n_boots) < 1):
        sys.exit("error: --n-boot needs positive integers")

    vigie = args.vigie.resolve() if args.vigie else build_vigie()
    workdir = Path(tempfile.mkdtemp(prefix="vigie-fairlearn-"))
    results: dict = {"versions": versions(vigie), "load_start": load_average()}
    log("versions: " + json.dumps(results["versions"]))
    try:
        if args.csv:
            data = args.csv.resolve()
        else:
            data = workdir / f"housing-{args.rows}-seed{args.seed}.csv"
            generate(vigie, args.rows, args.seed, data)
        log(f"input: {data} ({data.stat().st_size / 1e6:.0f} MB), load {load_average()}")

        log(f"\n(b) vigie audit, best of {args.runs}, with and without --bootstrap {REPLICATES}")
        results["vigie"] = run_vigie(vigie, data, args.runs, args.bootstrap_method, workdir)

        if not args.skip_fairlearn:
            log(f"\n(a) Fairlearn MetricFrame, n_boot in {[0] * args.fairlearn_runs_0 + n_boots}")
            results["fairlearn"] = run_fairlearn(data, n_boots, args.fairlearn_runs_0)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results["load_end"] = load_average()

    v = results["vigie"]
    share = v["bootstrap_share_s"]
    log("\n=== summary ===")
    log(f"vigie without bootstrap: {v['without']['best_s']:.3f} s; with --bootstrap {REPLICATES} ({args.bootstrap_method}): {v['with']['best_s']:.3f} s (best of {args.runs})")
    log(f"vigie: {share:.3f} s per {REPLICATES:,} replicates = {share / REPLICATES * 1e3:.3f} ms per replicate "
        "(3 attributes + 3 pairwise intersections)")
    if "fairlearn" in results:
        f = results["fairlearn"]
        per = f["seconds_per_replicate"]
        log(f"Fairlearn MetricFrame: time(0) = {f['time0_best_s']:.2f} s; {per:.2f} s per replicate (slope over n_boot = 0, {', '.join(map(str, n_boots))}; "
            f"full 3-way intersection, {f['cells']} cells, 7 metrics)")
        log(f"Fairlearn for {REPLICATES:,} replicates (extrapolated): {per * REPLICATES / 3600:.1f} h")
        if share > 0:
            results["ratio_per_replicate"] = per / (share / REPLICATES)
            log(f"ratio per replicate, Fairlearn / vigie: {results['ratio_per_replicate']:,.0f}x")
        else:
            log("ratio: vigie's bootstrap share is not positive (noise); rerun on an idle machine")
    log(f"load: {results['load_start']} at start, {results['load_end']} at end")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
        log(f"results: {args.json}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Vigie and its peers side by side, in one run, on the same generated file: ratios, not seconds.

Wall-clock times on a shared 2-core machine move 2x with the load, so this script runs every
tool in the same rounds (round r runs each tool once, the order rotated each round, so a load
spike falls on all of them alike), keeps each tool's best round, and prints each tool's time
as a multiple of `vigie audit`'s, with the load average around every run. Quote the ratios
with the machine and the load it prints.

Tools (each run in a fresh child process; Python tools timed inside the child from reading the
file to the last result, their imports excluded, which favours them):

* `vigie`: `vigie audit --data F --protected nationalite --protected sexe
  --protected age:18,26,36,51,66 --label besoin_prioritaire --decision propose_caleol
  --intersections 2 --quiet --out DIR`, the whole process (all cores; every report, the
  findings with intervals and tests, the manifest with the SHA-256 of the file, written);
  `vigie-1-thread` is the same with `--threads 1`.
* `pandas+aequitas`: `pd.read_csv` (all columns), the 3 attributes (age banded) and the 3
  pairwise intersections as strings, Aequitas `Group().get_crosstabs` and
  `Bias().get_disparity_major_group` (compare_aequitas.py's pipeline).
* `fairlearn`: `pd.read_csv` of the 5 columns, the same preparation, then one
  `MetricFrame(metrics={selection_rate, tpr, tnr, fpr, fnr, accuracy, precision})` per
  attribute and per pair (the 6 groupings vigie reports), `by_group` and `difference()` of each.
* `polars-counts`, `duckdb-counts`: the bare confusion counts (n, tp, fp, tn, fn) of every
  group of the 6 groupings — the least work any audit must do; polars `read_csv(columns=…)`
  then a `group_by` per grouping (multi-threaded); DuckDB one `GROUP BY GROUPING SETS` query
  over `read_csv` (multi-threaded). Their counts are checked against vigie's `metrics.csv`:
  the same groups, the same numbers, or the script fails.

Not the same work: vigie also computes 12 rates per group with Wilson intervals, differences
and ratios with Newcombe/Katz intervals, Fisher or z tests adjusted across the audit,
verdicts, aggregates, disclosure control, and writes JSON, CSV, Markdown, HTML and the
manifest. The counts tools are a floor, not a peer audit.

    pip install pandas aequitas fairlearn polars duckdb
    python3 side_by_side.py                          # builds vigie (../.build-bench), 1M rows, 3 rounds
    python3 side_by_side.py --vigie ../.build/release/vigie --rows 1000000 --rounds 5 --json /tmp/sbs.json
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_aequitas as ca  # noqa: E402  (the shared helpers and the pandas + Aequitas child)

GROUPINGS = [["nationalite"], ["sexe"], ["age"], ["nationalite", "sexe"], ["nationalite", "age"], ["sexe", "age"]]
AGE_LABELS = ["<18"] + [f"[{a},{b})" for a, b in zip(ca.AGE_EDGES, ca.AGE_EDGES[1:])] + [f">={ca.AGE_EDGES[-1]}"]
TOOLS = ["vigie", "vigie-1-thread", "pandas+aequitas", "fairlearn", "polars-counts", "duckdb-counts"]
SLOW = {"fairlearn"}  # minutes per run on 1M rows: only in the first --slow-rounds rounds


# ------------------------------------------------------------------------------ children

def emit(started: float, import_s: float, counts: dict | None = None, out: str | None = None) -> None:
    """Prints the child's timing as a JSON line; writes its counts to `out` when given."""
    if counts is not None and out:
        with open(out, "w") as f:
            json.dump(counts, f)
    print(json.dumps({"pipeline_s": time.perf_counter() - started, "import_s": import_s}))


def fairlearn_child(path: str) -> None:
    t = time.perf_counter()
    import numpy as np
    import pandas as pd
    from fairlearn.metrics import (MetricFrame, false_negative_rate, false_positive_rate, selection_rate,
                                   true_negative_rate, true_positive_rate)
    from sklearn.metrics import accuracy_score, precision_score
    import_s = time.perf_counter() - t
    started = time.perf_counter()
    df = pd.read_csv(path, usecols=ca.PROTECTED + [ca.LABEL, ca.DECISION])
    bins = [-np.inf, *ca.AGE_EDGES, np.inf]
    groups = pd.DataFrame({
        "nationalite": df["nationalite"].fillna("unknown").astype(str),
        "sexe": df["sexe"].fillna("unknown").astype(str),
        "age": pd.cut(df["age"], bins=bins, right=False, labels=AGE_LABELS).astype(str),
    })
    metrics = {
        "selection_rate": selection_rate, "tpr": true_positive_rate, "tnr": true_negative_rate,
        "fpr": false_positive_rate, "fnr": false_negative_rate, "accuracy": accuracy_score,
        "ppv": lambda y, p: precision_score(y, p, zero_division=0),
    }
    y, p = df[ca.LABEL].to_numpy(), df[ca.DECISION].to_numpy()
    for grouping in GROUPINGS:
        frame = MetricFrame(metrics=metrics, y_true=y, y_pred=p, sensitive_features=groups[grouping])
        frame.by_group
        frame.difference()
    emit(started, import_s)


def polars_child(path: str, out: str) -> None:
    t = time.perf_counter()
    import polars as pl
    import_s = time.perf_counter() - t
    started = time.perf_counter()
    df = pl.read_csv(path, columns=ca.PROTECTED + [ca.LABEL, ca.DECISION])
    df = df.with_columns(
        pl.col("nationalite").fill_null("unknown"),
        pl.col("sexe").fill_null("unknown"),
        pl.col("age").cut(ca.AGE_EDGES, labels=AGE_LABELS, left_closed=True).cast(pl.Utf8).fill_null("unknown"),
        (pl.col(ca.DECISION) * pl.col(ca.LABEL)).alias("tp"),
    )
    counts = {}
    for grouping in GROUPINGS:
        table = df.group_by(grouping).agg(
            pl.len().alias("n"), pl.col(ca.DECISION).sum().alias("pos"), pl.col(ca.LABEL).sum().alias("lab"), pl.col("tp").sum())
        for row in table.iter_rows(named=True):
            key = "*".join(grouping) + "|" + "*".join(str(row[c]) for c in grouping)
            n, pos, lab, tp = row["n"], row["pos"], row["lab"], row["tp"]
            counts[key] = [n, tp, pos - tp, n - pos - (lab - tp), lab - tp]
    emit(started, import_s, counts, out)


def duckdb_child(path: str, out: str) -> None:
    t = time.perf_counter()
    import duckdb
    import_s = time.perf_counter() - t
    started = time.perf_counter()
    bands = " ".join(f"WHEN age < {b} THEN '{label}'" for b, label in zip(ca.AGE_EDGES, AGE_LABELS))
    query = f"""
        WITH d AS (
            SELECT coalesce(nationalite, 'unknown') AS nationalite, coalesce(sexe, 'unknown') AS sexe,
                   CASE WHEN age IS NULL THEN 'unknown' {bands} ELSE '{AGE_LABELS[-1]}' END AS age,
                   {ca.DECISION} AS d, {ca.LABEL} AS y
            FROM read_csv('{path}'))
        SELECT GROUPING(nationalite) AS gn, GROUPING(sexe) AS gs, GROUPING(age) AS ga, nationalite, sexe, age,
               count(*) AS n, sum(d) AS pos, sum(y) AS lab, sum(d * y) AS tp
        FROM d
        GROUP BY GROUPING SETS ((nationalite), (sexe), (age), (nationalite, sexe), (nationalite, age), (sexe, age))"""
    rows = duckdb.sql(query).fetchall()
    counts = {}
    for gn, gs, ga, nat, sex, age, n, pos, lab, tp in rows:
        names = [c for c, g in (("nationalite", gn), ("sexe", gs), ("age", ga)) if g == 0]
        values = {"nationalite": nat, "sexe": sex, "age": age}
        key = "*".join(names) + "|" + "*".join(values[c] for c in names)
        counts[key] = [int(n), int(tp), int(pos - tp), int(n - pos - (lab - tp)), int(lab - tp)]
    emit(started, import_s, counts, out)


# ------------------------------------------------------------------------------ parent

def vigie_counts(metrics_csv: Path) -> dict:
    """(n, tp, fp, tn, fn) of every non-empty group of vigie's metrics.csv, keyed as the children key them."""
    table: dict[str, dict[str, float]] = {}
    with open(metrics_csv, newline="") as f:
        for row in csv.DictReader(f):
            if row["metric"] in ("count", "tp", "fp", "tn", "fn") and row["attribute"] != "overall":
                table.setdefault(f"{row['attribute']}|{row['group']}", {})[row["metric"]] = float(row["value"])
    return {k: [int(v[m]) for m in ("count", "tp", "fp", "tn", "fn")] for k, v in table.items() if v.get("count", 0) > 0}


def run_tool(tool: str, vigie: Path, data: Path, workdir: Path) -> dict:
    out = workdir / f"{tool}-counts.json"
    if tool.startswith("vigie"):
        command = ca.vigie_audit_command(vigie, data, workdir / "vigie-report") + (["--threads", "1"] if tool == "vigie-1-thread" else [])
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "--child", tool, str(data), str(out)]
    load = ca.load_average()
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"error: {tool} exited with {proc.returncode}:\n{proc.stderr[-3000:]}")
    result = {"process_s": wall, "load_before": load, "load_after": ca.load_average()}
    if tool.startswith("vigie"):
        result["time_s"] = wall
    else:
        timing = json.loads(next(l for l in proc.stdout.splitlines() if l.startswith("{")))
        result.update(timing)
        result["time_s"] = timing["pipeline_s"]
    return result


def versions() -> dict:
    found = {"python": platform.python_version()}
    from importlib.metadata import PackageNotFoundError, version
    for name in ("pandas", "numpy", "aequitas", "fairlearn", "scikit-learn", "polars", "duckdb"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    found.update({"cpu": cpu, "cores": os.cpu_count()})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, help="input CSV (default: vigie generate housing --rows --seed)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="each tool runs once per round; best round kept (default 3)")
    parser.add_argument("--slow-rounds", type=int, default=1, help="rounds that include fairlearn (default 1: ~1-5 min per run at 1M rows)")
    parser.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated subset of {','.join(TOOLS)}")
    parser.add_argument("--vigie", type=Path, help="release vigie binary (default: build ../.build-bench/release/vigie)")
    parser.add_argument("--json", type=Path, help="also write every run here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        tool, path, *rest = args.child
        if tool == "pandas+aequitas":
            ca.pandas_aequitas_child(path, usecols=False)
        elif tool == "fairlearn":
            fairlearn_child(path)
        elif tool == "polars-counts":
            polars_child(path, rest[0])
        elif tool == "duckdb-counts":
            duckdb_child(path, rest[0])
        return

    tools = [t for t in args.tools.split(",") if t]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown or "vigie" not in tools:
        raise SystemExit(f"error: --tools must include vigie and name only {', '.join(TOOLS)}; got {', '.join(unknown) or 'no vigie'}")
    vigie = args.vigie.resolve() if args.vigie else ca.build_vigie()
    workdir = Path(tempfile.mkdtemp(prefix="vigie-side-by-side-"))
    runs: dict[str, list[dict]] = {t: [] for t in tools}
    try:
        data = args.csv.resolve() if args.csv else workdir / f"housing-{args.rows}-seed{args.seed}.csv"
        if not args.csv:
            ca.generate(vigie, args.rows, args.seed, data)
        ca.log(f"input: {data.name} ({data.stat().st_size / 1e6:.0f} MB); machine: {json.dumps(versions())}")
        for r in range(args.rounds):
            order = tools[r % len(tools):] + tools[:r % len(tools)]
            for tool in order:
                if tool in SLOW and r >= args.slow_rounds:
                    continue
                result = run_tool(tool, vigie, data, workdir)
                runs[tool].append(result)
                ca.log(f"  round {r + 1}/{args.rounds} {tool:<16} {result['time_s']:8.3f} s   load {result['load_before']} -> {result['load_after']}")
        # The counts tools computed what vigie computed.
        expected = vigie_counts(workdir / "vigie-report" / "metrics.csv")
        for tool in ("polars-counts", "duckdb-counts"):
            if tool in tools:
                got = json.loads((workdir / f"{tool}-counts.json").read_text())
                if got != expected:
                    differing = sorted(k for k in set(got) | set(expected) if got.get(k) != expected.get(k))
                    raise SystemExit(f"error: {tool}'s counts differ from vigie's metrics.csv for {differing[:5]}")
                ca.log(f"  {tool}: the {len(got)} groups' counts equal vigie's metrics.csv")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    best = {t: min(r["time_s"] for r in runs[t]) for t in tools}
    loads = [float(r[k].split()[0]) for t in tools for r in runs[t] for k in ("load_before", "load_after") if r[k] != "?"]
    ca.log(f"\n=== {args.rounds} rounds ({args.slow_rounds} with {', '.join(sorted(SLOW))}), best of each; 1-minute load average during the runs: "
           f"{min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores ===")
    ca.log(f"{'tool':<18}{'time / vigie':>14}")
    for t in tools:
        ca.log(f"{t:<18}{best[t] / best['vigie']:>13.2f}x")
    ca.log(f"(vigie's best: {best['vigie']:.3f} s, whole process)")
    if args.json:
        args.json.write_text(json.dumps({"versions": versions(), "rows": args.rows if not args.csv else str(args.csv),
                                         "best_s": best, "ratios": {t: best[t] / best["vigie"] for t in tools}, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()

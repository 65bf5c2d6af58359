#!/usr/bin/env python3
"""Time pandas + Aequitas against `vigie audit` on the same housing CSV.

(a) pandas + Aequitas, as a data scientist would write it:
    pd.read_csv(path); build the 3 attributes (age banded with pd.cut(right=False) on
    [18, 26, 36, 51, 66]) and the 3 pairwise intersections (`nationalite*sexe`, ...) as string
    columns; Group().get_crosstabs(score=propose_caleol, label_value=besoin_prioritaire);
    Bias().get_disparity_major_group (the largest group as reference, Vigie's default rule).
    Each run is a fresh `python3` child process (so its peak RSS is its own); the time is
    measured inside the child around the pipeline, *excluding* the pandas/Aequitas imports
    (favourable to pandas). The child's whole-process wall time is reported as well.
(b) `vigie audit` end to end (release binary, its process wall time, including writing the
    three report files), same attributes, `--intersections 2 --quiet`.

Best of N (default 3) each; prints the ratio, and vigie's peak RSS from `/usr/bin/time -v`.
With --rows-10m (default 10,000,000; 0 disables), also generates a 10M-row file (~1.3 GB),
measures vigie's wall time and peak RSS on it, and deletes it.

Nothing is written inside the repository: inputs and reports go to a temporary folder.

Usage (from Benchmarks/):
    python3 compare_aequitas.py                         # builds vigie, generates 1M rows (seed 7)
    python3 compare_aequitas.py --csv /path/to/housing.csv --rows-10m 0
    python3 compare_aequitas.py --vigie ../.build-bench/release/vigie --json /tmp/results.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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


# ----------------------------------------------------------------------------- helpers

def load_average() -> str:
    """`uptime`'s load averages, recorded with every measurement (2 cores, shared machine)."""
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def log(message: str) -> None:
    print(message, flush=True)


def time_v(command: list[str], **kwargs) -> tuple[float, int, str]:
    """Runs `command` under /usr/bin/time -v; returns (wall seconds, peak RSS in KiB, stderr).

    The wall time is measured here with perf_counter (the overhead of /usr/bin/time is a
    fork+exec, well under a millisecond)."""
    timer = "/usr/bin/time"
    if not os.path.exists(timer):
        sys.exit("error: /usr/bin/time is missing; install it with `apt-get install -y time`")
    start = time.perf_counter()
    proc = subprocess.run([timer, "-v", *command], capture_output=True, text=True, **kwargs)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"error: {' '.join(command)} exited with {proc.returncode}")
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    rss = int(match.group(1)) if match else -1
    return wall, rss, proc.stdout + proc.stderr


def build_vigie() -> Path:
    """`swift build -c release --scratch-path .build-bench` in the main package (its own build
    folder, so it never contends with the lead's `.build`)."""
    scratch = MAIN / ".build-bench"
    command = ["swift", "build", "-c", "release", "--package-path", str(MAIN), "--scratch-path", str(scratch), "--product", "vigie"]
    log("$ " + " ".join(command))
    subprocess.run(command, check=True)
    binary = scratch / "release" / "vigie"
    if not binary.exists():
        sys.exit(f"error: {binary} not found after the build")
    return binary


def generate(vigie: Path, rows: int, seed: int, out: Path) -> float:
    """`vigie generate housing` (the same code as `swift run -c release vigie generate ...`)."""
    command = [str(vigie), "generate", "housing", "--rows", str(rows), "--seed", str(seed), "--out", str(out)]
    log("$ " + " ".join(command))
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def vigie_audit_command(vigie: Path, data: Path, out: Path) -> list[str]:
    return [
        str(vigie), "audit", "--data", str(data),
        "--protected", "nationalite", "--protected", "sexe",
        "--protected", "age:" + ",".join(str(e) for e in AGE_EDGES),
        "--label", LABEL, "--decision", DECISION,
        "--intersections", "2", "--quiet", "--out", str(out),
    ]


def run_vigie(vigie: Path, data: Path, runs: int, workdir: Path) -> dict:
    out = workdir / "vigie-report"
    command = vigie_audit_command(vigie, data, out)
    log("$ /usr/bin/time -v " + " ".join(command))
    results = []
    for i in range(runs):
        load = load_average()
        wall, rss, _ = time_v(command)
        results.append({"wall_s": wall, "peak_rss_kib": rss, "load_before": load})
        log(f"  vigie run {i + 1}/{runs}: {wall:.3f} s, peak RSS {rss / 1024:.1f} MiB (load {load})")
    shutil.rmtree(out, ignore_errors=True)
    best = min(results, key=lambda r: r["wall_s"])
    return {
        "command": " ".join(command),
        "runs": results,
        "best_wall_s": best["wall_s"],
        "max_peak_rss_kib": max(r["peak_rss_kib"] for r in results),
    }


# ------------------------------------------------------------------- pandas + Aequitas

def pandas_aequitas_child(path: str, usecols: bool) -> None:
    """One pandas + Aequitas audit, in this (child) process; prints a JSON line of timings."""
    t_import = time.perf_counter()
    import numpy as np
    import pandas as pd
    from aequitas.bias import Bias
    from aequitas.group import Group
    import_s = time.perf_counter() - t_import

    t0 = time.perf_counter()
    if usecols:
        df = pd.read_csv(path, usecols=PROTECTED + [LABEL, DECISION])
    else:
        df = pd.read_csv(path)
    t1 = time.perf_counter()

    # Aequitas wants `score` (the 0/1 decision), `label_value`, and string attribute columns.
    data = pd.DataFrame({
        "score": df[DECISION].astype(int),
        "label_value": df[LABEL].astype(int),
        "nationalite": df["nationalite"].fillna("unknown").astype(str),
        "sexe": df["sexe"].fillna("unknown").astype(str),
    })
    bins = [-np.inf, *AGE_EDGES, np.inf]
    labels = ["<18"] + [f"[{a},{b})" for a, b in zip(AGE_EDGES, AGE_EDGES[1:])] + [f">={AGE_EDGES[-1]}"]
    data["age"] = pd.cut(df["age"], bins=bins, right=False, labels=labels).astype(str)
    data.loc[df["age"].isna(), "age"] = "unknown"
    attributes = list(PROTECTED)
    for i in range(len(PROTECTED)):
        for j in range(i + 1, len(PROTECTED)):
            a, b = PROTECTED[i], PROTECTED[j]
            data[f"{a}*{b}"] = data[a] + "*" + data[b]
            attributes.append(f"{a}*{b}")
    del df
    t2 = time.perf_counter()

    crosstabs, attrs = Group().get_crosstabs(data, attr_cols=attributes)
    t3 = time.perf_counter()

    # Reference = the largest group of each attribute (Vigie's default `largest` rule).
    disparities = Bias().get_disparity_major_group(crosstabs, original_df=data)
    t4 = time.perf_counter()

    print(json.dumps({
        "import_s": import_s,
        "read_csv_s": t1 - t0,
        "prepare_s": t2 - t1,
        "crosstabs_s": t3 - t2,
        "bias_s": t4 - t3,
        "pipeline_s": t4 - t0,
        "rows": int(len(data)),
        "attributes": attrs,
        "crosstab_rows": int(len(crosstabs)),
        "disparity_columns": int(len(disparities.columns)),
    }))


def run_pandas(path: Path, runs: int, usecols: bool) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(path)]
    if usecols:
        command.append("--child-usecols")
    log("$ /usr/bin/time -v " + " ".join(command))
    results = []
    for i in range(runs):
        load = load_average()
        wall, rss, output = time_v(command)
        line = next(l for l in output.splitlines() if l.startswith("{"))
        timings = json.loads(line)
        timings.update({"process_wall_s": wall, "peak_rss_kib": rss, "load_before": load})
        results.append(timings)
        log(
            f"  pandas+aequitas run {i + 1}/{runs}: pipeline {timings['pipeline_s']:.3f} s "
            f"(read_csv {timings['read_csv_s']:.2f}, prepare {timings['prepare_s']:.2f}, "
            f"crosstabs {timings['crosstabs_s']:.2f}, bias {timings['bias_s']:.2f}); "
            f"process {wall:.2f} s incl. imports {timings['import_s']:.2f} s; "
            f"peak RSS {rss / 1024:.0f} MiB (load {load})"
        )
    best = min(results, key=lambda r: r["pipeline_s"])
    return {
        "command": " ".join(command),
        "runs": results,
        "best_pipeline_s": best["pipeline_s"],
        "best_process_wall_s": min(r["process_wall_s"] for r in results),
        "max_peak_rss_kib": max(r["peak_rss_kib"] for r in results),
        "crosstab_rows": best["crosstab_rows"],
    }


# ---------------------------------------------------------------------------- versions

def versions(vigie: Path) -> dict:
    import numpy
    import pandas
    import aequitas
    try:
        from importlib.metadata import version as dist_version
        aequitas_version = dist_version("aequitas")
    except Exception:
        aequitas_version = getattr(aequitas, "__version__", "?")

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
    return {
        "python": platform.python_version(),
        "pandas": pandas.__version__,
        "numpy": numpy.__version__,
        "aequitas": aequitas_version,
        "vigie": out([str(vigie), "--version"]),
        "vigie_git": out(["git", "rev-parse", "--short", "HEAD"]) + (" (+uncommitted changes)" if out(["git", "status", "--porcelain", "--untracked-files=no"]) else ""),
        "swift": out(["swift", "--version"]).splitlines()[0] if out(["swift", "--version"]) else "?",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
    }


# -------------------------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, help="input CSV (default: generate --rows rows with --seed)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="best of N (default 3)")
    parser.add_argument("--rows-10m", type=int, default=10_000_000, help="rows of the large vigie-only run (0: skip)")
    parser.add_argument("--runs-10m", type=int, default=3)
    parser.add_argument("--vigie", type=Path, help="vigie binary (default: build ../.build-bench/release/vigie)")
    parser.add_argument("--no-usecols", action="store_true", help="skip the extra pandas run with read_csv(usecols=...)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-usecols", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        pandas_aequitas_child(args.child, args.child_usecols)
        return

    vigie = args.vigie.resolve() if args.vigie else build_vigie()
    workdir = Path(tempfile.mkdtemp(prefix="vigie-compare-"))
    results: dict = {"versions": versions(vigie)}
    log("versions: " + json.dumps(results["versions"]))
    try:
        if args.csv:
            data = args.csv.resolve()
        else:
            data = workdir / f"housing-{args.rows}-seed{args.seed}.csv"
            generate(vigie, args.rows, args.seed, data)
        results["input"] = {"path": str(data), "bytes": data.stat().st_size}
        log(f"input: {data} ({data.stat().st_size / 1e6:.0f} MB), load {load_average()}")

        log("\n(a) pandas read_csv + Aequitas Group.get_crosstabs + Bias.get_disparity_major_group")
        results["pandas_aequitas"] = run_pandas(data, args.runs, usecols=False)
        if not args.no_usecols:
            log("\n(a') the same with read_csv(usecols=[the 5 columns]) (informational)")
            results["pandas_aequitas_usecols"] = run_pandas(data, args.runs, usecols=True)

        log("\n(b) vigie audit")
        results["vigie"] = run_vigie(vigie, data, args.runs, workdir)

        ratio = results["pandas_aequitas"]["best_pipeline_s"] / results["vigie"]["best_wall_s"]
        results["ratio"] = ratio
        if "pandas_aequitas_usecols" in results:
            results["ratio_usecols"] = results["pandas_aequitas_usecols"]["best_pipeline_s"] / results["vigie"]["best_wall_s"]

        if args.rows_10m > 0:
            big = workdir / f"housing-{args.rows_10m}-seed{args.seed}.csv"
            log(f"\n(c) vigie audit on {args.rows_10m:,} rows")
            seconds = generate(vigie, args.rows_10m, args.seed, big)
            log(f"  generated {big.stat().st_size / 1e9:.2f} GB in {seconds:.1f} s")
            try:
                results["vigie_10m"] = run_vigie(vigie, big, args.runs_10m, workdir)
                results["vigie_10m"]["input_bytes"] = big.stat().st_size
            finally:
                big.unlink(missing_ok=True)
                log(f"  deleted {big}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    p, v = results["pandas_aequitas"], results["vigie"]
    log("\n=== summary ===")
    log(f"rows: {args.rows if not args.csv else 'from ' + str(args.csv)}; best of {args.runs}")
    log(f"pandas + Aequitas (pipeline, imports excluded): {p['best_pipeline_s']:.3f} s; whole process {p['best_process_wall_s']:.3f} s; peak RSS {p['max_peak_rss_kib'] / 1024:.0f} MiB")
    if "pandas_aequitas_usecols" in results:
        u = results["pandas_aequitas_usecols"]
        log(f"pandas(usecols) + Aequitas:                     {u['best_pipeline_s']:.3f} s; peak RSS {u['max_peak_rss_kib'] / 1024:.0f} MiB")
    log(f"vigie audit (whole process):                    {v['best_wall_s']:.3f} s; peak RSS {v['max_peak_rss_kib'] / 1024:.1f} MiB")
    log(f"ratio pandas+Aequitas / vigie: {results['ratio']:.2f}x" + (f" (usecols: {results['ratio_usecols']:.2f}x)" if "ratio_usecols" in results else ""))
    if "vigie_10m" in results:
        b = results["vigie_10m"]
        log(f"vigie audit at {args.rows_10m:,} rows: {b['best_wall_s']:.3f} s (best of {args.runs_10m}); peak RSS {b['max_peak_rss_kib'] / 1024:.1f} MiB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
        log(f"results: {args.json}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The plain audit against polars' and DuckDB's bare counts, in the same run (issue 21's target).

Issue 21 asks the plain `vigie audit` of the 1M-applicant file (`vigie generate housing
--rows 1000000 --seed 7`, 144 MB) with three attributes (`nationalite`, `sexe`,
`commune_souhaitee`) and their pairwise intersections, label `besoin_prioritaire`, decision
`propose_caleol`, to take at most 1.5 times what polars takes to compute the bare confusion
counts (n, tp, fp, tn, fn) of the same 6 groupings, measured in the same run; and 10M rows
under 1 GB.

Every round runs each tool once (the order rotated each round, so a load spike on the shared
2-core machine falls on all of them alike); the script prints each tool's **median** wall time,
its user and system CPU, its peak resident memory (from `wait4`), the 1-minute load average
around the runs, and each time as a multiple of polars'. `vigie` is the whole process (all
cores: parsing on every core, the statistics, every report written, the manifest with the
file's SHA-256); `--before BIN` adds another vigie binary (e.g. main's) to the same rounds.
polars and DuckDB are timed inside their child process from reading the file to the last
count, their imports excluded (which favours them); their counts are checked against vigie's
`metrics.csv` (the same groups, the same numbers, or the script fails).

    python3 plain_audit_side_by_side.py --vigie ../.build/release/vigie --rounds 7
    python3 plain_audit_side_by_side.py --vigie NEW --before OLD --rounds 7 --json /tmp/plain.json
    python3 plain_audit_side_by_side.py --vigie NEW --rows 10000000 --rounds 1 --tools vigie   # 10M: peak memory
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_aequitas as ca  # noqa: E402  (load_average, log, generate, build_vigie)
from side_by_side import vigie_counts  # noqa: E402

PROTECTED = ["nationalite", "sexe", "commune_souhaitee"]
GROUPINGS = [[a] for a in PROTECTED] + [[a, b] for i, a in enumerate(PROTECTED) for b in PROTECTED[i + 1:]]
TOOLS = ["vigie", "before", "polars-counts", "duckdb-counts"]


def emit(started: float, import_s: float, counts: dict, out: str) -> None:
    with open(out, "w") as f:
        json.dump(counts, f)
    print(json.dumps({"pipeline_s": time.perf_counter() - started, "import_s": import_s}))


def polars_child(path: str, out: str) -> None:
    t = time.perf_counter()
    import polars as pl
    import_s = time.perf_counter() - t
    started = time.perf_counter()
    df = pl.read_csv(path, columns=PROTECTED + [ca.LABEL, ca.DECISION])
    df = df.with_columns(*(pl.col(a).cast(pl.Utf8).fill_null("unknown") for a in PROTECTED),
                         (pl.col(ca.DECISION) * pl.col(ca.LABEL)).alias("tp"))
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
    columns = ", ".join(f"coalesce(CAST({a} AS VARCHAR), 'unknown') AS {a}" for a in PROTECTED)
    sets = ", ".join("(" + ", ".join(g) + ")" for g in GROUPINGS)
    query = f"""
        WITH d AS (SELECT {columns}, {ca.DECISION} AS d, {ca.LABEL} AS y FROM read_csv('{path}'))
        SELECT {", ".join(f"GROUPING({a})" for a in PROTECTED)}, {", ".join(PROTECTED)},
               count(*) AS n, sum(d) AS pos, sum(y) AS lab, sum(d * y) AS tp
        FROM d GROUP BY GROUPING SETS ({sets})"""
    counts = {}
    for row in duckdb.sql(query).fetchall():
        flags, values, (n, pos, lab, tp) = row[:3], row[3:6], row[6:]
        names = [a for a, g in zip(PROTECTED, flags) if g == 0]
        key = "*".join(names) + "|" + "*".join(values[PROTECTED.index(a)] for a in names)
        counts[key] = [int(n), int(tp), int(pos - tp), int(n - pos - (lab - tp)), int(lab - tp)]
    emit(started, import_s, counts, out)


def audit_command(vigie: Path, data: Path, out: Path) -> list[str]:
    command = [str(vigie), "audit", "--data", str(data)]
    for a in PROTECTED:
        command += ["--protected", a]
    return command + ["--label", ca.LABEL, "--decision", ca.DECISION, "--intersections", "2", "--quiet", "--force", "--out", str(out)]


def run_tool(tool: str, binaries: dict, data: Path, workdir: Path) -> dict:
    """One run in a child process, reaped with `wait4`: its own user and system CPU and peak RSS."""
    out = workdir / f"{tool}-counts.json"
    if tool in binaries:
        command = audit_command(binaries[tool], data, workdir / f"{tool}-report")
    else:
        command = [sys.executable, str(Path(__file__).resolve()), "--child", tool, str(data), str(out)]
    stdout, stderr = workdir / f"{tool}.stdout", workdir / f"{tool}.stderr"
    actions = [(os.POSIX_SPAWN_OPEN, 1, str(stdout), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
               (os.POSIX_SPAWN_OPEN, 2, str(stderr), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    load = ca.load_average()
    started = time.perf_counter()
    pid = os.posix_spawn(command[0], command, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"error: {tool} exited with status {status}:\n{stderr.read_text()[-3000:]}")
    result = {"time_s": wall, "user_s": usage.ru_utime, "sys_s": usage.ru_stime, "peak_rss_mib": usage.ru_maxrss / 1024}
    if tool not in binaries:
        timing = json.loads(next(l for l in stdout.read_text().splitlines() if l.startswith("{")))
        result.update({"process_s": wall, "time_s": timing["pipeline_s"], "import_s": timing["import_s"]})
    result.update({"load_before": load, "load_after": ca.load_average()})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, help="input CSV (default: vigie generate housing --rows --seed)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=5, help="each tool runs once per round; medians reported (default 5)")
    parser.add_argument("--tools", default="vigie,before,polars-counts,duckdb-counts", help=f"comma-separated subset of {','.join(TOOLS)}")
    parser.add_argument("--vigie", type=Path, help="release vigie binary (default: build ../.build-bench/release/vigie)")
    parser.add_argument("--before", type=Path, help="another vigie binary run in the same rounds (e.g. main's)")
    parser.add_argument("--json", type=Path, help="also write every run here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        tool, path, out = args.child
        (polars_child if tool == "polars-counts" else duckdb_child)(path, out)
        return

    vigie = args.vigie.resolve() if args.vigie else ca.build_vigie()
    binaries = {"vigie": vigie} | ({"before": args.before.resolve()} if args.before else {})
    tools = [t for t in args.tools.split(",") if t and (t != "before" or args.before)]
    if any(t not in TOOLS for t in tools) or "vigie" not in tools:
        raise SystemExit(f"error: --tools must include vigie and name only {', '.join(TOOLS)}")
    workdir = Path(tempfile.mkdtemp(prefix="vigie-plain-side-by-side-"))
    runs: dict[str, list[dict]] = {t: [] for t in tools}
    try:
        data = args.csv.resolve() if args.csv else workdir / f"housing-{args.rows}-seed{args.seed}.csv"
        if not args.csv:
            ca.generate(vigie, args.rows, args.seed, data)
        ca.log(f"input: {data.name} ({data.stat().st_size / 1e6:.0f} MB), {os.cpu_count()} cores")
        ca.log("$ " + " ".join(audit_command(vigie, data, Path("OUT"))))
        for r in range(args.rounds):
            order = tools[r % len(tools):] + tools[:r % len(tools)]
            for tool in order:
                result = run_tool(tool, binaries, data, workdir)
                runs[tool].append(result)
                ca.log(f"  round {r + 1}/{args.rounds} {tool:<14} {result['time_s']:7.3f} s  user {result['user_s']:6.2f} s"
                       f"  sys {result['sys_s']:5.2f} s  peak {result['peak_rss_mib']:7.1f} MiB  load {result['load_before']} -> {result['load_after']}")
        expected = vigie_counts(workdir / "vigie-report" / "metrics.csv")
        for tool in ("polars-counts", "duckdb-counts"):
            if tool in tools:
                got = json.loads((workdir / f"{tool}-counts.json").read_text())
                if got != expected:
                    differing = sorted(k for k in set(got) | set(expected) if got.get(k) != expected.get(k))
                    raise SystemExit(f"error: {tool}'s counts differ from vigie's metrics.csv for {differing[:5]}")
                ca.log(f"  {tool}: the {len(got)} groups' counts equal vigie's metrics.csv")
        if "before" in tools:
            for name in ("metrics.csv", "findings.csv", "report.json"):
                same = (workdir / "vigie-report" / name).read_bytes() == (workdir / "before-report" / name).read_bytes()
                ca.log(f"  {name}: {'byte-identical' if same else 'DIFFERENT'} before and after")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    median = {t: {k: statistics.median(r[k] for r in runs[t]) for k in ("time_s", "user_s", "sys_s", "peak_rss_mib")} for t in tools}
    loads = [float(r[k].split()[0]) for t in tools for r in runs[t] for k in ("load_before", "load_after") if r[k] != "?"]
    ca.log(f"\n=== medians of {args.rounds} rounds; 1-minute load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores ===")
    reference = median["polars-counts"]["time_s"] if "polars-counts" in tools else None
    ca.log(f"{'tool':<16}{'wall s':>9}{'user s':>9}{'sys s':>8}{'peak MiB':>10}{'/ polars':>10}")
    for t in tools:
        m = median[t]
        ratio = f"{m['time_s'] / reference:9.2f}x" if reference else "        -"
        ca.log(f"{t:<16}{m['time_s']:9.3f}{m['user_s']:9.2f}{m['sys_s']:8.2f}{m['peak_rss_mib']:10.1f}{ratio}")
    if args.json:
        args.json.write_text(json.dumps({"rows": args.rows if not args.csv else str(args.csv), "median": median, "runs": runs}, indent=2))


if __name__ == "__main__":
    main()

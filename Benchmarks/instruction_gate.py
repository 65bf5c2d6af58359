#!/usr/bin/env python3
"""Performance gate on instruction counts (callgrind), not seconds.

Runs the release `vigie` single-threaded (--threads 1, OPENBLAS_NUM_THREADS=1, a fixed
OPENBLAS_CORETYPE, deterministic Swift hashing, symbols bound at start-up, no address-space
randomisation) under `valgrind --tool=callgrind` on fixed workloads, reads each run's total
instruction count (Ir) and compares it with
Benchmarks/baseline.json. Fails (exit 1) when a workload costs more than --tolerance (3 %)
more instructions than its baseline. Counts do not depend on the machine's load, so the gate
can run on a busy shared CI machine; see Benchmarks/README.md for what it cannot see.

    python3 Benchmarks/instruction_gate.py            # build release vigie, run, compare
    python3 Benchmarks/instruction_gate.py --update   # rewrite Benchmarks/baseline.json

Exit codes: 0 every workload within the tolerance; 1 a workload above it (or missing from
the baseline); 2 the gate could not run (no valgrind, a workload failed).
"""
import argparse
import concurrent.futures
import datetime
import fcntl
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASELINE = os.path.join(REPO, "Benchmarks", "baseline.json")
# OpenBLAS picks its kernels from the CPU it sees; valgrind's virtual CPU is not the host's
# (no AVX-512), so the kernel family is fixed for every machine.
OPENBLAS_CORETYPE = "Haswell"

# Inputs, generated natively (not under valgrind) into the work folder before the runs.
# (file, vigie generate arguments)
INPUTS = [
    ("housing-200k.csv", ["generate", "housing", "--rows", "200000", "--seed", "7"]),
    ("housing-100k.csv", ["generate", "housing", "--rows", "100000", "--seed", "7"]),
    ("water-20k.csv", ["generate", "water", "--rows", "20000", "--seed", "7"]),
]
# Files copied from the repository into the work folder (so every path is relative).
COPIES = [
    ("Fixtures/housing/applicants-sample.csv", "housing-5k.csv"),
    ("Fixtures/housing/cotation-grid.yaml", "cotation-grid.yaml"),
    ("Fixtures/housing/cotation-grid-alternative.yaml", "cotation-grid-alternative.yaml"),
    ("Fixtures/water/audit.yaml", "water-audit.yaml"),
    ("Fixtures/water/tariff-2023.yaml", "tariff-2023.yaml"),
    ("Fixtures/water/drought-rule.yaml", "drought-rule.yaml"),
]
HOUSING = ["--protected", "nationalite", "--protected", "sexe", "--protected", "age:18,26,36,51,66",
           "--label", "besoin_prioritaire", "--decision", "propose_caleol", "--intersections", "2"]
# name -> (what it measures, vigie arguments). Keep the sizes such that the whole gate
# stays under 3 minutes on 2 cores (callgrind runs code ~50-100x slower).
WORKLOADS = {
    "audit-200k": (
        "ingest + audit of 200,000 generated housing rows, 3 attributes + 3 pairwise intersections, reports written",
        ["audit", "--data", "housing-200k.csv", *HOUSING, "--threads", "1", "--quiet", "--out", "out-audit"]),
    "bootstrap-200": (
        "the same audit of the 5,000-row fixture with 200 bootstrap replicates (BCa, seed 1)",
        ["audit", "--data", "housing-5k.csv", *HOUSING, "--bootstrap", "200", "--seed", "1", "--threads", "1", "--quiet", "--out", "out-bootstrap"]),
    "grid-100k": (
        "two points grids scored (one dgemm) and allocated on 100,000 generated applicants, compared by group",
        ["compare", "--model", "cotation-grid.yaml", "--model", "cotation-grid-alternative.yaml", "--data", "housing-100k.csv",
         "--protected", "nationalite", "--protected", "sexe", "--out", "out-grid"]),
    "water-20k": (
        "water audit of 20,000 generated households: volumes, inequality, 2023 tariff (bills, affordability), drought rule",
        ["audit", "--spec", "water-audit.yaml", "--data", "water-20k.csv", "--threads", "1", "--quiet", "--out", "out-water"]),
}


# A fixed folder: paths and the environment's size move where the heap puts large buffers,
# and memcpy's instruction count follows their alignment (±0.2 % between two folders).
WORKDIR = "/tmp/vigie-instruction-gate"


def environment():
    """The whole environment vigie runs in: the same on every machine."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LC_ALL": "C",
        "OPENBLAS_NUM_THREADS": "1",
        "OPENBLAS_CORETYPE": OPENBLAS_CORETYPE,
        "SWIFT_DETERMINISTIC_HASHING": "1",  # Swift seeds Hasher per process otherwise
        "LD_BIND_NOW": "1",  # no lazy symbol binding, whose order could follow thread timing
    }


def build_vigie():
    print("Building vigie (release)…", flush=True)
    started = time.monotonic()
    subprocess.run(["swift", "build", "-c", "release", "--product", "vigie"], cwd=REPO, check=True)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO, check=True,
                          capture_output=True, text=True).stdout.strip()
    print(f"  built in {time.monotonic() - started:.0f} s", flush=True)
    return os.path.join(path, "vigie")


def tool_version(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=False)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def prepare_binary(vigie, workdir):
    """A copy of vigie without DWARF sections: valgrind 3.19 cannot read the DWARF 5 that
    Swift 6.3 emits ("unhandled dwarf2 abbrev form code 0x25"). The code is the same bytes."""
    target = os.path.join(workdir, "vigie")
    for tool in ("strip", "llvm-strip", "objcopy", "llvm-objcopy"):
        if shutil.which(tool):
            subprocess.run([tool, "--strip-debug", vigie, "-o", target], check=True)
            return target
    raise RuntimeError("no strip or objcopy (Debian: binutils) to remove vigie's debug information")


def callgrind(vigie, name, arguments, workdir, env):
    """Runs one workload under callgrind; returns (instructions, seconds)."""
    out_file = f"callgrind.{name}.out"
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", "--dump-line=no", "--dump-instr=no",
               vigie, *arguments]
    if shutil.which("setarch"):  # util-linux: the same addresses on every run
        command = ["setarch", platform.machine(), "-R", *command]
    started = time.monotonic()
    run = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if run.returncode != 0:
        raise RuntimeError(f"{name}: exit code {run.returncode}\n{run.stderr[-2000:]}")
    with open(os.path.join(workdir, out_file)) as f:
        for line in f:
            m = re.match(r"(?:summary|totals): (\d+)", line)
            if m:
                return int(m.group(1)), seconds
    raise RuntimeError(f"{name}: no instruction total in {out_file}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vigie", help="a release vigie binary (default: swift build -c release)")
    parser.add_argument("--update", action="store_true", help="write the measured counts into the baseline")
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--tolerance", type=float, default=0.03, help="allowed increase (default 0.03: 3 %%)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="workloads run at once (default 2)")
    parser.add_argument("--only", action="append", choices=sorted(WORKLOADS), help="run only this workload (repeatable)")
    parser.add_argument("--workdir", default=WORKDIR,
                        help=f"scratch folder, emptied first; keep the default for comparable counts (default {WORKDIR})")
    parser.add_argument("--json", help="also write the measured counts here")
    args = parser.parse_args()

    if shutil.which("valgrind") is None:
        print("error: valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    started = time.monotonic()
    vigie = os.path.abspath(args.vigie) if args.vigie else build_vigie()
    env = environment()
    names = args.only or list(WORKLOADS)

    # A fixed folder and relative paths: the same bytes go through vigie on every run. One
    # gate at a time uses the folder (several checkouts on one machine).
    lock = open(args.workdir.rstrip("/") + ".lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    for source, target in COPIES:
        shutil.copyfile(os.path.join(REPO, source), os.path.join(args.workdir, target))
    for target, arguments in INPUTS:
        subprocess.run([vigie, *arguments, "--out", target], cwd=args.workdir, env=env, check=True)
    try:
        measured = prepare_binary(vigie, args.workdir)
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    prepared = time.monotonic()

    counts, seconds = {}, {}
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {pool.submit(callgrind, measured, n, WORKLOADS[n][1], args.workdir, env): n for n in names}
            for future in concurrent.futures.as_completed(futures):
                n = futures[future]
                counts[n], seconds[n] = future.result()
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finished = time.monotonic()

    baseline = {}
    if os.path.exists(args.baseline):
        with open(args.baseline) as f:
            baseline = json.load(f)
    recorded = baseline.get("workloads", {})
    current_env = {
        "valgrind": tool_version(["valgrind", "--version"]),
        "swift": tool_version(["swift", "--version"]),
        "openblas_coretype": OPENBLAS_CORETYPE,
        "machine": platform.machine(),
    }

    failed = []
    print(f"\n{'workload':<16}{'baseline':>16}{'now':>16}{'change':>10}  callgrind time")
    for n in names:
        now = counts[n]
        before = recorded.get(n, {}).get("instructions")
        if before:
            change = (now - before) / before
            flag = ""
            if change > args.tolerance:
                flag = f"  FAIL: more than +{args.tolerance:.0%}"
                failed.append(n)
            elif change < -args.tolerance:
                flag = "  faster: update the baseline to keep the gain"
            print(f"{n:<16}{before:>16,}{now:>16,}{change:>+10.2%}  {seconds[n]:5.1f} s{flag}")
        else:
            print(f"{n:<16}{'—':>16}{now:>16,}{'new':>10}  {seconds[n]:5.1f} s")
            if not args.update:
                failed.append(n)
    print(f"\nInputs {prepared - started:.0f} s (build included), callgrind {finished - prepared:.0f} s "
          f"({args.jobs} at once), total {finished - started:.0f} s.")
    old_env = baseline.get("environment", {})
    differs = [k for k in ("valgrind", "swift", "openblas_coretype", "machine") if old_env.get(k) and old_env.get(k) != current_env[k]]
    if differs:
        print("note: the baseline was recorded with another " + ", ".join(f"{k} ({old_env[k]})" for k in differs)
              + "; counts may move for that reason alone.")

    if args.json:
        with open(args.json, "w") as f:
            json.dump({"environment": current_env, "workloads": counts, "seconds": seconds}, f, indent=2)
    if args.update:
        workloads = dict(recorded)
        for n in names:
            workloads[n] = {"instructions": counts[n], "what": WORKLOADS[n][0], "command": "vigie " + " ".join(WORKLOADS[n][1])}
        out = {
            "about": "Instruction counts (callgrind Ir, whole process) of Benchmarks/instruction_gate.py's workloads; "
                     "update with `python3 Benchmarks/instruction_gate.py --update` in the commit that changes them.",
            "recorded": datetime.date.today().isoformat(),
            "environment": {**current_env, "OPENBLAS_NUM_THREADS": "1", "SWIFT_DETERMINISTIC_HASHING": "1"},
            "workloads": {n: workloads[n] for n in WORKLOADS if n in workloads},
        }
        with open(args.baseline, "w") as f:
            json.dump(out, f, indent=2)
            f.write("\n")
        print(f"Baseline written: {os.path.relpath(args.baseline, REPO)}")
        return 0
    if failed:
        print(f"\nFAILED: {', '.join(failed)} above the baseline by more than {args.tolerance:.0%} "
              "(or missing from it). If the slowdown is intended, run `python3 Benchmarks/instruction_gate.py --update` "
              "and commit Benchmarks/baseline.json with the change, saying why.", file=sys.stderr)
        return 1
    print("Instruction gate passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

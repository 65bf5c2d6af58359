#!/usr/bin/env bash
# The decision model's audit at scale (issue 21): the housing demo spec as it is, with its
# `model:` block (the cotation grid: scores, allocation, score and waiting-list fairness, the
# drivers, the weight sensitivity, the human stage) and its `scan:` block, on N generated
# applicants (`vigie generate housing --rows N --seed 7`). For each size, prints the wall time,
# the user and system CPU and the peak resident memory of the whole `vigie audit` process (GNU
# time), with the load average before the run: on a shared machine, read user CPU beside wall.
# Then checks that the model's outputs do not depend on the thread count: the smallest size
# again with --threads 1, the larger ones again with --threads 1 and OPENBLAS_NUM_THREADS=1,
# their model-metrics.csv, metrics.csv, findings.csv, scan.csv and report.json byte-identical
# to the run on every core.
# Usage:
#   bash Benchmarks/model_scale.sh [SIZES] [VIGIE]     # default "100000 1000000", .build/release/vigie
#   bash Benchmarks/model_scale.sh "100000 1000000 10000000"
# Environment: KEEP=DIR keeps each size's outputs in DIR/N (for comparing two builds' outputs).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-100000 1000000}
vigie=${2:-.build/release/vigie}
[[ -x "$vigie" ]] || { echo "no $vigie: swift build -c release --product vigie" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "no /usr/bin/time: apt-get install -y time" >&2; exit 2; }
work=$(mktemp -d /tmp/vigie-model-scale-XXXXXX)
trap 'rm -rf "$work"' EXIT
# The demo spec and its grid beside the generated file, so that `data:` and `grid:` resolve there.
cp Fixtures/housing/audit.yaml Fixtures/housing/cotation-grid.yaml "$work/"
outputs=(model-metrics.csv metrics.csv findings.csv scan.csv report.json)
printf '%-10s %9s %9s %9s %9s  %s\n' rows "wall s" "user s" "sys s" "peak MB" "load average (1, 5, 15 min) before"
first=""
for rows in $sizes; do
  "$vigie" generate housing --rows "$rows" --seed 7 --out "$work/applicants-sample.csv"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    "$vigie" audit --spec "$work/audit.yaml" --out "$work/out-$rows" --quiet
  read -r wall user sys kb < "$work/time"
  printf '%-10s %9.2f %9.2f %9.2f %9d  %s\n' "$rows" "$wall" "$user" "$sys" $((kb / 1024)) "$load"
  if [[ -n "${KEEP:-}" ]]; then mkdir -p "$KEEP/$rows"; for f in "${outputs[@]}"; do cp "$work/out-$rows/$f" "$KEEP/$rows/"; done; fi
  if [[ -z "$first" ]]; then
    first=$rows
    "$vigie" audit --spec "$work/audit.yaml" --out "$work/threads1" --quiet --threads 1
    for f in "${outputs[@]}"; do
      cmp -s "$work/out-$rows/$f" "$work/threads1/$f" || { echo "$f: differs between --threads 1 and all cores ($rows rows)" >&2; exit 1; }
    done
    echo "$rows rows: ${outputs[*]} byte-identical on 1 thread and on every core"
  else
    # The larger sizes once more with one thread of Vigie's and one of OpenBLAS's (whose own
    # count, one per core by default, once changed the last bits of the model's fits at 1M).
    OPENBLAS_NUM_THREADS=1 "$vigie" audit --spec "$work/audit.yaml" --out "$work/serial-$rows" --quiet --threads 1
    for f in "${outputs[@]}"; do
      cmp -s "$work/out-$rows/$f" "$work/serial-$rows/$f" || { echo "$f: differs between one thread (Vigie's and OpenBLAS's) and every core ($rows rows)" >&2; exit 1; }
    done
    echo "$rows rows: ${outputs[*]} byte-identical on one thread (Vigie's and OpenBLAS's) and on every core"
    rm -rf "$work/out-$rows" "$work/serial-$rows"
  fi
done

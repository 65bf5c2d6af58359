#!/usr/bin/env bash
# Builds Vigie's libFuzzer targets (with AddressSanitizer) and runs each for a bounded time.
#
#   bash Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 30 s, every target)
#
# Seeds are read from Fuzz/corpus/<target>/ (tracked); what libFuzzer learns goes to
# Fuzz/.work/<target>/ (not tracked). A crash, a leak-free abort or a timeout leaves its input
# in Fuzz/.work/crashes/ and fails the run: fix it, then add the input to
# Fuzz/corpus/<target>/ (and a case to Tests/BadInputs/ when it is a bad input a user could
# give). Each target's runs are summarised at the end.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(FuzzCSV FuzzSpec FuzzGrid FuzzTariff FuzzManifest)
mkdir -p .work
# Linked with lld: gold stops with an internal error (dwarf_reader.cc) on libFuzzer's
# whole-archive runtime beside SwiftPM's `--defsym main=<target>_main`.
lld="$(dirname "$(readlink -f "$(command -v swift)")")/ld.lld"
[[ -x $lld ]] || lld=$(command -v ld.lld)
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$lld" >.work/toolset.json
# The targets belong to the main package (package access to the readers), declared only
# with VIGIE_FUZZ=1, and build in their own scratch folder.
export VIGIE_FUZZ=1
flags=(--package-path .. --scratch-path "$PWD/.build" -c release -Xswiftc -sanitize=fuzzer,address --toolset "$PWD/.work/toolset.json")
for target in "${targets[@]}"; do swift build "${flags[@]}" --product "$target" >&2; done
bin=$(swift build "${flags[@]}" --show-bin-path)
mkdir -p .work/crashes
status=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p ".work/$target" "corpus/$target"
  log=".work/$target.log"
  set +e
  OPENBLAS_NUM_THREADS=1 ASAN_OPTIONS=detect_leaks=0 "$bin/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix=".work/crashes/$target-" ".work/$target" "corpus/$target" >"$log" 2>&1
  code=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  if ((code != 0)); then
    status=1
    summary+=("$target: FAILED after $runs runs (exit $code); see Fuzz/$log and Fuzz/.work/crashes/")
    grep -E "ERROR|Fatal error|deadly signal|==[0-9]+==" "$log" | head -5 >&2 || true
  else
    summary+=("$target: $runs runs in ${seconds}s, no crash")
  fi
done
printf '%s\n' "${summary[@]}"
exit $status

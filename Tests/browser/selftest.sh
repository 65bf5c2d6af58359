#!/usr/bin/env bash
# Runs check_html.py on the chart sample (must pass) and on the negative control (must fail
# with exit 1), writing the screenshots and PDFs into ${1:-$TMPDIR or /tmp}/vigie-browser.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-${TMPDIR:-/tmp}/vigie-browser}
mkdir -p "$out"
python3 "$here/check_html.py" "$here/sample.html" --screenshot "$out/sample.png" --pdf "$out/sample.pdf"
set +e
python3 "$here/check_html.py" "$here/bad-page.html" --screenshot "$out/bad.png" --pdf "$out/bad.pdf" 2>"$out/bad.log"
status=$?
set -e
if [[ $status -ne 1 ]]; then
  echo "selftest: the negative control exited $status, expected 1" >&2
  cat "$out/bad.log" >&2
  exit 1
fi
for expected in "console error" "console warning" "network request" "svg without role=img"; do
  grep -q "$expected" "$out/bad.log" || { echo "selftest: the negative control did not report: $expected" >&2; exit 1; }
done
echo "selftest: sample passes, negative control fails as it should ($out)"

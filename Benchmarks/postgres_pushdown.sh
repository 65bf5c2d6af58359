#!/usr/bin/env bash
# Push-down against export (docs/postgres.md): a table of N generated applicants in a
# throwaway PostgreSQL cluster (Tests/postgres/throwaway-server.sh), audited
#   1. by push-down: vigie audit --data postgresql://… --table applicants
#   2. by export:    psql \copy applicants TO export.csv CSV HEADER, then vigie audit --data export.csv
# Prints the wall time and peak memory of each step (GNU time), and checks that metrics.csv and
# findings.csv are byte-identical. Usage:
#   bash Benchmarks/postgres_pushdown.sh [ROWS] [VIGIE]     # default 10000000, .build/release/vigie
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
vigie=${2:-.build/release/vigie}
[[ -x "$vigie" ]] || { echo "no $vigie: swift build -c release --product vigie" >&2; exit 2; }
work=$(mktemp -d /tmp/vigie-pushdown-XXXXXX)
trap 'rm -rf "$work"' EXIT
bash Tests/postgres/throwaway-server.sh $$ "$work/uri"
uri=$(cat "$work/uri")
echo "server: $uri; generating $rows rows" >&2
psql -q -X -v ON_ERROR_STOP=1 "$uri" <<SQL
SELECT setseed(0.42);
CREATE UNLOGGED TABLE applicants AS
SELECT i AS demande_id,
  (ARRAY['FR','FR','FR','FR','FR','FR','UE','hors_UE','hors_UE',NULL])[1 + floor(random()*10)::int] AS nationalite,
  (ARRAY['F','M'])[1 + floor(random()*2)::int] AS sexe,
  18 + floor(random()*70)::int AS age,
  (ARRAY['non','non','non','non','non','non','non','non','non','oui'])[1 + floor(random()*10)::int] AS handicap,
  (ARRAY['Montpellier','Montpellier','Montpellier','Lattes','Castelnau-le-Lez','Pérols','Grabels','Juvignac','Saint-Jean-de-Védas','Prades-le-Lez'])[1 + floor(random()*10)::int] AS commune_souhaitee,
  (random() < 0.4)::int AS besoin_prioritaire,
  floor(random()*200)::int AS score_total
FROM generate_series(1, $rows) AS i;
ALTER TABLE applicants ADD COLUMN propose_caleol int;
UPDATE applicants SET propose_caleol = (score_total > 150 OR random() < 0.05)::int;
VACUUM ANALYZE applicants;
SQL
args=(--protected nationalite --protected sexe --protected age:18,26,36,51,66 --protected handicap --protected commune_souhaitee
      --label besoin_prioritaire --decision propose_caleol --score score_total --quiet)
measure() {  # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@"
  read -r seconds kb < "$work/time"
  printf '%-34s %8.2f s %8d MB\n' "$label" "$seconds" $((kb / 1024))
}
measure "push-down audit" "$vigie" audit --data "$uri" --table applicants "${args[@]}" --out "$work/pushdown"
measure "export (psql \\copy … CSV)" psql -q -X "$uri" -c "\\copy applicants TO '$work/export.csv' CSV HEADER"
measure "audit of the export" "$vigie" audit --data "$work/export.csv" "${args[@]}" --out "$work/csv"
echo "export: $(du -m "$work/export.csv" | cut -f1) MB"
for f in metrics.csv findings.csv; do
  cmp -s "$work/pushdown/$f" "$work/csv/$f" && echo "$f: byte-identical" || { echo "$f: DIFFERS" >&2; exit 1; }
done

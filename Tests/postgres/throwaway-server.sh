#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the push-down tests (Tests/VigieTests/
# PostgresPushDownTests.swift): Debian's server binaries (bash .ci/setup installs them), a new
# cluster in a private temporary folder, listening on 127.0.0.1 only, on a free port. Prints
# its URI (user postgres, no password: trust on loopback) into the file $2. A second role, `auditor`,
# must give the password `vigie-test` (scram-sha-256), for the wrong-credentials test.
# The cluster is stopped and its folder removed when process $1 (the test runner) ends.
# As root (CI), the server runs as the `postgres` user, which Debian's package creates.
set -euo pipefail
owner=${1:?usage: throwaway-server.sh PID-OF-THE-TEST-RUNNER URI-FILE}
uri_file=${2:?usage: throwaway-server.sh PID-OF-THE-TEST-RUNNER URI-FILE}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install Debian's postgresql package (bash .ci/setup does)" >&2
  exit 3
fi
dir=$(mktemp -d /tmp/vigie-pg-XXXXXX)
as=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
# The first matching line wins: the auditor must give a password, everyone else is trusted.
"${as[@]}" sh -c "printf 'host all auditor 127.0.0.1/32 scram-sha-256\n%s\n' \"\$(cat '$dir/data/pg_hba.conf')\" > '$dir/data/pg_hba.new' && mv '$dir/data/pg_hba.new' '$dir/data/pg_hba.conf'"
started=""
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 30000))
  if "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null 2>&1; then
    started=$port
    break
  fi
done
if [[ -z "$started" ]]; then
  echo "the throwaway PostgreSQL server did not start; its log:" >&2
  cat "$dir/log" >&2 || true
  rm -rf "$dir"
  exit 3
fi
uri="postgresql://postgres@127.0.0.1:$started/postgres"
psql -q -X "$uri" -c "CREATE ROLE auditor LOGIN PASSWORD 'vigie-test'" >/dev/null
# Stopped and removed when the test runner ends, whatever way it ends.
setsid bash -c "while kill -0 $owner 2>/dev/null; do sleep 1; done; ${as[*]} '$bin/pg_ctl' -D '$dir/data' -m immediate stop >/dev/null 2>&1; rm -rf '$dir'" </dev/null >/dev/null 2>&1 &
echo "$uri" > "$uri_file"

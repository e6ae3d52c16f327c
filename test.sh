#!/usr/bin/env bash
# Runs every test of HanoiWorkbench on a fresh machine: installs what the tests need when it is missing
# (Debian's chromium for the browser tests, redis-server for the scale-out tests, postgresql for the server-database
# tests), builds once, runs each test project; Data.Tests runs twice, on SQLite and on a throwaway PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need_apt+=(fonts-dejavu-core)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export E2E_ARTEFACTS="${E2E_ARTEFACTS:-$PWD/artifacts/e2e}"
mkdir -p artifacts "$E2E_ARTEFACTS"

# A throwaway PostgreSQL cluster on a free loopback port, owned by the postgres user (initdb refuses root), removed at exit.
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/hw-postgres.XXXXXX)
chown postgres: "$pg_dir"
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop_postgres() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
export WORKBENCH_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

dotnet tool restore >/dev/null
dotnet build HanoiWorkbench.sln -c Release -nologo -clp:ErrorsOnly

passed=0; failed=0; status=0
for run in Core.Tests Data.Tests Data.Tests:Postgres Workbench.Tests EndToEnd; do
  project=${run%%:*}
  echo "== $run"
  log="artifacts/${run/:/.}.log"
  provider=Sqlite; [ "$run" = Data.Tests:Postgres ] && provider=Postgres
  if ! WORKBENCH_TEST_PROVIDER=$provider dotnet test --project "tests/$project/$project.csproj" -c Release --no-build \
      --results-directory "$PWD/artifacts/${run/:/.}" 2>&1 | tee "$log"; then
    status=1
  fi
  # Microsoft.Testing.Platform closes with "succeeded: N" and "failed: N" lines.
  p=$(grep -Eo '^ *succeeded: [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '^ *failed: [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then echo "!! $run ran no test"; status=1; fi
done

# The published OpenAPI document (the machine API only, written by the workbench's own `openapi` command) must pass
# Redocly's recommended lint with no error; the linter's version is pinned in tools/openapi-lint's lock file.
echo "== OpenAPI lint"
(cd tools/openapi-lint && npm ci --no-audit --no-fund --silent)
if ! PublicBaseUrl=https://dichvucong.hanoi.gov.vn dotnet src/Workbench/bin/Release/net10.0/HanoiWorkbench.Workbench.dll \
      openapi artifacts/openapi.json >artifacts/openapi.log 2>&1 \
    || ! (cd tools/openapi-lint && npx --no-install redocly lint ../../artifacts/openapi.json --format=stylish) 2>&1 | tee -a artifacts/openapi.log; then
  echo "!! OpenAPI lint failed (artifacts/openapi.log)"; status=1
fi

# The failures again at the very end, without the captured output: a CI log is often read from its tail.
for log in artifacts/*.log; do
  awk -v run="$(basename "$log" .log)" '
    /^failed / { shown = 0; keep = 1; print "!! " run ": " $0; next }
    keep && (/Stack Trace:/ || /Standard output/ || /^(passed|failed|skipped) / || shown >= 12) { keep = 0 }
    keep { print "   " $0; shown++ }' "$log"
done
echo "Screenshots from the browser tests: $E2E_ARTEFACTS"
echo "$passed passed, $failed failed"
exit $status

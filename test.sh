#!/usr/bin/env bash
# Runs every test of HanoiWorkbench on a fresh machine: installs what the tests need when it is missing
# (Debian's chromium for the browser tests, redis-server for the scale-out tests), builds once, runs each test project.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need_apt+=(fonts-dejavu-core)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
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

dotnet tool restore >/dev/null
dotnet build HanoiWorkbench.sln -c Release -nologo -clp:ErrorsOnly

passed=0; failed=0; status=0
for project in Core.Tests Data.Tests Workbench.Tests EndToEnd; do
  echo "== $project"
  log="artifacts/$project.log"
  if ! dotnet test --project "tests/$project/$project.csproj" -c Release --no-build \
      --results-directory "$PWD/artifacts/$project" 2>&1 | tee "$log"; then
    status=1
  fi
  # Microsoft.Testing.Platform closes with "succeeded: N" and "failed: N" lines.
  p=$(grep -Eo '^ *succeeded: [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '^ *failed: [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then echo "!! $project ran no test"; status=1; fi
done

echo "Screenshots from the browser tests: $E2E_ARTEFACTS"
echo "$passed passed, $failed failed"
exit $status

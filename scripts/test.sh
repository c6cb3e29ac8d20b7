#!/usr/bin/env bash
# Builds the solution (Release, warnings as errors) and runs every test project, then prints one closing line:
# "N passed, M failed". Exits non-zero when a test failed, a test host crashed, or no test ran.
# Starts scripts/infra.sh's PostgreSQL/RabbitMQ for the integration tests; the AppHost tests start their own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
logs="$root/.state/test-logs"
mkdir -p "$logs"
rm -f "$logs"/*.log

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
# The Playwright end-to-end tests drive the distribution's Chromium (no browser download is possible here).
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

# Left running afterwards (idempotent start, shared with other test runs); `scripts/infra.sh stop` ends it.
# Checked first: `eval "$(…)"` dropped a failed start, and every test then ran without a database.
if ! infra_env="$(scripts/infra.sh start)"; then
  echo "scripts/infra.sh start failed (its messages are above): no test can run without PostgreSQL and RabbitMQ" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
eval "$infra_env"
export PARTNERSHIP_TEST_PG PARTNERSHIP_TEST_AMQP

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Browsers come from Debian (chromium above); Playwright must never try to download its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! dotnet build Partnership.sln -c Release -warnaserror -nologo -v quiet > "$logs/build.log" 2>&1; then
  grep -E "error|Error" "$logs/build.log" | sort -u | tail -40 >&2
  echo "build failed (full log: $logs/build.log)" >&2
  echo "0 passed, 0 failed"
  exit 1
fi

runner_failed=0
run_tests() { # name, dotnet test arguments...
  local name="$1"; shift
  echo "== dotnet test $*" >&2
  # Test modules run two at a time: the machine has two cores and the AppHost tests start a whole platform.
  if ! dotnet test "$@" -c Release --no-build --no-ansi --no-progress \
      --max-parallel-test-modules "${PARTNERSHIP_TEST_PARALLEL:-2}" 2>&1 | tee "$logs/$name.log" >&2; then
    runner_failed=1
  fi
}

run_tests solution --solution Partnership.sln
# The AppHost tests belong in the solution; until someone adds them there, run them on their own.
apphost_tests=tests/Partnership.AppHost.Tests/Partnership.AppHost.Tests.csproj
if [ -f "$apphost_tests" ] && ! grep -q "Partnership.AppHost.Tests.csproj" Partnership.sln; then
  if dotnet build "$apphost_tests" -c Release -warnaserror -nologo -v quiet > "$logs/build-apphost-tests.log" 2>&1; then
    run_tests apphost --project "$apphost_tests"
  else
    grep -E "error" "$logs/build-apphost-tests.log" | sort -u | tail -20 >&2
    runner_failed=1
  fi
fi

# Each dotnet test invocation ends with one "Test run summary" block (total/failed/succeeded/skipped) for all of
# its test modules; take the last block of each log and add them up.
read -r passed failed < <(
  for log in "$logs"/*.log; do
    sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | awk '
      /Test run summary/ { p = 0; f = 0; inblock = 1; next }
      inblock && /^[[:space:]]*failed:/    { f = $2 }
      inblock && /^[[:space:]]*succeeded:/ { p = $2 }
      inblock && /^[[:space:]]*duration:/  { inblock = 0 }
      END { print p + 0, f + 0 }'
  done | awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }'
)

# The tail of the output is what a CI summary shows: name the failed tests (with the first lines of each error) there.
if grep -qhE "^[[:space:]]*failed " "$logs"/*.log 2>/dev/null; then
  echo "failed tests:" >&2
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$logs"/*.log | grep -E -A6 "^[[:space:]]*failed [^0-9]" | cut -c1-300 | head -80 >&2
fi

status=0
if [ "$failed" -gt 0 ]; then
  status=1
elif [ "$runner_failed" -ne 0 ]; then
  # A test host that crashed or never started reports no failed test; count it so the closing line cannot read green.
  echo "a test run failed without a failing test (see $logs)" >&2
  failed=1; status=1
elif [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit $status

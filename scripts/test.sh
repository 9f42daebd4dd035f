#!/usr/bin/env bash
# Builds the solution in Release, checks that the model has a migration for each engine, then runs the tests
# in two lanes at once: the browser lane (the E2E suite, then the clock-sensitive unit tests again with the
# machine's clock a year ahead under faketime, then the PostgreSQL tests) beside the data lane (the unit tests,
# then the data and integration tests again with every host on PostgreSQL), on a throwaway cluster from
# scripts/pg.sh. Ends with one line: "N passed, N failed, N skipped". Exits non-zero if anything failed.
# Used by CI (.ci/run) and by hand; needs only bash, grep, sed and awk besides the .NET SDK.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export NUGET_CERT_REVOCATION_MODE=offline
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

RESULTS_DIR=TestResults
# The data and integration tests that run a second time with every test host on PostgreSQL
# (PORTAL_TEST_ENGINE=Postgres; docs/TESTING.md, "Both engines"): the Core, Web and Jobs tests, which start
# the real host and read and write its database (the Web ones through HTTP and through components on a real
# host). Tests about SQLite itself (Engine=Sqlite) and the fault tests (processes killed on a SQLite file) are
# left out; Kind=Postgres runs once, on its own, below. Left out as well, for time, Web classes slow for what
# they check, all of it above the database (Identity's tables, which they use, are read and written on PostgreSQL
# by the membership, administration, sign-out and invitation tests that stay): unknown paths answering 404
# (routing), the security headers, HTTPS-only transport and Secure cookies, throttling (an in-memory limiter per
# process), return addresses, password changes and hashing, e-mail confirmation, links' public address, the
# Production host's settings, two-factor sign-in and its setting for staff, and the theme's styles.
POSTGRES_SUITE='(FullyQualifiedName~Portal.IntegrationTests.Core.|FullyQualifiedName~Portal.IntegrationTests.Web.|FullyQualifiedName~Portal.IntegrationTests.Jobs.)&Engine!=Sqlite&Kind!=Postgres&Kind!=Fault&FullyQualifiedName!~Portal.IntegrationTests.Web.UnknownPathTests&FullyQualifiedName!~Portal.IntegrationTests.Web.SecurityHeadersTests&FullyQualifiedName!~Portal.IntegrationTests.Web.TransportTests&FullyQualifiedName!~Portal.IntegrationTests.Web.ThrottlingTests&FullyQualifiedName!~Portal.IntegrationTests.Web.Security.ReturnUrlTests&FullyQualifiedName!~Portal.IntegrationTests.Web.Security.ChangePasswordTests&FullyQualifiedName!~Portal.IntegrationTests.Web.Security.PasswordHashingTests&FullyQualifiedName!~Portal.IntegrationTests.Web.Security.EmailConfirmationTests&FullyQualifiedName!~Portal.IntegrationTests.Web.Security.PublicLinkTests&FullyQualifiedName!~Portal.IntegrationTests.Web.Security.ProductionHostTests&FullyQualifiedName!~Portal.IntegrationTests.Web.TwoFactorTests&FullyQualifiedName!~Portal.IntegrationTests.Web.StaffTwoFactor&FullyQualifiedName!~Portal.IntegrationTests.Web.Components.Layout.PortalThemeStylesTests'

section() { printf '\n==== %s ====\n' "$*"; }

status=0
passed=0
failed=0
skipped=0

summary() {
  echo
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
}

# --- System packages: the E2E suite drives Debian's Chromium headless shell (the engine without the browser's UI,
# a third less CPU) and, for the one journey that needs its PDF viewer, Debian's Chromium; CJK fonts make Chinese
# readable in its screenshots; faketime runs the time-bomb guard below.
section "System packages"
missing=()
[[ -x /usr/bin/chromium-headless-shell ]] || missing+=(chromium-headless-shell)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
if ((${#missing[@]} == 0)); then
  echo "chromium-headless-shell, chromium, fonts-noto-cjk and faketime are installed"
else
  as_root=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  fi
  echo "installing: ${missing[*]}"
  if ! { "${as_root[@]}" apt-get update && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; }; then
    # Not fatal here: without Chromium the E2E project fails with a message that says so.
    echo "warning: could not install ${missing[*]}" >&2
  fi
fi

# --- Build.
section "dotnet tool restore"
if ! dotnet tool restore; then
  echo "error: dotnet tool restore failed" >&2
  summary
  exit 1
fi

section "Build (Release)"
if ! dotnet build Portal.sln -c Release; then
  echo "error: the build failed" >&2
  summary
  exit 1
fi

section "Migrations are up to date with the model"
for migrations in src/Migrations/Portal.Migrations.Sqlite src/Migrations/Portal.Migrations.Postgres; do
  if ! dotnet ef migrations has-pending-model-changes --project "$migrations" --no-build --configuration Release; then
    echo "error: the model has changes without a migration in $migrations; see docs/ARCHITECTURE.md, \"Two engines\"" >&2
    status=1
  fi
done

# Reads one attribute of the TRX <Counters .../> element; 0 when absent.
counter() {
  local value
  value=$(grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | head -n 1 | grep -o '[0-9]\+' || true)
  echo "${value:-0}"
}

# --- Tests, in two lanes at once. The browser lane (the E2E suite, then the year-ahead run) mostly waits on
# Chromium and the portal: alone, the E2E suite used about 0.8 of the 2 cores CI has (257 CPU-s over a 336 s
# run), so the data lane (the fast and integration tests on SQLite, then on PostgreSQL) runs beside it instead of
# after it. Every
# run goes on whatever the one before it did. The data lane prints as it goes; the browser lane's output
# follows when both are done. Totals are read from the TRX files at the end.
RUNS=()

# Runs one test project (with an optional test filter, through an optional prefix command such as
# faketime), leaving $RESULTS_DIR/<label>.trx and <label>.rc, and prints its counts.
run_tests() {
  local project=$1 label=$2 filter=$3
  shift 3
  local trx="$RESULTS_DIR/$label.trx" rc started
  local args=(-c Release --no-build --logger "trx;LogFileName=$label.trx" --results-directory "$RESULTS_DIR")
  [[ -n "$filter" ]] && args+=(--filter "$filter")
  rm -f "$trx" "$RESULTS_DIR/$label.rc"
  section "Test $label"
  started=$SECONDS
  if "$@" dotnet test "$project" "${args[@]}"; then
    rc=0
  else
    rc=$?
  fi
  echo "$rc" >"$RESULTS_DIR/$label.rc"
  if [[ -f "$trx" ]]; then
    echo "$label: $(counter passed "$trx") passed, $(counter failed "$trx") failed of $(counter total "$trx") in $((SECONDS - started)) s (exit code $rc)"
  else
    echo "$label: no $trx (exit code $rc)"
  fi
}

# Adds one run's TRX counts to the totals; a run that left no TRX, or ran no test, counts as 1 failed.
tally() {
  local label=$1 trx="$RESULTS_DIR/$1.trx" rc total executed p f s
  rc=$(cat "$RESULTS_DIR/$label.rc" 2>/dev/null || echo 1)
  if [[ ! -f "$trx" ]]; then
    echo "error: $label produced no $trx (exit code $rc); counted as 1 failed" >&2
    failed=$((failed + 1))
    status=1
    return
  fi

  total=$(counter total "$trx")
  if ((total == 0)); then
    # A filter that names nothing (a renamed namespace) would otherwise pass while testing nothing.
    echo "error: $label ran no tests (its filter matches none); counted as 1 failed" >&2
    failed=$((failed + 1))
    status=1
    return
  fi
  executed=$(counter executed "$trx")
  p=$(counter passed "$trx")
  f=$(($(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  s=$((total - executed))
  ((s >= 0)) || s=$(counter notExecuted "$trx")
  echo "$label: $p passed, $f failed, $s skipped (exit code $rc)"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  if ((rc != 0 || f > 0)); then
    status=1
  fi
}

mkdir -p "$RESULTS_DIR"

# --- Time-bomb guard: tests again with the machine's clock a year ahead. Test hosts start the app's clock at a
# fixed instant (Clock:Start), so a test that mixes a date of its own with the machine's clock, or a feature that
# reads the machine's clock, fails here a year before its date. Every fast unit test runs (seconds), and of the
# integration tests only those where a clock other than the app's can meet a date (to leave the PostgreSQL run
# room in CI's budget): the web tests of sign-in, sessions, tokens, two-factor codes, data-protection keys and
# rate-limit windows (dated by their libraries on the machine's clock; pages and components see only the app's
# clock), the jobs and the e-mail outbox (Hangfire schedules on the machine's clock), the accounts, and the test
# classes that read the machine's clock themselves (DocumentLifecycleTests, PortfolioRefresh*Tests; ClockUseTests
# checks that each such Core class is named here). The other Core tests see only the app's clock, which faketime
# does not move. The fault tests (Kind=Fault: processes killed mid-work, real time by design) and the PostgreSQL
# ones are left out.
PLUS365D_SUITE='Kind!=Fault&Kind!=Postgres&(FullyQualifiedName~Portal.IntegrationTests.Web.Security.|FullyQualifiedName~Portal.IntegrationTests.Web.TwoFactorTests|FullyQualifiedName~Portal.IntegrationTests.Web.StaffTwoFactor|FullyQualifiedName~Portal.IntegrationTests.Web.AccountTests|FullyQualifiedName~Portal.IntegrationTests.Web.TokenEndpointTests|FullyQualifiedName~Portal.IntegrationTests.Web.DataProtectionTests|FullyQualifiedName~Portal.IntegrationTests.Web.StartupTests|FullyQualifiedName~Portal.IntegrationTests.Web.ThrottlingTests|FullyQualifiedName~Portal.IntegrationTests.Jobs.|FullyQualifiedName~DocumentLifecycleTests|FullyQualifiedName~DocumentRestartTests|FullyQualifiedName~PortfolioRefreshQueueTests|FullyQualifiedName~PortfolioRefreshTests|FullyQualifiedName~EmailDeliveryTests)'
# A throwaway PostgreSQL cluster for both lanes (initdb as a non-root user, loopback port, removed
# afterwards); each test makes its own database on it. Runs that need it get PORTAL_TEST_POSTGRES.
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
trap pg_stop EXIT
section "PostgreSQL cluster"
pg=()
if pg_start; then
  echo "started: $PG_CONNECTION, data in $PG_DIR"
  pg=(env "PORTAL_TEST_POSTGRES=$PG_CONNECTION")
else
  echo "error: no PostgreSQL cluster, so the PostgreSQL tests cannot run (their runs leave no TRX and count as failed)" >&2
fi

# Runs a PostgreSQL run only when the cluster started.
run_on_postgres() {
  ((${#pg[@]} > 0)) || return 0
  local project=$1 label=$2 filter=$3
  shift 3
  run_tests "$project" "$label" "$filter" "${pg[@]}" "$@"
}

# The browser lane: the E2E suite on SQLite, the two-node journeys on PostgreSQL (ClusterJourneys), the
# time-bomb guard, then the PostgreSQL tests.
browser_lane() {
  run_tests tests/Portal.E2E "Portal.E2E" "Kind!=Postgres"
  run_on_postgres tests/Portal.E2E "Portal.E2E.postgres" "Kind=Postgres"
  if command -v faketime >/dev/null 2>&1; then
    run_tests tests/Portal.UnitTests "Portal.UnitTests.plus365d" "" faketime -f '+365d'
    run_tests tests/Portal.IntegrationTests "Portal.IntegrationTests.plus365d" "$PLUS365D_SUITE" faketime -f '+365d'
  else
    echo "error: faketime is missing, so the time-bomb guard could not run" >&2
  fi
  run_on_postgres tests/Portal.IntegrationTests "Portal.IntegrationTests.postgres" "Kind=Postgres"
}
RUNS+=(Portal.E2E Portal.E2E.postgres Portal.UnitTests.plus365d Portal.IntegrationTests.plus365d Portal.IntegrationTests.postgres)

# The data lane: the fast unit tests, the integration tests on SQLite, then the data and integration tests again
# with every test host on PostgreSQL. The PostgreSQL tests (Kind=Postgres: engine, cluster and killed-worker
# tests) end the browser lane, which the sweeps' moving through the router made the shorter one (2026-12-05, 4b26df3: data lane 715 s with
# them, browser lane 634 s without).
data_lane() {
  run_tests tests/Portal.UnitTests "Portal.UnitTests" ""
  run_tests tests/Portal.IntegrationTests "Portal.IntegrationTests" "Kind!=Postgres"
  run_on_postgres tests/Portal.IntegrationTests "Portal.IntegrationTests.on-postgres" "$POSTGRES_SUITE" env PORTAL_TEST_ENGINE=Postgres
}
RUNS+=(Portal.UnitTests Portal.IntegrationTests Portal.IntegrationTests.on-postgres)

browser_lane >"$RESULTS_DIR/browser-lane.log" 2>&1 &
browser_pid=$!
data_lane
wait "$browser_pid" || true
pg_stop
section "Browser lane (ran beside the data lane)"
cat "$RESULTS_DIR/browser-lane.log"

section "Totals"
for run in "${RUNS[@]}"; do
  tally "$run"
done

summary
exit "$status"

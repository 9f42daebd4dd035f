#!/usr/bin/env bash
# Builds the solution in Release, checks that the model has a migration for each engine, runs every
# test project, the PostgreSQL tests and the data and integration tests again with every host on
# PostgreSQL, both on a throwaway cluster (scripts/pg.sh), then the clock-sensitive unit tests again
# with the machine's clock a year ahead (faketime), and ends with one line:
# "N passed, N failed, N skipped". Exits non-zero if anything failed.
# Used by CI (.ci/run) and by hand; needs only bash, grep, sed and awk besides the .NET SDK.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export NUGET_CERT_REVOCATION_MODE=offline
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

RESULTS_DIR=TestResults
TEST_PROJECTS=(tests/Portal.UnitTests tests/Portal.E2E)
# The data and integration tests that run a second time with every test host on PostgreSQL
# (PORTAL_TEST_ENGINE=Postgres; docs/TESTING.md, "Both engines"): the Core tests, which start the
# real host and read and write its database. Tests about SQLite itself (Engine=Sqlite) and the fault
# tests (processes killed on a SQLite file) are left out; Kind=Postgres runs once, on its own, below.
POSTGRES_SUITE='FullyQualifiedName~Portal.UnitTests.Core.&Engine!=Sqlite&Kind!=Postgres&Kind!=Fault'

section() { printf '\n==== %s ====\n' "$*"; }

status=0
passed=0
failed=0
skipped=0

summary() {
  echo
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
}

# --- System packages: the E2E suite drives Debian's Chromium; CJK fonts make Chinese readable in its screenshots;
# faketime runs the time-bomb guard below.
section "System packages"
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
if ((${#missing[@]} == 0)); then
  echo "chromium, fonts-noto-cjk and faketime are installed"
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

# --- Tests: every project runs, whatever the one before it did.
# Reads one attribute of the TRX <Counters .../> element; 0 when absent.
counter() {
  local value
  value=$(grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | head -n 1 | grep -o '[0-9]\+' || true)
  echo "${value:-0}"
}

# Runs one test project (with an optional test filter, through an optional prefix command such as
# faketime) and adds its TRX counts.
run_tests() {
  local project=$1 label=$2 filter=$3
  shift 3
  local trx="$RESULTS_DIR/$label.trx" rc started p f s total executed
  local args=(-c Release --no-build --logger "trx;LogFileName=$label.trx" --results-directory "$RESULTS_DIR")
  [[ -n "$filter" ]] && args+=(--filter "$filter")
  rm -f "$trx"
  section "Test $label"
  started=$SECONDS
  if "$@" dotnet test "$project" "${args[@]}"; then
    rc=0
  else
    rc=$?
  fi

  if [[ ! -f "$trx" ]]; then
    echo "error: $label produced no $trx (exit code $rc); counted as 1 failed" >&2
    failed=$((failed + 1))
    status=1
    return
  fi

  total=$(counter total "$trx")
  executed=$(counter executed "$trx")
  p=$(counter passed "$trx")
  f=$(($(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx")))
  s=$((total - executed))
  ((s >= 0)) || s=$(counter notExecuted "$trx")
  echo "$label: $p passed, $f failed, $s skipped in $((SECONDS - started)) s (exit code $rc)"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  if ((rc != 0 || f > 0)); then
    status=1
  fi
}

mkdir -p "$RESULTS_DIR"
# The PostgreSQL tests (Kind=Postgres) run below, against a cluster of their own.
for project in "${TEST_PROJECTS[@]}"; do
  run_tests "$project" "$(basename "$project")" "Kind!=Postgres"
done

# --- PostgreSQL: a throwaway cluster (initdb as a non-root user, loopback port, removed afterwards);
# each test makes its own database on it.
# shellcheck source=scripts/pg.sh
source scripts/pg.sh
trap pg_stop EXIT
section "PostgreSQL cluster"
if pg_start; then
  echo "started: $PG_CONNECTION"
  export PORTAL_TEST_POSTGRES="$PG_CONNECTION"
  run_tests tests/Portal.UnitTests "Portal.UnitTests.postgres" "Kind=Postgres"
  # Two web nodes on one database, driven in Chromium (ClusterJourneys).
  run_tests tests/Portal.E2E "Portal.E2E.postgres" "Kind=Postgres"
  run_tests tests/Portal.UnitTests "Portal.UnitTests.on-postgres" "$POSTGRES_SUITE" env PORTAL_TEST_ENGINE=Postgres
  unset PORTAL_TEST_POSTGRES
  pg_stop
else
  echo "error: no PostgreSQL cluster, so the PostgreSQL tests could not run; counted as 1 failed" >&2
  failed=$((failed + 1))
  status=1
fi

# --- Time-bomb guard: the same unit tests with the machine's clock a year ahead. Test hosts start the
# app's clock at a fixed instant (Clock:Start), so a test that mixes a date of its own with the
# machine's clock, or a feature that reads the machine's clock, fails here a year before its date.
# Only the tests where a clock other than the app's can meet a date run here (to leave the PostgreSQL run
# room in CI's budget): the web tests of sign-in, sessions, tokens, two-factor codes, data-protection keys and
# rate-limit windows (dated by their libraries on the machine's clock; pages and components see only the app's
# clock), the jobs and the e-mail outbox (Hangfire schedules on the machine's clock), the accounts,
# ClockUseTests (no product code reads the machine's clock) and the test classes that read the machine's
# clock themselves (DocumentLifecycleTests, PortfolioRefresh*Tests). The other Core
# tests see only the app's clock, which faketime does not move. The fault tests (Kind=Fault: processes
# killed mid-work, real time by design) and the PostgreSQL ones are left out.
PLUS365D_SUITE='Kind!=Fault&Kind!=Postgres&(FullyQualifiedName~Portal.UnitTests.Web.Security.|FullyQualifiedName~Portal.UnitTests.Web.TwoFactorTests|FullyQualifiedName~Portal.UnitTests.Web.StaffTwoFactor|FullyQualifiedName~Portal.UnitTests.Web.AccountTests|FullyQualifiedName~Portal.UnitTests.Web.TokenEndpointTests|FullyQualifiedName~Portal.UnitTests.Web.DataProtectionTests|FullyQualifiedName~Portal.UnitTests.Web.StartupTests|FullyQualifiedName~Portal.UnitTests.Web.ThrottlingTests|FullyQualifiedName~Portal.UnitTests.Jobs.|FullyQualifiedName~Portal.UnitTests.Core.ClockUseTests|FullyQualifiedName~DocumentLifecycleTests|FullyQualifiedName~PortfolioRefreshQueueTests|FullyQualifiedName~PortfolioRefreshTests|FullyQualifiedName~Portal.UnitTests.Core.Features.Accounts.|FullyQualifiedName~EmailDeliveryTests)'
if command -v faketime >/dev/null 2>&1; then
  run_tests tests/Portal.UnitTests "Portal.UnitTests.plus365d" "$PLUS365D_SUITE" faketime -f '+365d'
else
  echo "error: faketime is missing, so the time-bomb guard could not run; counted as 1 failed" >&2
  failed=$((failed + 1))
  status=1
fi

summary
exit "$status"

#!/usr/bin/env bash
# Starts the Development demo portal (demo data seeded) on a fresh database, photographs the README's
# pages with Chromium (tools/Portal.Screenshots) into docs/screenshots/, and stops the portal again.
#   scripts/screenshots.sh                     the README's screenshots
#   scripts/screenshots.sh 'name|account|path|width|culture' ...   other pages (account "-" = signed out)
# Environment: SCREENSHOTS_PORT (5098), SCREENSHOTS_CLOCK_START (e.g. 2026-11-16T10:00:00+08:00; default
# real time), SCREENSHOTS_OUT (docs/screenshots), PORTAL_E2E_CHROMIUM (/usr/bin/chromium).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

port="${SCREENSHOTS_PORT:-5098}"
out="${SCREENSHOTS_OUT:-docs/screenshots}"
base="http://127.0.0.1:${port}"
work="$(mktemp -d)"

dotnet build src/Portal.Web -c Release -nologo -v quiet
dotnet build tools/Portal.Screenshots -c Release -nologo -v quiet

env_vars=(
  ASPNETCORE_ENVIRONMENT=Development
  "Database__SqlitePath=${work}/portal.db"
  "Email__PickupDirectory=${work}/mail"
  "Portal__PublicBaseUrl=${base}"
)
if [[ -n "${SCREENSHOTS_CLOCK_START:-}" ]]; then
  env_vars+=("Clock__Start=${SCREENSHOTS_CLOCK_START}")
fi

(cd src/Portal.Web/bin/Release/net10.0 && exec env -u ASPNETCORE_URLS "${env_vars[@]}" dotnet Portal.Web.dll --urls "${base}") \
  >"${work}/portal.log" 2>&1 &
portal=$!
cleanup() { kill "${portal}" 2>/dev/null || true; wait "${portal}" 2>/dev/null || true; rm -rf "${work}"; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  if curl -fs "${base}/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${portal}" 2>/dev/null; then cat "${work}/portal.log"; echo "The portal stopped before it was ready." >&2; exit 1; fi
  sleep 0.5
done
curl -fs "${base}/health/ready" >/dev/null || { tail -50 "${work}/portal.log"; echo "The portal was not ready in 2 minutes." >&2; exit 1; }

dotnet tools/Portal.Screenshots/bin/Release/net10.0/Portal.Screenshots.dll "${base}" "${out}" "$@"

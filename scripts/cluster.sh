#!/usr/bin/env bash
# The portal as several processes on one machine, as docs/DEPLOYMENT.md lays it out (without the proxy):
# a throwaway PostgreSQL (scripts/pg.sh), two web nodes (Jobs:RunServer=false) on two ports and one
# Portal.Jobs worker, all sharing the database, the job storage and one documents folder.
#
#   scripts/cluster.sh                 ports 5081 and 5082 (WEB_PORTS="6001 6002" to change them)
#   PORTAL_DEMO_FIGURES=false scripts/cluster.sh
#                                      without the demo's invented brands and figures (Seed:DemoBrandCount=0,
#                                      Seed:DemoBrandFigures=false)
#
# Development environment (demo accounts, development token certificates). Ctrl-C stops everything and
# removes the database and the folders. Logs: $CLUSTER_DIR/*.log (printed at start).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh

read -r -a ports <<<"${WEB_PORTS:-5081 5082}"
pids=()
CLUSTER_DIR=
stop_all() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  pg_stop
  [[ -z "$CLUSTER_DIR" ]] || rm -rf "$CLUSTER_DIR"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

export NUGET_CERT_REVOCATION_MODE=offline
echo "building (Release)" >&2
dotnet build src/Portal.Web -c Release -v quiet -nologo >&2
dotnet build src/Portal.Jobs -c Release -v quiet -nologo >&2

pg_start
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$PG_CONNECTION")
"$(pg_bin)/createdb" -h 127.0.0.1 -p "$port" -U portal portal
CLUSTER_DIR=$(mktemp -d /tmp/portal-cluster.XXXXXX)
mkdir -p "$CLUSTER_DIR/documents" "$CLUSTER_DIR/mail"

# Every process: the same database, job storage, documents and mail folders (environment variables = settings).
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export Database__Provider=Postgres
export Database__ConnectionString="Host=127.0.0.1;Port=$port;Username=portal;Database=portal"
export Jobs__Storage=Postgres
export Documents__StoragePath="$CLUSTER_DIR/documents"
export Email__PickupDirectory="$CLUSTER_DIR/mail"
export Portal__PublicBaseUrl="http://localhost:${ports[0]}"
if [[ "${PORTAL_DEMO_FIGURES:-true}" == "false" ]]; then
  export Seed__DemoBrandCount=0 Seed__DemoBrandFigures=false
fi
unset ASPNETCORE_URLS ASPNETCORE_HTTP_PORTS

web_bin=src/Portal.Web/bin/Release/net10.0
jobs_bin=src/Portal.Jobs/bin/Release/net10.0

wait_ready() {
  local url=$1 log=$2 pid=$3
  for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: the node for $url stopped; its log ($log) ends:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  echo "error: $url was not ready; its log:" >&2
  tail -n 40 "$log" >&2
  return 1
}

# The first web node alone: it migrates and seeds; the others start on a ready database.
for i in "${!ports[@]}"; do
  log="$CLUSTER_DIR/web$((i + 1)).log"
  (cd "$web_bin" && Jobs__RunServer=false exec dotnet Portal.Web.dll --urls "http://localhost:${ports[$i]}") >"$log" 2>&1 &
  pids+=($!)
  wait_ready "http://localhost:${ports[$i]}" "$log" "${pids[-1]}"
done
(cd "$jobs_bin" && exec dotnet Portal.Jobs.dll) >"$CLUSTER_DIR/worker.log" 2>&1 &
pids+=($!)

cat <<INFO

  STEPS portal: ${#ports[@]} web nodes and 1 worker on PostgreSQL ($Database__ConnectionString)
$(for p in "${ports[@]}"; do echo "    http://localhost:$p"; done)
  Sign in as brand@demo.test, ska@demo.test or admin@demo.test (password Portal!2026) on any node;
  a comment posted on one node appears live on a page open on the other.
  Documents: $CLUSTER_DIR/documents   mail: $CLUSTER_DIR/mail   logs: $CLUSTER_DIR/*.log
  Ctrl-C stops everything.

INFO
sleep infinity &
pids+=($!)
wait "${pids[-1]}"

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for tests and trials.
#
#   scripts/pg.sh                 starts one, prints its connection string, and stops and removes it
#                                 when you press Ctrl-C (or the script is killed)
#   source scripts/pg.sh          defines pg_start and pg_stop for other scripts (scripts/test.sh):
#   pg_start && echo "$PG_CONNECTION"; ...; pg_stop
#
# Installs Debian's `postgresql` if no /usr/lib/postgresql/*/bin is there. initdb refuses to run as
# root, so as root the cluster belongs to a system user `portalpg` (created if missing). The data
# lives in a temporary folder, without fsync (throwaway), and takes TCP connections on 127.0.0.1
# only, trusting them (user `portal`, a superuser that may create the tests' databases). The folder
# is in memory (/dev/shm, a tmpfs) where there is one with 2 GiB free, else in /tmp: the tests create
# and drop a database per test host, some 300 files each, and on ext4 allocating inodes among so many
# just deleted took about a third of the cluster's CPU. The write-ahead log is kept to 256 MB, as it
# takes memory there. PG_BASE=/var/tmp (an absolute folder without spaces, which the cluster's owner
# can enter) puts it there instead: a benchmark on disk.

PG_USER_NAME=portalpg
PG_CONNECTION=
PG_DIR=

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

pg_install() {
  [[ -n "$(pg_bin)" ]] && return 0
  local as_root=()
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  fi
  echo "installing postgresql" >&2
  # Only the binaries: no "main" cluster on port 5432 left running by the package's post-install.
  "${as_root[@]}" mkdir -p /etc/postgresql-common/createcluster.d &&
    echo "create_main_cluster = false" | "${as_root[@]}" tee /etc/postgresql-common/createcluster.d/portal-no-main.conf >/dev/null &&
    "${as_root[@]}" apt-get update >&2 &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2 &&
    [[ -n "$(pg_bin)" ]]
}

# A port nothing listens on: bash's /dev/tcp fails to connect to a free one.
pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Runs a PostgreSQL binary as the cluster's owner.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$PG_USER_NAME" -- "$@"
  else
    "$@"
  fi
}

# Starts a cluster; sets PG_DIR and PG_CONNECTION (an Npgsql connection string). Returns non-zero on failure.
pg_start() {
  local bin port attempt
  pg_install || { echo "error: postgresql is not installed and could not be installed" >&2; return 1; }
  bin=$(pg_bin)
  if [[ $(id -u) -eq 0 ]] && ! id "$PG_USER_NAME" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER_NAME" || return 1
  fi
  # /dev/shm or /tmp, not $TMPDIR: the cluster owner must be able to enter it (root's TMPDIR may sit under /root).
  local base=${PG_BASE:-} shm_free_kb
  if [[ -z "$base" ]]; then
    base=/tmp
    shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }' || true)
    if [[ -w /dev/shm && "${shm_free_kb:-0}" =~ ^[0-9]+$ ]] && ((shm_free_kb >= 2 * 1024 * 1024)); then
      base=/dev/shm
    fi
  fi
  PG_DIR=$(mktemp -d "$base/portal-pg.XXXXXX") || return 1
  chmod 755 "$PG_DIR"
  [[ $(id -u) -eq 0 ]] && chown "$PG_USER_NAME" "$PG_DIR"
  if ! pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U portal --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PG_DIR/initdb.log" 2>&1; then
    echo "error: initdb failed:" >&2
    cat "$PG_DIR/initdb.log" >&2
    return 1
  fi
  for attempt in 1 2 3; do
    port=$(pg_free_port) || break
    if pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=256MB -c min_wal_size=32MB" >/dev/null; then
      PG_CONNECTION="Host=127.0.0.1;Port=$port;Username=portal;Database=postgres"
      return 0
    fi
  done
  echo "error: the cluster did not start:" >&2
  cat "$PG_DIR/server.log" >&2
  return 1
}

# Stops the cluster and removes its folder.
pg_stop() {
  [[ -n "$PG_DIR" && -d "$PG_DIR" ]] || return 0
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    pg_as_owner "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=
  PG_CONNECTION=
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  sleeper=
  trap 'pg_stop; [[ -z "$sleeper" ]] || kill "$sleeper" 2>/dev/null || true' EXIT
  trap 'exit 130' INT TERM
  pg_start
  echo "$PG_CONNECTION"
  echo "PostgreSQL runs in $PG_DIR; Ctrl-C (or kill $$) stops and removes it." >&2
  # A background sleep and `wait`, so a signal ends the script at once.
  sleep infinity &
  sleeper=$!
  wait "$sleeper"
fi

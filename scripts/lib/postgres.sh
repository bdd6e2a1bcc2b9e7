#!/usr/bin/env bash
# The local stack's PostgreSQL: one cluster under var/postgres, listening on
# 127.0.0.1:$SHOP_PG_PORT only. Source it after common.sh and process.sh.
#
# PostgreSQL refuses to run as root, so when the scripts run as root the server and
# its tools run as the `postgres` OS user, which owns the data and socket dirs.
# Run directly:  scripts/lib/postgres.sh start|stop|status|psql [args...]

if [[ -z ${SHOP_ROOT:-} ]]; then
  # shellcheck source=scripts/lib/common.sh
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
  # shellcheck source=scripts/lib/process.sh
  source "$(dirname "${BASH_SOURCE[0]}")/process.sh"
fi

SHOP_PG_PORT="${SHOP_PG_PORT:-5432}"
SHOP_PG_DIR="${SHOP_PG_DIR:-$SHOP_VAR/postgres}"
PG_DATA="$SHOP_PG_DIR/data"
PG_SOCKET_DIR="$SHOP_PG_DIR/socket"
PG_LOG="$SHOP_VAR/log/postgres.log"

# The server binaries are not on PATH in Debian; ask pg_config, else take the newest
# version installed under /usr/lib/postgresql.
pg_bindir() {
  local dir
  dir=$(pg_config --bindir 2>/dev/null) || true
  if [[ -n $dir && -x $dir/pg_ctl ]]; then
    printf '%s\n' "$dir"
    return 0
  fi
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1)
  [[ -n $dir && -x $dir/pg_ctl ]] || die "PostgreSQL server binaries not found (run scripts/setup.sh)"
  printf '%s\n' "$dir"
}

pg_os_user() {
  if [[ $(id -u) == 0 ]]; then echo postgres; else id -un; fi
}

# as_pg <command> [args...]: runs a PostgreSQL tool as the cluster's OS user.
as_pg() {
  if [[ $(id -u) == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# PG_BIN is looked up on first use: the scripts source this file before setup.sh has
# installed PostgreSQL on a fresh machine.
PG_BIN=""
pg_need_bin() {
  [[ -n $PG_BIN ]] || PG_BIN=$(pg_bindir) || exit 1
}

pg_tool() {
  local tool=$1
  shift
  pg_need_bin
  as_pg "$PG_BIN/$tool" "$@"
}

# psql as the superuser over the cluster's own unix socket.
pg_psql() {
  pg_need_bin
  as_pg env PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$SHOP_PG_PORT" -U postgres "$@"
}

pg_is_running() {
  [[ -f $PG_DATA/PG_VERSION ]] || return 1
  pg_tool pg_ctl -D "$PG_DATA" status >/dev/null 2>&1
}

pg_prepare_dirs() {
  local owner
  owner=$(pg_os_user)
  mkdir -p "$PG_DATA" "$PG_SOCKET_DIR" "$(dirname "$PG_LOG")"
  touch "$PG_LOG"
  if [[ $(id -u) == 0 ]]; then
    chown -R "$owner:" "$SHOP_PG_DIR"
    chown "$owner:" "$PG_LOG"
  fi
  chmod 700 "$PG_DATA"
  as_pg test -w "$PG_DATA" ||
    die "user $owner cannot write $PG_DATA (every parent directory must be searchable by it; set SHOP_VAR elsewhere)"
  # unix socket paths are limited to 107 bytes
  ((${#PG_SOCKET_DIR} < 90)) || die "socket dir path too long for a unix socket: $PG_SOCKET_DIR"
}

pg_init_cluster() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  log "postgres: creating cluster in $PG_DATA"
  # Trust authentication: the server listens on 127.0.0.1 and its own socket only,
  # and this cluster is the local development/test stack, never a deployment.
  pg_tool initdb -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-instructions >>"$PG_LOG" 2>&1 || {
    tail -n 20 "$PG_LOG" >&2
    die "initdb failed"
  }
}

pg_start() {
  pg_need_bin
  pg_prepare_dirs
  pg_init_cluster
  if pg_is_running; then
    log "postgres: already running (127.0.0.1:$SHOP_PG_PORT, data $PG_DATA)"
    return 0
  fi
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$SHOP_PG_PORT" -t 2 >/dev/null 2>&1 ||
    url_port_busy "$SHOP_PG_PORT"; then
    die "port $SHOP_PG_PORT on 127.0.0.1 is taken by another server; set SHOP_PG_PORT to a free port"
  fi
  log "postgres: starting on 127.0.0.1:$SHOP_PG_PORT"
  pg_tool pg_ctl -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $SHOP_PG_PORT -c unix_socket_directories=$PG_SOCKET_DIR" \
    start >/dev/null || {
    tail -n 20 "$PG_LOG" >&2
    die "PostgreSQL did not start (log: $PG_LOG)"
  }
}

pg_stop() {
  if ! pg_is_running; then
    log "postgres: not running"
    return 0
  fi
  log "postgres: stopping"
  pg_tool pg_ctl -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  log "postgres: stopped"
}

# pg_ensure_role <role>: a LOGIN role that may create databases.
pg_ensure_role() {
  local role=$1
  pg_psql -d postgres -v role="$role" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role')
\gexec
SQL
}

# pg_ensure_database <name> <owner>
pg_ensure_database() {
  local db=$1 owner=$2
  pg_psql -d postgres -v db="$db" -v owner="$owner" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')
\gexec
SQL
}

# pg_recreate_database <name> <owner>: drops (disconnecting its sessions) and creates.
pg_recreate_database() {
  local db=$1 owner=$2
  pg_psql -d postgres -v db="$db" -v owner="$owner" <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'db')
\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
\gexec
SQL
}

# The stack's databases: the role the services connect as, and one database per
# service that owns data.
pg_ensure_stack_databases() {
  pg_ensure_role shop
  pg_ensure_database shop_users shop
  pg_ensure_database shop_products shop
  pg_ensure_database shop_orders shop
  pg_ensure_database shop_payments shop
  pg_ensure_database shop_notifications shop
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start) pg_start && pg_ensure_stack_databases ;;
    stop) pg_stop ;;
    status) if pg_is_running; then echo "running on 127.0.0.1:$SHOP_PG_PORT"; else echo "stopped"; exit 1; fi ;;
    psql) shift; pg_psql "$@" ;;
    *) die "usage: $0 start|stop|status|psql [args...]" ;;
  esac
fi

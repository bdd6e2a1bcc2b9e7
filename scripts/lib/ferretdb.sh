#!/usr/bin/env bash
# The local stack's MongoDB API: one FerretDB process on 127.0.0.1:$SHOP_MONGO_PORT that
# stores its collections in the PostgreSQL database shop_orders (postgres.sh creates
# it), with its state under $SHOP_VAR/ferretdb and its log in $SHOP_LOG_DIR. Source it
# after common.sh and process.sh.
#
# MongoDB itself has no Debian package and FerretDB v2 needs a PostgreSQL extension
# that Debian lacks, so this is FerretDB v1, built once from its Go module into the
# tool cache. Everything follows from SHOP_MONGO_PORT, so a second instance (for a test)
# runs beside the stack's with another port and SHOP_VAR:
#   debug HTTP (metrics, probes)  127.0.0.1:<port + 1000>
# Run directly:  scripts/lib/ferretdb.sh start|stop|status|url|ready|fetch

if [[ -z ${SHOP_ROOT:-} ]]; then
  # shellcheck source=scripts/lib/common.sh
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
  # shellcheck source=scripts/lib/process.sh
  source "$(dirname "${BASH_SOURCE[0]}")/process.sh"
fi
if ! declare -F ensure_tool >/dev/null; then
  # shellcheck source=scripts/lib/tools.sh
  source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
fi

FERRETDB_VERSION=1.24.2
FERRETDB_MODULE=github.com/FerretDB/FerretDB

SHOP_PG_PORT="${SHOP_PG_PORT:-5432}"
SHOP_MONGO_PORT="${SHOP_MONGO_PORT:-27017}"
SHOP_MONGO_DEBUG_PORT="${SHOP_MONGO_DEBUG_PORT:-$((SHOP_MONGO_PORT + 1000))}"
# Where FerretDB keeps the documents; a test instance may point at a database of its own.
SHOP_MONGO_POSTGRESQL_URL="${SHOP_MONGO_POSTGRESQL_URL:-postgres://shop@127.0.0.1:$SHOP_PG_PORT/shop_orders}"
SHOP_MONGO_START_DEADLINE_S="${SHOP_MONGO_START_DEADLINE_S:-30}"
FERRETDB_DIR="$SHOP_VAR/ferretdb"

# The process is named after the port, so two instances keep separate PID files.
ferretdb_proc() { printf 'ferretdb-%s\n' "$SHOP_MONGO_PORT"; }

ferretdb_url() { printf 'mongodb://127.0.0.1:%s/shop_orders\n' "$SHOP_MONGO_PORT"; }

# Builder for ensure_tool. A plain `go install` of the command builds a binary that
# refuses to start ("Invalid build/version/version.txt"): the module ships without the
# version file its release builds generate, so the build runs on a copy of the module
# source with that file written in.
ferretdb_builder() {
  local dir=$1 source_dir
  command -v go >/dev/null || die "go is needed to build FerretDB $FERRETDB_VERSION"
  command -v python3 >/dev/null || die "python3 is needed to build FerretDB $FERRETDB_VERSION"
  source_dir=$(cd "$dir" && go mod download -json "$FERRETDB_MODULE@v$FERRETDB_VERSION" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])') || return 1
  [[ -f $source_dir/go.mod ]] || return 1
  mkdir -p "$dir/bin"
  cp -R "$source_dir" "$dir/src"
  chmod -R u+w "$dir/src"  # the module cache is read-only
  printf 'v%s\n' "$FERRETDB_VERSION" >"$dir/src/build/version/version.txt"
  (cd "$dir/src" && go build -o "$dir/bin/ferretdb" ./cmd/ferretdb) >&2 || return 1
  rm -rf "$dir/src"
}

FERRETDB_BIN=""
ferretdb_need_bin() {
  [[ -n $FERRETDB_BIN ]] && return 0
  local dir
  dir=$(ensure_tool ferretdb "$FERRETDB_VERSION" ferretdb_builder) || return 1
  FERRETDB_BIN="$dir/bin/ferretdb"
}

ferretdb_is_running() { is_running "$(ferretdb_proc)"; }

ferretdb_alive() { recorded_pid_alive "$(ferretdb_proc)"; }

# ferretdb_ping: a MongoDB `ping` over the wire protocol answers ok. Once the database
# holds a collection, FerretDB's ping also asks PostgreSQL. (The debug /readyz probe
# only reports that the listener is open unless authentication is set up.)
FERRETDB_PYTHON="$SHOP_ROOT/.venv/bin/python"
ferretdb_ping() {
  [[ -x $FERRETDB_PYTHON ]] || return 1
  "$FERRETDB_PYTHON" - "$(ferretdb_url)" <<'PY' >/dev/null 2>&1
import sys
from pymongo import MongoClient

client = MongoClient(sys.argv[1], serverSelectionTimeoutMS=2000, connectTimeoutMS=2000,
                     socketTimeoutMS=2000)
try:
    sys.exit(0 if client.admin.command("ping").get("ok") == 1 else 1)
finally:
    client.close()
PY
}

ferretdb_ready() { ferretdb_is_running && ferretdb_ping; }

ferretdb_start() {
  local name pid
  name=$(ferretdb_proc)
  [[ -x $FERRETDB_PYTHON ]] || die "$FERRETDB_PYTHON not found: scripts/setup.sh creates it (with pymongo, which checks that FerretDB answers)"
  ferretdb_need_bin || die "FerretDB $FERRETDB_VERSION could not be built"
  if ferretdb_is_running; then
    log "ferretdb: already running (PID $(pid_of "$name"), $(ferretdb_url))"
  else
    local port
    for port in "$SHOP_MONGO_PORT" "$SHOP_MONGO_DEBUG_PORT"; do
      if url_port_busy "$port"; then
        die "port $port on 127.0.0.1 is taken by another server; set SHOP_MONGO_PORT (or SHOP_MONGO_DEBUG_PORT) to a free port"
      fi
    done
    mkdir -p "$FERRETDB_DIR"
    log "ferretdb: starting $FERRETDB_VERSION on 127.0.0.1:$SHOP_MONGO_PORT (PostgreSQL 127.0.0.1:$SHOP_PG_PORT)"
    pid=$(start_process "$name" "$FERRETDB_BIN" \
      --handler=postgresql \
      "--postgresql-url=$SHOP_MONGO_POSTGRESQL_URL" \
      "--listen-addr=127.0.0.1:$SHOP_MONGO_PORT" \
      "--debug-addr=127.0.0.1:$SHOP_MONGO_DEBUG_PORT" \
      "--state-dir=$FERRETDB_DIR" \
      --telemetry=disable \
      --log-level=info --log-format=json)
    log "ferretdb: started PID $pid, waiting for it to answer ping"
  fi
  ferretdb_await_ready
}

# ferretdb_await_ready: waits (bounded) for a ping to succeed; fails early, with the end
# of the log, when the process has exited.
ferretdb_await_ready() {
  local name
  name=$(ferretdb_proc)
  if ! wait_until "$SHOP_MONGO_START_DEADLINE_S" "ferretdb_ping || ! ferretdb_alive"; then
    last_start_log "$name" >&2
    die "ferretdb: no answer to ping on 127.0.0.1:$SHOP_MONGO_PORT after ${SHOP_MONGO_START_DEADLINE_S}s (log: $SHOP_LOG_DIR/$name.log)"
  fi
  if ! ferretdb_alive; then
    last_start_log "$name" >&2
    die "ferretdb: the process exited during start (log: $SHOP_LOG_DIR/$name.log)"
  fi
  log "ferretdb: ready on $(ferretdb_url)"
}

# ferretdb_stop [deadline_seconds]
ferretdb_stop() {
  stop_by_pidfile "$(ferretdb_proc)" "${1:-20}"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start) ferretdb_start ;;
    stop) ferretdb_stop "${SHOP_STOP_DEADLINE_S:-20}" ;;
    status)
      if ferretdb_ready; then echo "running on $(ferretdb_url) (PID $(pid_of "$(ferretdb_proc)"))"; else echo "stopped"; exit 1; fi
      ;;
    url) ferretdb_url ;;
    ready) ferretdb_ready ;;
    fetch) ferretdb_need_bin && printf '%s\n' "$FERRETDB_BIN" ;;
    *) die "usage: $0 start|stop|status|url|ready|fetch" ;;
  esac
fi

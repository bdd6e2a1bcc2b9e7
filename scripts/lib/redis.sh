#!/usr/bin/env bash
# The local stack's Redis: one redis-server process on 127.0.0.1:$SHOP_REDIS_PORT where
# the gateway replicas share their rate-limit buckets. That state is disposable, so
# nothing is saved to disk (no RDB snapshots, no append-only file); its working
# directory is $SHOP_VAR/redis-<port>, its log in $SHOP_LOG_DIR. Source it after
# common.sh and process.sh.
#
# redis-server comes from Debian's package (scripts/setup.sh). Everything follows from
# the port, so a second instance (for a test) runs beside the stack's with another port.
# The gateway reaches it as REDIS_URL (redis_url).
# Run directly:  scripts/lib/redis.sh start|stop|status|url|ready

if [[ -z ${SHOP_ROOT:-} ]]; then
  # shellcheck source=scripts/lib/common.sh
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
  # shellcheck source=scripts/lib/process.sh
  source "$(dirname "${BASH_SOURCE[0]}")/process.sh"
fi

SHOP_REDIS_PORT="${SHOP_REDIS_PORT:-6379}"
SHOP_REDIS_START_DEADLINE_S="${SHOP_REDIS_START_DEADLINE_S:-30}"
# Buckets are small and expire on their own; the cap only guards against a runaway.
SHOP_REDIS_MAXMEMORY="${SHOP_REDIS_MAXMEMORY:-256mb}"
REDIS_DIR="$SHOP_VAR/redis-$SHOP_REDIS_PORT"

# The process is named after its port, so two instances keep separate PID files.
redis_proc() { printf 'redis-%s\n' "$SHOP_REDIS_PORT"; }
redis_url() { printf 'redis://127.0.0.1:%s\n' "$SHOP_REDIS_PORT"; }

redis_bin() {
  command -v redis-server || die "redis-server not found (scripts/setup.sh installs redis-server)"
}

redis_is_running() { is_running "$(redis_proc)"; }

redis_alive() { recorded_pid_alive "$(redis_proc)"; }

# redis_ping: a Redis on the port answers PING, whoever started it.
redis_ping() {
  [[ $(timeout 3 redis-cli -h 127.0.0.1 -p "$SHOP_REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

redis_ready() { redis_is_running && redis_ping; }

redis_start() {
  local name pid bin
  name=$(redis_proc)
  bin=$(redis_bin)
  if redis_is_running; then
    log "redis: already running (PID $(pid_of "$name"), $(redis_url))"
  else
    if url_port_busy "$SHOP_REDIS_PORT"; then
      die "port $SHOP_REDIS_PORT on 127.0.0.1 is taken by another server; set SHOP_REDIS_PORT to a free port"
    fi
    mkdir -p "$REDIS_DIR"
    log "redis: starting $("$bin" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'), $(redis_url)"
    # --save "" and --appendonly no: rate-limit state may be lost at any time, so none
    # is written to disk. --daemonize no keeps the PID ours; --logfile "" logs to stdout,
    # which start_process appends to the log. volatile-ttl: every bucket has a TTL, and
    # the one closest to refilling anyway is the cheapest to forget.
    pid=$(start_process "$name" "$bin" \
      --port "$SHOP_REDIS_PORT" \
      --bind 127.0.0.1 \
      --dir "$REDIS_DIR" \
      --save "" \
      --appendonly no \
      --daemonize no \
      --logfile "" \
      --maxmemory "$SHOP_REDIS_MAXMEMORY" \
      --maxmemory-policy volatile-ttl)
    log "redis: started PID $pid, waiting for PONG on port $SHOP_REDIS_PORT"
  fi
  redis_await_ready
}

# redis_await_ready: waits (bounded) for PONG; fails early, with the end of the log,
# when the process has exited.
redis_await_ready() {
  local name
  name=$(redis_proc)
  if ! wait_until "$SHOP_REDIS_START_DEADLINE_S" "redis_ping || ! redis_alive"; then
    last_start_log "$name" >&2
    die "redis: no PONG on port $SHOP_REDIS_PORT after ${SHOP_REDIS_START_DEADLINE_S}s (log: $SHOP_LOG_DIR/$name.log)"
  fi
  if ! redis_alive; then
    last_start_log "$name" >&2
    die "redis: the process exited during start (log: $SHOP_LOG_DIR/$name.log)"
  fi
  log "redis: ready, $(redis_url)"
}

# redis_stop [deadline_seconds]
redis_stop() {
  stop_by_pidfile "$(redis_proc)" "${1:-20}"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start) redis_start ;;
    stop) redis_stop "${SHOP_STOP_DEADLINE_S:-20}" ;;
    status)
      if redis_ready; then
        echo "running, $(redis_url) (PID $(pid_of "$(redis_proc)"))"
      else
        echo "stopped"
        exit 1
      fi
      ;;
    url) redis_url ;;
    ready) redis_ready ;;
    *) die "usage: $0 start|stop|status|url|ready" ;;
  esac
fi

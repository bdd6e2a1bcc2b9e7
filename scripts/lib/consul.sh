#!/usr/bin/env bash
# The local stack's service registry: one Consul agent in development mode (a single
# server that keeps its catalog in memory) on 127.0.0.1, HTTP API on
# 127.0.0.1:$SHOP_CONSUL_PORT. The services register themselves there and health-check
# their /health; the gateway watches it to find their instances. Its data dir is
# $SHOP_VAR/consul-<port>, its log in $SHOP_LOG_DIR. Source it after common.sh and
# process.sh.
#
# Consul has no Debian package, so it is built once from its Go module into the tool
# cache. Every port follows from SHOP_CONSUL_PORT, so a second agent (for a test) runs
# beside the stack's with another port:
#   DNS <port>+100, gRPC <port>+102, gRPC TLS <port>+103,
#   Serf LAN <port>+201, Serf WAN <port>+202, server RPC <port>+200
# (8500 → 8600 8602 8603 8700 8701 8702: clear of the stack's other ports).
# Run directly:  scripts/lib/consul.sh start|stop|status|url|ready|fetch

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

CONSUL_VERSION=1.20.1
CONSUL_MODULE=github.com/hashicorp/consul

SHOP_CONSUL_PORT="${SHOP_CONSUL_PORT:-8500}"
SHOP_CONSUL_START_DEADLINE_S="${SHOP_CONSUL_START_DEADLINE_S:-30}"

# The process and its data dir are named after the HTTP port, so two agents keep
# separate PID files and state.
consul_proc() { printf 'consul-%s\n' "$SHOP_CONSUL_PORT"; }
consul_data_dir() { printf '%s/consul-%s\n' "$SHOP_VAR" "$SHOP_CONSUL_PORT"; }

consul_url() { printf 'http://127.0.0.1:%s\n' "$SHOP_CONSUL_PORT"; }
# What the services read as CONSUL_HTTP_ADDR.
consul_http_addr() { printf '127.0.0.1:%s\n' "$SHOP_CONSUL_PORT"; }

# consul_port <name>: the agent's other ports, as offsets from the HTTP port.
consul_port() {
  case $1 in
    http) echo "$SHOP_CONSUL_PORT" ;;
    dns) echo $((SHOP_CONSUL_PORT + 100)) ;;
    grpc) echo $((SHOP_CONSUL_PORT + 102)) ;;
    grpc-tls) echo $((SHOP_CONSUL_PORT + 103)) ;;
    server) echo $((SHOP_CONSUL_PORT + 200)) ;;
    serf-lan) echo $((SHOP_CONSUL_PORT + 201)) ;;
    serf-wan) echo $((SHOP_CONSUL_PORT + 202)) ;;
    *) die "unknown Consul port $1" ;;
  esac
}
CONSUL_PORT_NAMES=(http dns grpc grpc-tls server serf-lan serf-wan)

CONSUL_BIN=""
consul_need_bin() {
  [[ -n $CONSUL_BIN ]] && return 0
  local dir
  dir=$(ensure_tool consul "$CONSUL_VERSION" go_tool_builder \
    "$CONSUL_MODULE" "v$CONSUL_VERSION" "$CONSUL_MODULE" consul) || return 1
  CONSUL_BIN="$dir/bin/consul"
}

consul_is_running() { is_running "$(consul_proc)"; }

consul_alive() { recorded_pid_alive "$(consul_proc)"; }

# consul_answers: the agent's HTTP API names a Raft leader (an empty "" until the
# single dev server has elected itself), whoever started it.
consul_answers() {
  local leader
  leader=$(curl -fsS --max-time 2 "$(consul_url)/v1/status/leader" 2>/dev/null) || return 1
  [[ -n $leader && $leader != '""' ]]
}

consul_ready() { consul_is_running && consul_answers; }

consul_start() {
  local name pid port_name
  name=$(consul_proc)
  consul_need_bin || die "Consul $CONSUL_VERSION could not be built"
  if consul_is_running; then
    log "consul: already running (PID $(pid_of "$name"), $(consul_url))"
  else
    for port_name in "${CONSUL_PORT_NAMES[@]}"; do
      if url_port_busy "$(consul_port "$port_name")"; then
        die "port $(consul_port "$port_name") ($port_name) on 127.0.0.1 is taken by another server; set SHOP_CONSUL_PORT to a free port"
      fi
    done
    mkdir -p "$(consul_data_dir)"
    log "consul: starting $CONSUL_VERSION, API $(consul_url)"
    # -dev: one in-memory server, no bootstrap ceremony; -data-dir still takes its
    # node id and sockets, so two agents never share one. Update checks off.
    pid=$(start_process "$name" "$CONSUL_BIN" agent -dev \
      -bind 127.0.0.1 -client 127.0.0.1 \
      -node "shop-$SHOP_CONSUL_PORT" \
      -data-dir "$(consul_data_dir)" \
      -http-port "$(consul_port http)" \
      -dns-port "$(consul_port dns)" \
      -grpc-port "$(consul_port grpc)" \
      -grpc-tls-port "$(consul_port grpc-tls)" \
      -server-port "$(consul_port server)" \
      -serf-lan-port "$(consul_port serf-lan)" \
      -serf-wan-port "$(consul_port serf-wan)" \
      -disable-host-node-id \
      -hcl 'disable_update_check = true' \
      -log-level info)
    log "consul: started PID $pid, waiting for a leader at $(consul_url)/v1/status/leader"
  fi
  consul_await_ready
}

# consul_await_ready: waits (bounded) for a leader; fails early, with the end of the
# log, when the process has exited.
consul_await_ready() {
  local name
  name=$(consul_proc)
  if ! wait_until "$SHOP_CONSUL_START_DEADLINE_S" "consul_answers || ! consul_alive"; then
    last_start_log "$name" >&2
    die "consul: no leader at $(consul_url)/v1/status/leader after ${SHOP_CONSUL_START_DEADLINE_S}s (log: $SHOP_LOG_DIR/$name.log)"
  fi
  if ! consul_alive; then
    last_start_log "$name" >&2
    die "consul: the process exited during start (log: $SHOP_LOG_DIR/$name.log)"
  fi
  log "consul: ready, API $(consul_url)"
}

# consul_stop [deadline_seconds]
consul_stop() {
  stop_by_pidfile "$(consul_proc)" "${1:-20}"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start) consul_start ;;
    stop) consul_stop "${SHOP_STOP_DEADLINE_S:-20}" ;;
    status)
      if consul_ready; then
        echo "running, API $(consul_url) (PID $(pid_of "$(consul_proc)"))"
      else
        echo "stopped"
        exit 1
      fi
      ;;
    url) consul_url ;;
    ready) consul_ready ;;
    fetch) consul_need_bin && printf '%s\n' "$CONSUL_BIN" ;;
    *) die "usage: $0 start|stop|status|url|ready|fetch" ;;
  esac
fi

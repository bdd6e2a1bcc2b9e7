#!/usr/bin/env bash
# The local stack's RabbitMQ: one node with its state under $SHOP_VAR/rabbitmq (config,
# mnesia, logs, and the Erlang cookie in home/), listening on 127.0.0.1 only. Source it
# after common.sh and process.sh.
#
# Everything is derived from SHOP_AMQP_PORT, so a second node (for a test) runs beside
# the stack's with nothing more than another port and SHOP_VAR:
#   node name  shop-<port>@localhost
#   epmd       127.0.0.1:<port + 21000>  (our own epmd, started and stopped by PID)
#   Erlang distribution  127.0.0.1:<port + 20000>
# Nothing is written outside $SHOP_VAR: plugins stay disabled (the enabled-plugins file
# lives under config/), and the Debian files under /etc and /var/lib are not read.
# Run directly:  scripts/lib/rabbitmq.sh start|stop|status|ctl [rabbitmqctl args...]

if [[ -z ${SHOP_ROOT:-} ]]; then
  # shellcheck source=scripts/lib/common.sh
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
  # shellcheck source=scripts/lib/process.sh
  source "$(dirname "${BASH_SOURCE[0]}")/process.sh"
fi

SHOP_AMQP_PORT="${SHOP_AMQP_PORT:-5672}"
SHOP_AMQP_DIST_PORT="${SHOP_AMQP_DIST_PORT:-$((SHOP_AMQP_PORT + 20000))}"
SHOP_AMQP_EPMD_PORT="${SHOP_AMQP_EPMD_PORT:-$((SHOP_AMQP_PORT + 21000))}"
SHOP_AMQP_START_DEADLINE_S="${SHOP_AMQP_START_DEADLINE_S:-60}"
RABBITMQ_DIR="$SHOP_VAR/rabbitmq"
RABBITMQ_NODE="shop-$SHOP_AMQP_PORT@localhost"
# The Debian package's scripts without its /usr/sbin wrappers, which switch to the
# rabbitmq user and its cookie in /var/lib/rabbitmq.
RABBITMQ_BIN=/usr/lib/rabbitmq/bin

# The processes are named after the port, so two nodes keep separate PID files.
rabbitmq_proc() { printf 'rabbitmq-%s\n' "$SHOP_AMQP_PORT"; }
rabbitmq_epmd_proc() { printf 'rabbitmq-%s-epmd\n' "$SHOP_AMQP_PORT"; }

# amqp_url: where clients connect; guest may log in from loopback only, which is all
# this node listens on.
rabbitmq_url() { printf 'amqp://guest:guest@127.0.0.1:%s/\n' "$SHOP_AMQP_PORT"; }

# The environment of the server and of rabbitmqctl. Exported in the subshells that
# run them only.
rabbitmq_export_env() {
  export HOME="$RABBITMQ_DIR/home"
  export RABBITMQ_NODENAME="$RABBITMQ_NODE"
  export RABBITMQ_CONF_ENV_FILE="$RABBITMQ_DIR/config/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$RABBITMQ_DIR/config/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RABBITMQ_DIR/config/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBITMQ_DIR/config/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$RABBITMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RABBITMQ_DIR/log"
  export RABBITMQ_PID_FILE="$RABBITMQ_DIR/beam.pid"
  export RABBITMQ_DIST_PORT="$SHOP_AMQP_DIST_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export ERL_EPMD_PORT="$SHOP_AMQP_EPMD_PORT"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

# rabbitmq_ctl <args...>: rabbitmqctl against this node.
rabbitmq_ctl() {
  (
    rabbitmq_export_env
    "$RABBITMQ_BIN/rabbitmqctl" -q -n "$RABBITMQ_NODE" "$@"
  )
}

rabbitmq_write_config() {
  mkdir -p "$RABBITMQ_DIR/config" "$RABBITMQ_DIR/mnesia" "$RABBITMQ_DIR/log" "$RABBITMQ_DIR/home"
  chmod 700 "$RABBITMQ_DIR/home"
  cat >"$RABBITMQ_DIR/config/rabbitmq.conf" <<EOF
# Written by scripts/lib/rabbitmq.sh at every start; edit the script, not this file.
listeners.tcp.default = 127.0.0.1:$SHOP_AMQP_PORT
log.console = false
log.file.level = info
EOF
  echo '[].' >"$RABBITMQ_DIR/config/enabled_plugins"
  : >"$RABBITMQ_DIR/config/rabbitmq-env.conf"
}

rabbitmq_is_running() { is_running "$(rabbitmq_proc)"; }

# rabbitmq_ready: the node has booted and accepts AMQP connections.
rabbitmq_ready() {
  rabbitmq_is_running || return 1
  url_port_busy "$SHOP_AMQP_PORT" || return 1
  rabbitmq_ctl await_startup --timeout 5 >/dev/null 2>&1
}

rabbitmq_start_epmd() {
  local name
  name=$(rabbitmq_epmd_proc)
  is_running "$name" && return 0
  if url_port_busy "$SHOP_AMQP_EPMD_PORT"; then
    die "epmd port $SHOP_AMQP_EPMD_PORT on 127.0.0.1 is taken; set SHOP_AMQP_EPMD_PORT (or SHOP_AMQP_PORT) to another"
  fi
  local epmd
  epmd=$(command -v epmd) || die "epmd not found (run scripts/setup.sh)"
  start_process "$name" "$epmd" -address 127.0.0.1 -port "$SHOP_AMQP_EPMD_PORT" >/dev/null
  wait_until 10 "url_port_busy $SHOP_AMQP_EPMD_PORT" || die "epmd did not listen on 127.0.0.1:$SHOP_AMQP_EPMD_PORT"
}

rabbitmq_start() {
  local name
  name=$(rabbitmq_proc)
  [[ -x $RABBITMQ_BIN/rabbitmq-server ]] || die "RabbitMQ is not installed (run scripts/setup.sh)"
  if rabbitmq_is_running; then
    log "rabbitmq: already running (127.0.0.1:$SHOP_AMQP_PORT, node $RABBITMQ_NODE)"
    rabbitmq_await_startup
    return
  fi
  local port
  for port in "$SHOP_AMQP_PORT" "$SHOP_AMQP_DIST_PORT"; do
    if url_port_busy "$port"; then
      die "port $port on 127.0.0.1 is taken by another server; set SHOP_AMQP_PORT to a free port"
    fi
  done
  rabbitmq_write_config
  rabbitmq_start_epmd
  log "rabbitmq: starting node $RABBITMQ_NODE on 127.0.0.1:$SHOP_AMQP_PORT"
  # The server script stays as the parent of the Erlang VM and turns SIGTERM into an
  # orderly shutdown; its interpreter is what the PID file records.
  (
    rabbitmq_export_env
    start_process "$name" /bin/sh "$RABBITMQ_BIN/rabbitmq-server" >/dev/null
  )
  rabbitmq_await_startup
}

# rabbitmq_await_startup: waits (bounded) for the listener, then for the boot to finish.
rabbitmq_await_startup() {
  local name
  name=$(rabbitmq_proc)
  if ! wait_until "$SHOP_AMQP_START_DEADLINE_S" "url_port_busy $SHOP_AMQP_PORT || ! is_running $name"; then
    last_start_log "$name" >&2
    die "rabbitmq: not listening on 127.0.0.1:$SHOP_AMQP_PORT after ${SHOP_AMQP_START_DEADLINE_S}s (logs: $RABBITMQ_DIR/log)"
  fi
  if ! is_running "$name"; then
    last_start_log "$name" >&2
    die "rabbitmq: the node exited during start (logs: $RABBITMQ_DIR/log)"
  fi
  rabbitmq_ctl await_startup --timeout "$SHOP_AMQP_START_DEADLINE_S" >/dev/null ||
    die "rabbitmq: node $RABBITMQ_NODE did not finish booting (logs: $RABBITMQ_DIR/log)"
  log "rabbitmq: ready on 127.0.0.1:$SHOP_AMQP_PORT"
}

rabbitmq_stop() {
  local deadline_s=${1:-30} beam=""
  [[ -f $RABBITMQ_DIR/beam.pid ]] && beam=$(head -n1 "$RABBITMQ_DIR/beam.pid")
  stop_by_pidfile "$(rabbitmq_proc)" "$deadline_s"
  # Killed rather than stopped, the server script would leave its Erlang VM behind.
  if [[ $beam =~ ^[0-9]+$ ]] && proc_alive "$beam" &&
    [[ $(readlink "/proc/$beam/exe" 2>/dev/null) == */beam.smp ]]; then
    log "rabbitmq: Erlang VM $beam outlived its script; killing it"
    kill -KILL "$beam" 2>/dev/null || true
  fi
  rm -f "$RABBITMQ_DIR/beam.pid"
  # rabbitmqctl stop would leave epmd running; ours goes with the node.
  stop_by_pidfile "$(rabbitmq_epmd_proc)" 5
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start) rabbitmq_start ;;
    stop) rabbitmq_stop "${SHOP_STOP_DEADLINE_S:-30}" ;;
    status)
      if rabbitmq_ready; then echo "running on 127.0.0.1:$SHOP_AMQP_PORT (node $RABBITMQ_NODE)"; else echo "stopped"; exit 1; fi
      ;;
    url) rabbitmq_url ;;
    ctl) shift; rabbitmq_ctl "$@" ;;
    *) die "usage: $0 start|stop|status|url|ctl [rabbitmqctl args...]" ;;
  esac
fi

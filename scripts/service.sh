#!/usr/bin/env bash
# Stops, starts, restarts or reports one service of the stack scripts/up.sh runs: all of
# its replicas, or the one named. The processes get the environment up.sh gives them, so
# run it with the same variables (ports, SHOP_VAR) as up.sh.
#
# Usage: scripts/service.sh <stop|start|restart|status> <service> [replica]
#   stop     SIGTERM, wait, SIGKILL only after SHOP_STOP_DEADLINE_S (20 s); without a
#            replica, every one that has a PID file
#   start    starts what is not running (one running from the current build is left
#            alone) and waits until each /health is green, at most SHOP_HEALTH_DEADLINE_S
#            (60 s); without a replica, replicas 1 to the stack's REPLICAS
#   restart  stop, then start
#   status   one line per replica; exits 0 when each runs with its /health green, 1 when
#            one runs but is not healthy, 3 when one is not running (also when this stack
#            was not started by up.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
source "$ROOT/scripts/lib/process.sh"
source "$ROOT/scripts/lib/redis.sh"
source "$ROOT/scripts/lib/rabbitmq.sh"
source "$ROOT/scripts/lib/opensearch.sh"
source "$ROOT/scripts/lib/services.sh"

HEALTH_DEADLINE_S=${SHOP_HEALTH_DEADLINE_S:-60}
STOP_DEADLINE_S=${SHOP_STOP_DEADLINE_S:-20}

usage() { die "usage: $0 <stop|start|restart|status> <service> [replica]; services: ${SHOP_SERVICES[*]}"; }

(($# >= 2 && $# <= 3)) || usage
command=$1 svc=$2 replica=${3:-}
is_service "$svc" || usage
if [[ -n $replica ]]; then
  [[ $replica =~ ^[1-9][0-9]*$ ]] || die "replica must be a positive whole number, not '$replica'"
  service_replicated "$svc" || ((replica == 1)) || die "$svc runs one instance only"
  replicas=("$replica")
else
  mapfile -t replicas < <(service_replicas "$svc")
fi

stop() {
  local i
  for ((i = ${#replicas[@]} - 1; i >= 0; i--)); do
    stop_by_pidfile "$(instance_name "$svc" "${replicas[i]}")" "$STOP_DEADLINE_S"
  done
}

start() {
  local k
  shop_service_env_defaults
  shop_server_env_defaults
  for k in "${replicas[@]}"; do
    service_start "$svc" "$k" "$HEALTH_DEADLINE_S"
  done
}

status() {
  local k name url pid worst=0
  for k in "${replicas[@]}"; do
    name=$(instance_name "$svc" "$k")
    url=$(service_health_url "$svc" "$k")
    if ! pid=$(pid_of "$name"); then
      printf '%-22s stopped  %s\n' "$name" "$url"
      worst=3
    elif url_ok "$url"; then
      printf '%-22s running  %s  PID %s, healthy\n' "$name" "$url" "$pid"
    else
      printf '%-22s running  %s  PID %s, NOT healthy\n' "$name" "$url" "$pid"
      ((worst == 3)) || worst=1
    fi
  done
  return "$worst"
}

case $command in
  stop) stop ;;
  start) start ;;
  restart) stop && start ;;
  status) status ;;
  *) usage ;;
esac

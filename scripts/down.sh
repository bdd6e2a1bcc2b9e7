#!/usr/bin/env bash
# Stops what scripts/up.sh started: every instance of every service by its PID file
# (replicas left from an earlier, larger REPLICAS included; SIGTERM, wait, SIGKILL only
# after the deadline), in reverse start order, then Consul (once every service has
# deregistered), the search server, RabbitMQ (and its epmd), Redis, Mailpit, FerretDB and
# the PostgreSQL cluster under var/. Processes this stack did not start are left alone.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
source "$ROOT/scripts/lib/process.sh"
source "$ROOT/scripts/lib/postgres.sh"
source "$ROOT/scripts/lib/ferretdb.sh"
source "$ROOT/scripts/lib/mailpit.sh"
source "$ROOT/scripts/lib/redis.sh"
source "$ROOT/scripts/lib/rabbitmq.sh"
source "$ROOT/scripts/lib/consul.sh"
source "$ROOT/scripts/lib/opensearch.sh"
source "$ROOT/scripts/lib/services.sh"

STOP_DEADLINE_S=${SHOP_STOP_DEADLINE_S:-20}

for ((i = ${#SHOP_SERVICES[@]} - 1; i >= 0; i--)); do
  svc=${SHOP_SERVICES[i]}
  for k in $(service_replicas "$svc" | sort -rn); do
    stop_by_pidfile "$(instance_name "$svc" "$k")" "$STOP_DEADLINE_S"
  done
done
rm -f "$SHOP_RUN_DIR/replicas"

consul_stop "$STOP_DEADLINE_S"

os_stop

rabbitmq_stop "$STOP_DEADLINE_S"

redis_stop "$STOP_DEADLINE_S"

mailpit_stop "$STOP_DEADLINE_S"

ferretdb_stop "$STOP_DEADLINE_S"

if [[ -f $PG_DATA/PG_VERSION ]]; then
  pg_stop
fi
log "stack stopped"

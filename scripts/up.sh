#!/usr/bin/env bash
# Brings up the local stack: installs what is missing, builds the release preset,
# starts PostgreSQL, FerretDB (the MongoDB API on PostgreSQL, exported as ORDER_MONGO_URL),
# Mailpit (the mail server that captures every message, exported as SMTP_HOST/SMTP_PORT),
# Redis (the gateway replicas' shared rate-limit buckets, exported as REDIS_URL),
# RabbitMQ (exported as SHOP_AMQP_URL), Consul (the service registry the services
# register with, exported as CONSUL_HTTP_ADDR), the search server (OpenSearch, exported as
# SEARCH_URL) and every service in scripts/lib/services.sh as
# background processes (PID files in var/run/, logs in var/log/) and waits until each
# /health is green. The processes inherit this script's environment (see README,
# Configuration).
# REPLICAS=n (default 1) runs n instances of each service but payment-provider, replica
# k on the ports of replica 1 plus 100·(k-1) (scripts/lib/services.sh).
# Idempotent: services already running from the current build are left running; a
# service whose binary was rebuilt since it started is restarted, and replicas beyond
# REPLICAS (from an earlier, larger run) are stopped.
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

HEALTH_DEADLINE_S=${SHOP_HEALTH_DEADLINE_S:-60}

if [[ ${SHOP_SKIP_SETUP:-0} != 1 ]]; then
  "$ROOT/scripts/setup.sh"
fi
if [[ ${SHOP_SKIP_BUILD:-0} != 1 ]]; then
  "$ROOT/scripts/build.sh" "$SHOP_BUILD_PRESET"
fi

REPLICAS=${REPLICAS:-1}
[[ $REPLICAS =~ ^[1-9][0-9]*$ ]] || die "REPLICAS must be a positive whole number, not '$REPLICAS'"
mkdir -p "$SHOP_RUN_DIR" "$SHOP_LOG_DIR"
# service.sh and health-check.sh read the stack's size from here.
echo "$REPLICAS" >"$SHOP_RUN_DIR/replicas"

shop_service_env_defaults

pg_start
pg_ensure_stack_databases
ferretdb_start
mailpit_start
redis_start
rabbitmq_start
consul_start
os_start
shop_server_env_defaults

for svc in "${SHOP_SERVICES[@]}"; do
  count=1
  service_replicated "$svc" && count=$REPLICAS
  # One at a time: replica 1 runs the migrations before the others start.
  for ((k = 1; k <= count; k++)); do
    service_start "$svc" "$k" "$HEALTH_DEADLINE_S"
  done
  # Replicas beyond the count, from an earlier run with a larger REPLICAS.
  for k in $(service_replicas "$svc"); do
    if ((k > count)); then stop_by_pidfile "$(instance_name "$svc" "$k")"; fi
  done
done

cat <<EOF

Shop is up.
  gateway                http://$(service_host):$GATEWAY_PORT   (try: curl -s http://$(service_host):$GATEWAY_PORT/health)
$(for svc in "${SHOP_SERVICES[@]}"; do
  for k in $(service_replicas "$svc"); do
    name=$(instance_name "$svc" "$k")
    printf '  %-22s %s   PID %s, log var/log/%s.log\n' "$name" "$(service_health_url "$svc" "$k")" "$(pid_of "$name")" "$name"
  done
done)
  postgres               127.0.0.1:$SHOP_PG_PORT   data var/postgres/data, log var/log/postgres.log
  ferretdb               $(ferretdb_url)   PostgreSQL database shop_orders, log var/log/$(ferretdb_proc).log
  mailpit                $(mailpit_smtp_url)   mail viewer and API $(mailpit_url), log var/log/$(mailpit_proc).log
  redis                  $(redis_url)   rate-limit buckets (nothing on disk), log var/log/$(redis_proc).log
  rabbitmq               $(rabbitmq_url)   node $RABBITMQ_NODE, state and logs var/rabbitmq/
  consul                 $(consul_url)   service registry (UI $(consul_url)/ui/), log var/log/$(consul_proc).log
  opensearch             $(os_url)   data var/opensearch/data, log var/log/opensearch.log
  admin account          ${SHOP_ADMIN_EMAIL:-admin@shop.local}

  scripts/health-check.sh   check every service
  scripts/down.sh           stop everything
EOF

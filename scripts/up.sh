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
# Idempotent: services already running from the current build are left running; a
# service whose binary was rebuilt since it started is restarted.
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

replicas=${REPLICAS:-1}
if [[ $replicas != 1 ]]; then
  log "warning: REPLICAS=$replicas requested, but this stack runs one instance of each service for now; starting 1"
fi

shop_service_env_defaults
mkdir -p "$SHOP_RUN_DIR" "$SHOP_LOG_DIR"

pg_start
pg_ensure_stack_databases
ferretdb_start
mailpit_start
redis_start
# "-", not ":-": REDIS_URL set but empty is kept, and the gateway limits per replica.
export REDIS_URL="${REDIS_URL-$(redis_url)}"
rabbitmq_start
export SHOP_AMQP_URL="${SHOP_AMQP_URL:-$(rabbitmq_url)}"
consul_start
# "-", not ":-": CONSUL_HTTP_ADDR set but empty is kept, and the services register nowhere.
export CONSUL_HTTP_ADDR="${CONSUL_HTTP_ADDR-$(consul_http_addr)}"
os_start
export SEARCH_URL="${SEARCH_URL:-$(os_url)}"

for svc in "${SHOP_SERVICES[@]}"; do
  bin=$(service_binary "$svc")
  url=$(service_health_url "$svc")
  [[ -x $bin ]] || die "$svc: $bin does not exist; the build did not produce it"
  if is_running "$svc"; then
    if [[ $bin -nt $(pidfile_of "$svc") ]]; then
      log "$svc: binary rebuilt since it started; restarting"
      stop_by_pidfile "$svc"
    else
      log "$svc: already running (PID $(pid_of "$svc"))"
      wait_for_url "$svc" "$url" "$HEALTH_DEADLINE_S" || die "$svc is running but not healthy"
      continue
    fi
  fi
  if url_answers "$url"; then
    die "$svc: $url already answers, but not from a process this stack started; stop it or change the port"
  fi
  pid=$(start_process "$svc" "$bin")
  log "$svc: started PID $pid, waiting for $url"
  wait_for_url "$svc" "$url" "$HEALTH_DEADLINE_S" ||
    die "$svc did not become healthy (log: $SHOP_LOG_DIR/$svc.log); scripts/down.sh stops the rest"
  log "$svc: healthy"
done

cat <<EOF

Shop is up.
  gateway          http://$(service_host):$GATEWAY_PORT   (try: curl -s http://$(service_host):$GATEWAY_PORT/health)
$(for svc in "${SHOP_SERVICES[@]}"; do
  printf '  %-16s %s   PID %s, log var/log/%s.log\n' "$svc" "$(service_health_url "$svc")" "$(pid_of "$svc")" "$svc"
done)
  postgres         127.0.0.1:$SHOP_PG_PORT   data var/postgres/data, log var/log/postgres.log
  ferretdb         $(ferretdb_url)   PostgreSQL database shop_orders, log var/log/$(ferretdb_proc).log
  mailpit          $(mailpit_smtp_url)   mail viewer and API $(mailpit_url), log var/log/$(mailpit_proc).log
  redis            $(redis_url)   rate-limit buckets (nothing on disk), log var/log/$(redis_proc).log
  rabbitmq         $(rabbitmq_url)   node $RABBITMQ_NODE, state and logs var/rabbitmq/
  consul           $(consul_url)   service registry (UI $(consul_url)/ui/), log var/log/$(consul_proc).log
  opensearch       $(os_url)   data var/opensearch/data, log var/log/opensearch.log
  admin account    ${SHOP_ADMIN_EMAIL:-admin@shop.local}

  scripts/health-check.sh   check every service
  scripts/down.sh           stop everything
EOF

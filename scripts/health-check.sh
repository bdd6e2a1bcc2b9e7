#!/usr/bin/env bash
# Checks the stack: PostgreSQL, FerretDB, Mailpit, Redis, RabbitMQ, the search server, then
# GET /health of every instance of every service in scripts/lib/services.sh (each of the
# stack's REPLICAS, and any other replica with a PID file). One line per component;
# exits non-zero if any is not healthy.
# Usage: scripts/health-check.sh [-q]   (-q: print failures only)
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

quiet=0
[[ ${1:-} == -q ]] && quiet=1
failures=0

report() {  # report <ok|FAIL> <name> <where> <detail>
  [[ $1 == ok && $quiet == 1 ]] && return 0
  printf '%-4s  %-22s %-34s %s\n' "$1" "$2" "$3" "$4"
}

if pg_isready -q -h 127.0.0.1 -p "$SHOP_PG_PORT" -t 3 2>/dev/null; then
  report ok postgres "127.0.0.1:$SHOP_PG_PORT" "accepting connections"
else
  report FAIL postgres "127.0.0.1:$SHOP_PG_PORT" "not accepting connections"
  failures=$((failures + 1))
fi

if ferretdb_ping; then
  report ok ferretdb "127.0.0.1:$SHOP_MONGO_PORT" "answers ping (MongoDB API)"
else
  report FAIL ferretdb "127.0.0.1:$SHOP_MONGO_PORT" "no answer to ping"
  failures=$((failures + 1))
fi

if mailpit_answers; then
  report ok mailpit "$(mailpit_smtp_url)" "SMTP open, API answers at $(mailpit_url)"
else
  report FAIL mailpit "$(mailpit_smtp_url)" "SMTP closed or no API answer at $(mailpit_url)"
  failures=$((failures + 1))
fi

# The gateway runs without it (each replica then limits on its own), but the stack is not whole.
if redis_ping; then
  report ok redis "$(redis_url)" "answers PING"
else
  report FAIL redis "$(redis_url)" "no answer to PING"
  failures=$((failures + 1))
fi

# The AMQP listener opens only once the node has booted.
if url_port_busy "$SHOP_AMQP_PORT"; then
  report ok rabbitmq "127.0.0.1:$SHOP_AMQP_PORT" "accepting connections"
else
  report FAIL rabbitmq "127.0.0.1:$SHOP_AMQP_PORT" "not accepting connections"
  failures=$((failures + 1))
fi

# Services start and serve without it (they register once it is back), but nothing finds
# them through it meanwhile.
if consul_answers; then
  report ok consul "$(consul_url)" "leader elected"
else
  report FAIL consul "$(consul_url)" "no answer or no leader"
  failures=$((failures + 1))
fi

# Services run without it (listings fall back to PostgreSQL), but the stack is not whole.
if os_ready; then
  report ok opensearch "$(os_url)" "cluster yellow or green"
else
  report FAIL opensearch "$(os_url)" "no healthy cluster"
  failures=$((failures + 1))
fi

for svc in "${SHOP_SERVICES[@]}"; do
  for k in $(service_replicas "$svc"); do
    name=$(instance_name "$svc" "$k")
    url=$(service_health_url "$svc" "$k")
    body=$(mktemp)
    code=$(curl -sS -o "$body" -w '%{http_code}' --max-time 3 "$url" 2>/dev/null) || true
    detail=$(tr -d '\n' <"$body" | cut -c1-200)
    rm -f "$body"
    if [[ $code == 200 ]]; then
      report ok "$name" "$url" "$detail"
    elif [[ -z $code || $code == 000 ]]; then
      report FAIL "$name" "$url" "no answer"
      failures=$((failures + 1))
    else
      report FAIL "$name" "$url" "HTTP $code $detail"
      failures=$((failures + 1))
    fi
  done
done

if ((failures > 0)); then
  [[ $quiet == 1 ]] || echo "$failures component(s) unhealthy"
  exit 1
fi

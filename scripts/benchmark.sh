#!/usr/bin/env bash
# Throughput of the gateway beside nginx on the same machine, in the same run
# (docs/benchmarks.md). Needs the stack up (./scripts/up.sh). For each target, wrk
# runs with BENCH_CONNECTIONS connections (256) for BENCH_DURATION (30s):
#   nginx     a static file with the same body as the gateway's /health
#   health    gateway GET /health
#   users/me  gateway GET /api/v1/users/me with a bearer token (gateway → gRPC → PostgreSQL)
#   product   gateway GET /api/v1/products/{id} (gateway → gRPC → PostgreSQL)
#   search    gateway GET /api/v1/products?q=... (gateway → gRPC → search server)
# and prints a Markdown table of requests/s, p50, p99 and the ratio to nginx. Then
# product-service's gRPC ReserveStock with BENCH_RESERVERS (64) concurrent reservers for
# BENCH_RESERVE_SECONDS (30), all on one product, then each on a product of its own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
source "$ROOT/scripts/lib/bench.sh"

RESERVERS="${BENCH_RESERVERS:-64}"
RESERVE_SECONDS="${BENCH_RESERVE_SECONDS:-30}"
CATALOG_SIZE="${BENCH_CATALOG_SIZE:-1000}"
NGINX_PORT="${BENCH_NGINX_PORT:-18081}"
bench_init 256

start_nginx() {
  mkdir -p "$BENCH_DIR/www"
  chmod 755 "$BENCH_DIR" "$BENCH_DIR/www"
  curl -fsS "$gateway/health" >"$BENCH_DIR/www/health.json"
  cat >"$BENCH_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $BENCH_DIR/nginx.pid;
error_log $BENCH_DIR/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $BENCH_DIR/www;
    location / { default_type application/json; }
  }
}
CONF
  nginx -c "$BENCH_DIR/nginx.conf" -p "$BENCH_DIR"
  wait_until 10 "[[ -s $BENCH_DIR/nginx.pid ]]" || die "nginx did not start"
}

stop_nginx() {
  [[ -s $BENCH_DIR/nginx.pid ]] || return 0
  local pid
  pid=$(cat "$BENCH_DIR/nginx.pid")
  kill -QUIT "$pid" 2>/dev/null || true
  wait_until 10 "! proc_alive $pid" || kill -KILL "$pid" 2>/dev/null || true
}

# seed_catalog <admin token> <count>: products with varied names, prices and words, so
# searches work on a catalog rather than on a handful of rows.
seed_catalog() {
  python3 - "$gateway" "$1" "$2" <<'PY'
import http.client, json, random, secrets, sys, urllib.parse
base, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
words = ["lamp", "desk", "chair", "table", "shelf", "light", "oak", "steel", "wool", "glass",
         "blue", "green", "small", "large", "modern", "classic", "office", "garden", "kitchen", "sofa"]
rng = random.Random(7)  # the same catalog every run, under SKUs of this run
run = secrets.token_hex(4)
for i in range(count):
    name = " ".join(rng.sample(words, 3)).title()
    body = {"sku": f"SEED-{run}-{i}", "name": name,
            "description": " ".join(rng.sample(words, 8)), "price_cents": rng.randint(100, 100000),
            "currency": "EUR"}
    conn.request("POST", "/api/v1/products", json.dumps(body),
                 {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    answer = conn.getresponse()
    answer.read()
    if answer.status != 201:
        sys.exit(f"seeding failed: {answer.status}")
PY
}

trap stop_nginx EXIT
start_nginx
token=$(access_token)
results=()
results+=("$(run_wrk nginx "http://127.0.0.1:$NGINX_PORT/health.json")")
results+=("$(run_wrk health "$gateway/health")")
results+=("$(run_wrk users-me "$gateway/api/v1/users/me" -H "Authorization: Bearer $token")")
admin=$(admin_token)
log "seeding $CATALOG_SIZE products"
seed_catalog "$admin" "$CATALOG_SIZE"
product=$(bench_product "$admin" "Bench desk lamp")
results+=("$(run_wrk product "$gateway/api/v1/products/$product")")
results+=("$(run_wrk search "$gateway/api/v1/products?q=lamp&page_size=20")")

nginx_rps=$(awk '{print $2}' <<<"${results[0]}")
printf '\n| target | requests/s | p50 | p99 | non-2xx | vs nginx |\n|---|---|---|---|---|---|\n'
for row in "${results[@]}"; do
  read -r label rps p50 p99 errors <<<"$row"
  ratio=$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "$errors" "$ratio"
done
printf '\nwrk: %s connections, 2 threads, %s per target; raw output in %s\n' "$CONNECTIONS" "$DURATION" "$BENCH_DIR"

load="$SHOP_BUILD_DIR/benchmarks/reservation_load"
[[ -x $load ]] || die "$load is missing: run scripts/build.sh"
spread=()
for ((i = 0; i < RESERVERS; i++)); do spread+=("$(bench_product "$admin" "Bench spread $i")"); done
printf '\nReserveStock, %s reservers, %s s each:\n' "$RESERVERS" "$RESERVE_SECONDS"
printf '  one hot product:   %s\n' "$("$load" "$PRODUCT_SERVICE_GRPC_ADDR" "$RESERVERS" "$RESERVE_SECONDS" "$product")"
printf '  %s products:       %s\n' "$RESERVERS" "$("$load" "$PRODUCT_SERVICE_GRPC_ADDR" "$RESERVERS" "$RESERVE_SECONDS" "${spread[@]}")"

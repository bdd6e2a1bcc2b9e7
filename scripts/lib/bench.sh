# shellcheck shell=bash
# What the benchmark scripts share: the stack they measure (bench_init), accounts and
# products made through the gateway at $gateway, and wrk runs with CONNECTIONS
# connections for DURATION, raw output kept in $BENCH_DIR. Source after common.sh; it
# sources process.sh and services.sh.
# shellcheck source=scripts/lib/process.sh
source "$SHOP_ROOT/scripts/lib/process.sh"
# shellcheck source=scripts/lib/services.sh
source "$SHOP_ROOT/scripts/lib/services.sh"

# bench_init <default connections>: sets DURATION (BENCH_DURATION, 30s), CONNECTIONS
# (BENCH_CONNECTIONS), BENCH_DIR and gateway, and stops unless the stack is up and wrk
# is at hand.
# shellcheck disable=SC2034  # DURATION, CONNECTIONS and BENCH_DIR are read by the callers too
bench_init() {
  DURATION="${BENCH_DURATION:-30s}"
  CONNECTIONS="${BENCH_CONNECTIONS:-$1}"
  BENCH_DIR="$SHOP_VAR/bench"
  mkdir -p "$BENCH_DIR"
  shop_service_env_defaults
  gateway="http://$(service_host):$GATEWAY_PORT"
  url_ok "$gateway/health" || die "the stack is not up: run ./scripts/up.sh first"
  command -v wrk >/dev/null || die "wrk is missing: run ./scripts/setup.sh"
}

# access_token: registers a new customer and prints its access token
access_token() {
  local email="bench-$RANDOM$RANDOM@example.com" password="bench-password-1"
  curl -fsS -X POST "$gateway/api/v1/auth/register" \
    --json "{\"email\":\"$email\",\"password\":\"$password\",\"name\":\"Bench\"}" >/dev/null
  curl -fsS -X POST "$gateway/api/v1/auth/login" --json "{\"email\":\"$email\",\"password\":\"$password\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# admin_token: logs in as the stack's admin and prints the access token
admin_token() {
  curl -fsS -X POST "$gateway/api/v1/auth/login" \
    --json "{\"email\":\"${SHOP_ADMIN_EMAIL:-admin@shop.local}\",\"password\":\"${SHOP_ADMIN_PASSWORD:-admin-change-me}\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# bench_product <admin token> <name>: creates a product with plenty of stock, prints its id
bench_product() {
  local id
  id=$(curl -fsS -X POST "$gateway/api/v1/products" -H "Authorization: Bearer $1" \
    --json "{\"sku\":\"BENCH-$RANDOM$RANDOM\",\"name\":\"$2\",\"description\":\"Benchmark lamp\",\"price_cents\":1999,\"currency\":\"EUR\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  curl -fsS -X PUT "$gateway/api/v1/products/$id/inventory" -H "Authorization: Bearer $1" \
    --json '{"quantity":1000000000}' >/dev/null
  printf '%s\n' "$id"
}

# run_wrk <label> <url> [wrk options] [-- script args]: prints "label rps p50 p99 non2xx"
run_wrk() {
  local label=$1 url=$2
  shift 2
  local options=() out
  while (($#)) && [[ $1 != -- ]]; do
    options+=("$1")
    shift
  done
  out=$(wrk --latency -t2 -c"$CONNECTIONS" -d"$DURATION" "${options[@]}" "$url" "$@")
  printf '%s\n' "$out" >"$BENCH_DIR/wrk-$label.txt"
  awk -v label="$label" '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { errors = $5 }
    END { printf "%s %s %s %s %s\n", label, rps, p50, p99, (errors == "" ? 0 : errors) }' <<<"$out"
}

#!/usr/bin/env bash
# Gateway overhead (docs/benchmarks.md): the same product read through the gateway and
# straight from product-service, one after the other in the same run, BENCH_DURATION
# (30s) each, with BENCH_CONNECTIONS (256) requests in flight throughout:
#   gateway       wrk, 256 connections: GET /api/v1/products/{id} (HTTP/1.1, JSON)
#   grpc-<n>ch    product_read_load, 256 GetProduct calls in flight over n HTTP/2
#                 connections, for each n in BENCH_GRPC_CHANNELS ("1 256"): 1 is how
#                 the gateway itself reaches product-service, 256 is one per caller as
#                 wrk has (benchmarks/product_read_load.cpp)
# and prints a Markdown table of requests/s, p50, p99 and errors, with each direct row's
# ratio gateway/direct and the gateway's extra p99. Needs the stack up, and a gateway
# whose read budget lets the load through: RATE_LIMIT_READ_PER_MINUTE=10000000 when
# starting it (the limiter still decides every request, it just never refuses). The
# script checks the budget on a probe, and prints the load averages before and after
# and the limiter's decisions counted by the gateway during the run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
source "$ROOT/scripts/lib/bench.sh"

GRPC_CHANNELS="${BENCH_GRPC_CHANNELS-1 256}"  # set but empty: the gateway alone
# At least this many reads a minute, or part of the run would be 429s.
MIN_READ_BUDGET=1000000
bench_init 256
load="$SHOP_BUILD_DIR/benchmarks/product_read_load"
[[ -x $load ]] || die "$load is missing: run scripts/build.sh"
# The first instance when up.sh listed several (REPLICAS), as the gateway's /health does.
product_grpc="${PRODUCT_SERVICE_GRPC_ADDR%%,*}"

# seconds_of <wrk duration>: 30s, 2m or 1h in whole seconds
seconds_of() {
  case $1 in
  *s) printf '%s\n' "${1%s}" ;;
  *m) printf '%s\n' "$((${1%m} * 60))" ;;
  *h) printf '%s\n' "$((${1%h} * 3600))" ;;
  *) printf '%s\n' "$1" ;;
  esac
}

# read_budget <url>: the RateLimit-Limit the gateway answers a read with; "off" without one
read_budget() {
  local limit
  limit=$(curl -fsS -D - -o /dev/null "$1" | tr -d '\r' |
    awk -F': ' 'tolower($1) == "ratelimit-limit" { print $2 }')
  printf '%s\n' "${limit:-off}"
}

# limiter_counts: "allowed limited fallback" read decisions so far, from the gateway's /metrics
limiter_counts() {
  curl -fsS "$gateway/metrics" | awk '
    /^shop_gateway_rate_limit_decisions_total\{.*class="read".*decision="allowed"/ { allowed = $NF }
    /^shop_gateway_rate_limit_decisions_total\{.*class="read".*decision="limited"/ { limited = $NF }
    /^shop_gateway_rate_limit_fallback_decisions_total/ { fallback = $NF }
    END { printf "%d %d %d\n", allowed, limited, fallback }'
}

# run_grpc <channels>: prints "grpc-<n>ch rps p50 p99 failed" like run_wrk
run_grpc() {
  local out
  out=$("$load" "$product_grpc" "$CONNECTIONS" "$1" "$(seconds_of "$DURATION")" "$product") || true
  printf '%s\n' "$out" >"$BENCH_DIR/grpc-$1ch.txt"
  awk -v label="grpc-$1ch" '
    $1 == "requests/s" { printf "%s %.2f %.2fms %.2fms %s\n", label, $2, $4, $6, $10 }' <<<"$out"
}

admin=$(admin_token)
product=$(bench_product "$admin" "Gateway bench lamp")
product_url="$gateway/api/v1/products/$product"
budget=$(read_budget "$product_url")
if [[ $budget != off ]] && ((budget < MIN_READ_BUDGET)); then
  die "the gateway allows $budget reads a minute per client: restart it with RATE_LIMIT_READ_PER_MINUTE=10000000 (or RATE_LIMIT_ENABLED=false)"
fi

# Whose CPU time is counted: the two services, and Redis, which the gateway's rate
# limiter calls on every request.
watched=(api-gateway product-service "redis-${SHOP_REDIS_PORT:-6379}")

# cpu_ticks: CPU time (user + system, clock ticks) each watched process has used so far,
# one number per process, 0 for one not running
cpu_ticks() {
  local name pid
  for name in "${watched[@]}"; do
    if pid=$(pid_of "$name"); then
      sed 's/.*) //' "/proc/$pid/stat" | awk '{ printf "%d ", $12 + $13 }'
    else
      printf '0 '
    fi
  done
  printf '\n'
}

# measure <command...>: runs a command printing a result row, adds the row to results
# and "label µs..." (CPU per successful request of each watched process) to cpu
results=()
cpu=()
measure() {
  local before row label rps
  before=$(cpu_ticks)
  row=$("$@")
  results+=("$row")
  read -r label rps _ <<<"$row"
  cpu+=("$(awk -v label="$label" -v rps="$rps" -v seconds="$(seconds_of "$DURATION")" \
    -v hz="$(getconf CLK_TCK)" -v before="$before" -v after="$(cpu_ticks)" '
    BEGIN {
      n = split(before, b, " ")
      split(after, a, " ")
      printf "%s", label
      for (i = 1; i <= n; i++) printf " %.0f", 1e6 * (a[i] - b[i]) / hz / (rps * seconds)
      printf "\n"
    }')")
}

load_before=$(uptime)
counts_before=$(limiter_counts)
measure run_wrk gateway "$product_url"
counts_after=$(limiter_counts)
for channels in $GRPC_CHANNELS; do
  measure run_grpc "$channels"
done
load_after=$(uptime)

# p99 difference in ms; wrk writes latencies as 850.00us, 12.34ms or 1.20s
read -r _ gateway_rps _ gateway_p99 _ <<<"${results[0]}"
printf '\n| target | requests/s | p50 | p99 | errors | gateway / direct | gateway p99 − direct p99 |\n'
printf '|---|---|---|---|---|---|---|\n'
for row in "${results[@]}"; do
  read -r label rps p50 p99 errors <<<"$row"
  if [[ $label == gateway ]]; then
    printf '| %s | %s | %s | %s | %s | | |\n' "$label" "$rps" "$p50" "$p99" "$errors"
    continue
  fi
  awk -v label="$label" -v rps="$rps" -v p50="$p50" -v p99="$p99" -v errors="$errors" \
    -v g_rps="$gateway_rps" -v g_p99="$gateway_p99" '
    function ms(t) {
      if (t ~ /us$/) return substr(t, 1, length(t) - 2) / 1000
      if (t ~ /ms$/) return substr(t, 1, length(t) - 2) + 0
      if (t ~ /s$/) return substr(t, 1, length(t) - 1) * 1000
      return t + 0
    }
    BEGIN {
      printf "| %s | %s | %s | %s | %s | %.0f%% | %+.2fms |\n", label, rps, p50, p99, errors,
        100 * g_rps / rps, ms(g_p99) - ms(p99)
    }'
done

printf '\nCPU per request (µs, user + system, from /proc):\n\n| target |'
printf ' %s |' "${watched[@]}"
printf '\n|---|%s\n' "$(printf -- '---|%.0s' "${watched[@]}")"
for row in "${cpu[@]}"; do
  printf '| %s |\n' "${row// / | }"
done

read -r allowed_before limited_before fallback_before <<<"$counts_before"
read -r allowed_after limited_after fallback_after <<<"$counts_after"
if [[ $budget == off ]]; then
  printf '\nrate limiter during the gateway run: off\n'
else
  printf '\nrate limiter during the gateway run: read budget %s a minute per client; ' "$budget"
  printf '%s allowed, %s limited, %s decided in-process because Redis did not answer\n' \
    "$((allowed_after - allowed_before))" "$((limited_after - limited_before))" \
    "$((fallback_after - fallback_before))"
fi
# The gateway says at start whether it limits, and where its buckets are.
printf 'gateway: %s\n' "$(grep -h 'rate limit' "$SHOP_LOG_DIR/api-gateway.log" | tail -n 1)"
printf 'load before: %s\nload after:  %s\n' "$load_before" "$load_after"
printf '%s requests in flight, %s per target; raw output in %s\n' "$CONNECTIONS" "$DURATION" "$BENCH_DIR"

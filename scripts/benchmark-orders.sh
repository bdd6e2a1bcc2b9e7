#!/usr/bin/env bash
# Orders per second end to end through the gateway (docs/benchmarks.md): BENCH_CUSTOMERS
# (64) customers keep BENCH_CONNECTIONS (64) connections busy for BENCH_DURATION (30s),
# each request a new order of one unit paid with the test card that succeeds: gateway ->
# order-service -> product-service (prices, reservation, commit) and the payment
# provider (card token, charge), the order log in FerretDB. Then the orders' final
# states, and where the CPU went (perf, when BENCH_PROFILE=1). Needs the stack up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
source "$ROOT/scripts/lib/bench.sh"

CUSTOMERS="${BENCH_CUSTOMERS:-64}"
bench_init 64

admin=$(admin_token)
product=$(bench_product "$admin" "Order bench lamp")
log "registering $CUSTOMERS customers"
tokens=()
for ((i = 0; i < CUSTOMERS; i++)); do tokens+=("$(access_token)"); done
token_list=$(IFS=,; printf '%s' "${tokens[*]}")
run_id="$(date +%s)$RANDOM"

profile_pid=""
if [[ ${BENCH_PROFILE:-0} == 1 ]]; then
  command -v perf >/dev/null || die "perf is missing (Debian linux-perf)"
  # cpu-clock: this VM offers no hardware counters. 10 s in the middle of the run.
  (sleep 10 && perf record -e cpu-clock -a -g -o "$BENCH_DIR/orders.perf" -- sleep 10) \
    >"$BENCH_DIR/perf-record.log" 2>&1 &
  profile_pid=$!
fi

row=$(run_wrk orders "$gateway/api/v1/orders" -s "$ROOT/benchmarks/order_load.lua" -- \
  "$run_id" "$product" "$token_list")
[[ -n $profile_pid ]] && wait "$profile_pid"
read -r _ rps p50 p99 errors <<<"$row"
printf '\n| orders/s | p50 | p99 | non-2xx | connections | customers |\n|---|---|---|---|---|---|\n'
printf '| %s | %s | %s | %s | %s | %s |\n' "$rps" "$p50" "$p99" "$errors" "$CONNECTIONS" "$CUSTOMERS"

# How the orders ended: read back through the gateway, one customer's list at a time.
python3 - "$gateway" "$token_list" <<'PY'
import collections, json, sys, urllib.request
gateway, tokens = sys.argv[1], sys.argv[2].split(",")
states = collections.Counter()
for token in tokens:
    request = urllib.request.Request(f"{gateway}/api/v1/orders", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        for order in json.load(answer).get("orders", []):
            states[order["status"]] += 1
print("\norders by status (the newest 100 per customer):", dict(states))
PY
if [[ -n $profile_pid ]]; then
  perf report -i "$BENCH_DIR/orders.perf" --no-children --sort comm --stdio 2>/dev/null |
    grep -E '^ +[0-9]' | head -15 || true
fi
printf '\nraw output in %s\n' "$BENCH_DIR"

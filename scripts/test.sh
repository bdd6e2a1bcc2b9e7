#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions called through step() and the EXIT trap
# Runs every test of the project, in this order:
#   setup → lint (clang-format) → build (release) → clang-tidy → unit tests (ctest -L unit) →
#   unit tests under ASan/UBSan (preset asan-ubsan) → the local stack (up.sh) →
#   integration gtests (ctest -L integration: database shop_test, the search server, RabbitMQ,
#   FerretDB's database shop_test, Mailpit, Redis, Consul) →
#   integration tests (pytest tests/integration) → end-to-end tests (pytest tests/e2e)
# and prints a summary. Exits non-zero if any step failed. The stack is stopped on exit
# unless it was already running before this script started.
set -uo pipefail
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
cd "$ROOT"

PRESET=release
PYTEST="$ROOT/.venv/bin/pytest"
STEP_NAMES=()
STEP_RESULTS=()
STEP_TIMES=()
failed=0

record() {  # record <name> <PASS|FAIL|SKIP> <seconds> [note]
  STEP_NAMES+=("$1")
  STEP_RESULTS+=("$2${4:+ ($4)}")
  STEP_TIMES+=("$3")
  [[ $2 == FAIL ]] && failed=1
  return 0
}

# step <name> <command...>: runs it, records PASS or FAIL; returns its status.
step() {
  local name=$1 start=$SECONDS status
  shift
  printf '\n===== %s =====\n' "$name" >&2
  "$@"
  status=$?
  if ((status == 0)); then
    record "$name" PASS $((SECONDS - start))
  else
    record "$name" FAIL $((SECONDS - start)) "exit $status"
  fi
  return $status
}

skip() { record "$1" SKIP 0 "$2"; }

summary() {
  printf '\n===== summary =====\n'
  local i
  for i in "${!STEP_NAMES[@]}"; do
    printf '  %-24s %-28s %5ss\n' "${STEP_NAMES[i]}" "${STEP_RESULTS[i]}" "${STEP_TIMES[i]}"
  done
  if ((failed)); then printf 'RESULT: FAILED\n'; else printf 'RESULT: PASSED\n'; fi
}

stack_was_up=0
stop_stack_on_exit() {
  local status=$?
  if ((stack_started)) && ((stack_was_up == 0)); then
    printf '\n===== stopping the stack =====\n' >&2
    "$ROOT/scripts/down.sh" || true
  elif ((stack_was_up)); then
    log "the stack was running before the tests; leaving it running"
  fi
  exit "$status"
}
stack_started=0
trap stop_stack_on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ctest_label <label> [extra ctest args]: runs the tests with that label; a label that
# has no tests yet passes with a note instead of failing the run.
ctest_label() {
  local label=$1
  shift
  local listing count
  listing=$(ctest --preset "$PRESET" -N -L "$label") || return 1
  count=$(sed -n 's/^Total Tests: *//p' <<<"$listing")
  if [[ -z $count || $count == 0 ]]; then
    log "no tests labelled '$label' yet"
    return 0
  fi
  ctest --preset "$PRESET" -L "$label" --no-tests=error "$@"
}

# The unit tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitized_unit_tests() {
  "$ROOT/scripts/build.sh" asan-ubsan || return 1
  ctest --preset asan-ubsan -L unit --no-tests=error
}

integration_gtests() {
  pg_recreate_database shop_test shop || return 1
  SHOP_TEST_DATABASE_URL="postgresql://shop@127.0.0.1:$SHOP_PG_PORT/shop_test" \
    SHOP_TEST_SEARCH_URL="${SHOP_TEST_SEARCH_URL:-${SEARCH_URL:-$(os_url)}}" \
    SHOP_TEST_AMQP_URL="$(rabbitmq_url)" SHOP_VAR="$SHOP_VAR" \
    SHOP_TEST_MONGO_URL="mongodb://127.0.0.1:$SHOP_MONGO_PORT/shop_test" \
    SHOP_TEST_SMTP_URL="$(mailpit_smtp_url)" SHOP_TEST_MAILPIT_URL="$(mailpit_url)" \
    SHOP_TEST_CONSUL_URL="$(consul_url)" \
    SHOP_TEST_REDIS_URL="$(redis_url)" \
    ctest_label integration
}

skip_rest() {
  local name
  for name in "$@"; do skip "$name" "$SKIP_REASON"; done
  return 1
}

run_all() {
  SKIP_REASON="setup failed"
  step setup "$ROOT/scripts/setup.sh" ||
    skip_rest build unit stack-up integration-gtest integration-pytest e2e || return 1
  step lint "$ROOT/scripts/lint.sh"
  SKIP_REASON="build failed"
  step build "$ROOT/scripts/build.sh" "$PRESET" ||
    skip_rest unit stack-up integration-gtest integration-pytest e2e || return 1
  step tidy "$ROOT/scripts/tidy.sh" "$PRESET"
  step unit ctest_label unit
  step unit-asan-ubsan sanitized_unit_tests

  shop_service_env_defaults
  if "$ROOT/scripts/health-check.sh" -q >/dev/null 2>&1; then
    stack_was_up=1
  fi
  stack_started=1
  SKIP_REASON="stack not up"
  step stack-up env SHOP_SKIP_SETUP=1 SHOP_SKIP_BUILD=1 "$ROOT/scripts/up.sh" ||
    skip_rest integration-gtest integration-pytest e2e || return 1
  step integration-gtest integration_gtests
  step integration-pytest "$PYTEST" tests/integration --tb=short -ra
  step e2e env SHOP_GATEWAY_URL="http://$(service_host):$GATEWAY_PORT" SHOP_MAILPIT_URL="$(mailpit_url)" \
    "$PYTEST" tests/e2e -v --tb=short
}

run_all
if [[ ${#STEP_NAMES[@]} -gt 0 ]]; then
  summary
fi
exit $failed

#!/usr/bin/env bash
# The local stack's mail server: one Mailpit process that accepts SMTP on
# 127.0.0.1:$SHOP_SMTP_PORT, keeps every message it receives, and shows them through its
# web UI and REST API on 127.0.0.1:$SHOP_MAILPIT_HTTP_PORT (GET /api/v1/messages). Its
# mailbox is a SQLite file under $SHOP_VAR/mailpit, so mail survives a restart; its log
# is in $SHOP_LOG_DIR. Source it after common.sh and process.sh.
#
# Mailpit has no Debian package, so it is built once from its Go module into the tool
# cache. Everything follows from the two ports, so a second instance (for a test) runs
# beside the stack's with other ports (and, if it should not share them, another SHOP_VAR).
# The services reach it as SMTP_HOST:SMTP_PORT (mailpit_smtp_host, SHOP_SMTP_PORT).
# Run directly:  scripts/lib/mailpit.sh start|stop|status|url|smtp-url|ready|fetch

if [[ -z ${SHOP_ROOT:-} ]]; then
  # shellcheck source=scripts/lib/common.sh
  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
  # shellcheck source=scripts/lib/process.sh
  source "$(dirname "${BASH_SOURCE[0]}")/process.sh"
fi
if ! declare -F ensure_tool >/dev/null; then
  # shellcheck source=scripts/lib/tools.sh
  source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
fi

MAILPIT_VERSION=1.33.1
MAILPIT_MODULE=github.com/axllent/mailpit

SHOP_SMTP_PORT="${SHOP_SMTP_PORT:-1025}"
SHOP_MAILPIT_HTTP_PORT="${SHOP_MAILPIT_HTTP_PORT:-8025}"
SHOP_MAILPIT_START_DEADLINE_S="${SHOP_MAILPIT_START_DEADLINE_S:-30}"
MAILPIT_DIR="$SHOP_VAR/mailpit"

# The process and its mailbox are named after the SMTP port, so two instances keep
# separate PID files and never write to the same database.
mailpit_proc() { printf 'mailpit-%s\n' "$SHOP_SMTP_PORT"; }
mailpit_database() { printf '%s/mailpit-%s.db\n' "$MAILPIT_DIR" "$SHOP_SMTP_PORT"; }

mailpit_smtp_host() { printf '127.0.0.1\n'; }
mailpit_smtp_url() { printf 'smtp://%s:%s\n' "$(mailpit_smtp_host)" "$SHOP_SMTP_PORT"; }
mailpit_url() { printf 'http://127.0.0.1:%s\n' "$SHOP_MAILPIT_HTTP_PORT"; }

MAILPIT_BIN=""
mailpit_need_bin() {
  [[ -n $MAILPIT_BIN ]] && return 0
  local dir
  dir=$(ensure_tool mailpit "$MAILPIT_VERSION" go_tool_builder \
    "$MAILPIT_MODULE" "v$MAILPIT_VERSION" "$MAILPIT_MODULE" mailpit) || return 1
  MAILPIT_BIN="$dir/bin/mailpit"
}

mailpit_is_running() { is_running "$(mailpit_proc)"; }

mailpit_alive() { recorded_pid_alive "$(mailpit_proc)"; }

# mailpit_answers: the API answers and the SMTP listener is open, whoever started it.
mailpit_answers() {
  url_ok "$(mailpit_url)/api/v1/info" && url_port_busy "$SHOP_SMTP_PORT"
}

mailpit_ready() { mailpit_is_running && mailpit_answers; }

mailpit_start() {
  local name pid port
  name=$(mailpit_proc)
  mailpit_need_bin || die "Mailpit $MAILPIT_VERSION could not be built"
  if mailpit_is_running; then
    log "mailpit: already running (PID $(pid_of "$name"), $(mailpit_smtp_url))"
  else
    for port in "$SHOP_SMTP_PORT" "$SHOP_MAILPIT_HTTP_PORT"; do
      if url_port_busy "$port"; then
        die "port $port on 127.0.0.1 is taken by another server; set SHOP_SMTP_PORT (or SHOP_MAILPIT_HTTP_PORT) to a free port"
      fi
    done
    mkdir -p "$MAILPIT_DIR"
    log "mailpit: starting $MAILPIT_VERSION, SMTP 127.0.0.1:$SHOP_SMTP_PORT, API $(mailpit_url)"
    # --max 0: keep every message until it is deleted (the default drops all but 500).
    # Any SMTP credentials are accepted, also over plain SMTP, so a service configured
    # for a real relay can send here unchanged. No reverse DNS: this machine has none.
    pid=$(start_process "$name" "$MAILPIT_BIN" \
      --smtp "127.0.0.1:$SHOP_SMTP_PORT" \
      --listen "127.0.0.1:$SHOP_MAILPIT_HTTP_PORT" \
      --database "$(mailpit_database)" \
      --max 0 \
      --smtp-auth-accept-any \
      --smtp-auth-allow-insecure \
      --smtp-disable-rdns \
      --disable-version-check)
    log "mailpit: started PID $pid, waiting for $(mailpit_url)/api/v1/info"
  fi
  mailpit_await_ready
}

# mailpit_await_ready: waits (bounded) for the API and the SMTP port; fails early, with
# the end of the log, when the process has exited.
mailpit_await_ready() {
  local name
  name=$(mailpit_proc)
  if ! wait_until "$SHOP_MAILPIT_START_DEADLINE_S" "mailpit_answers || ! mailpit_alive"; then
    last_start_log "$name" >&2
    die "mailpit: $(mailpit_url)/api/v1/info or SMTP port $SHOP_SMTP_PORT not answering after ${SHOP_MAILPIT_START_DEADLINE_S}s (log: $SHOP_LOG_DIR/$name.log)"
  fi
  if ! mailpit_alive; then
    last_start_log "$name" >&2
    die "mailpit: the process exited during start (log: $SHOP_LOG_DIR/$name.log)"
  fi
  log "mailpit: ready, SMTP $(mailpit_smtp_url), API $(mailpit_url)"
}

# mailpit_stop [deadline_seconds]
mailpit_stop() {
  stop_by_pidfile "$(mailpit_proc)" "${1:-20}"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start) mailpit_start ;;
    stop) mailpit_stop "${SHOP_STOP_DEADLINE_S:-20}" ;;
    status)
      if mailpit_ready; then
        echo "running, SMTP $(mailpit_smtp_url), API $(mailpit_url) (PID $(pid_of "$(mailpit_proc)"))"
      else
        echo "stopped"
        exit 1
      fi
      ;;
    url) mailpit_url ;;
    smtp-url) mailpit_smtp_url ;;
    ready) mailpit_ready ;;
    fetch) mailpit_need_bin && printf '%s\n' "$MAILPIT_BIN" ;;
    *) die "usage: $0 start|stop|status|url|smtp-url|ready|fetch" ;;
  esac
fi

# shellcheck shell=bash
# Background processes with PID files, and waiting on conditions with a deadline.
# Source it after common.sh; do not run it.
#
# A PID file holds two lines: the PID and the executable it was started from. A
# process counts as ours only while both still match, so a PID the kernel has since
# reused for another program is never signalled.

SHOP_RUN_DIR="${SHOP_RUN_DIR:-$SHOP_VAR/run}"
SHOP_LOG_DIR="${SHOP_LOG_DIR:-$SHOP_VAR/log}"

# proc_alive <pid>: the process exists and is not a zombie waiting to be reaped.
proc_alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 1
  state=${state%% *}  # the field after "(comm)"
  [[ -n $state && $state != Z ]]
}

pidfile_of() { printf '%s/%s.pid\n' "$SHOP_RUN_DIR" "$1"; }

# pid_of <name>: prints the PID of the live process recorded for <name>; fails when
# there is none (no PID file, process gone, or the PID now runs another program).
pid_of() {
  local pidfile pid exe actual
  pidfile=$(pidfile_of "$1")
  [[ -f $pidfile ]] || return 1
  { read -r pid; read -r exe; } <"$pidfile" || true
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  proc_alive "$pid" || return 1
  actual=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  actual=${actual% (deleted)}  # the binary was rebuilt while the process runs
  [[ -z $exe || $actual == "$exe" ]] || return 1
  printf '%s\n' "$pid"
}

is_running() { pid_of "$1" >/dev/null; }

# recorded_pid_alive <name>: the PID in <name>'s PID file lives. Only the PID: right after
# a start nohup may still be exec'ing the program, and is_running's executable check
# would take that for a stranger.
recorded_pid_alive() {
  local pidfile
  pidfile=$(pidfile_of "$1")
  [[ -f $pidfile ]] && proc_alive "$(head -n1 "$pidfile")"
}

# url_port_busy <port>: something listens on 127.0.0.1:<port>.
url_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_process <name> <executable> [args...]: starts it in the background with the
# current environment, stdout and stderr appended to $SHOP_LOG_DIR/<name>.log, and
# records its PID file. Prints the PID.
start_process() {
  local name=$1 given=$2 exe
  shift 2
  local log="$SHOP_LOG_DIR/$name.log" pidfile
  pidfile=$(pidfile_of "$name")
  mkdir -p "$SHOP_RUN_DIR" "$SHOP_LOG_DIR"
  exe=$(readlink -f "$given")
  [[ -x $exe ]] || die "$name: $exe is not an executable"
  printf '\n--- %s start %s\n' "$(date -u +%FT%TZ)" "$name" >>"$log"
  # nohup execs the program itself, so $! is the service's own PID. Background jobs of
  # a non-interactive shell ignore SIGINT; SIGTERM is how these processes are stopped.
  # It runs under the name it was given: a multi-call binary picks its role from it
  # (redis-server is a link to redis-check-rdb), while the PID file records the
  # resolved executable, which is what /proc/<pid>/exe shows.
  nohup "$given" "$@" </dev/null >>"$log" 2>&1 &
  local pid=$!
  printf '%s\n%s\n' "$pid" "$exe" >"$pidfile.tmp"
  mv -f "$pidfile.tmp" "$pidfile"
  printf '%s\n' "$pid"
}

# stop_by_pidfile <name> [deadline_seconds]: SIGTERM, wait until the process is gone,
# SIGKILL as the last resort when the deadline passes. Removes the PID file.
stop_by_pidfile() {
  local name=$1 deadline_s=${2:-20} pidfile pid
  pidfile=$(pidfile_of "$name")
  if ! pid=$(pid_of "$name"); then
    [[ -f $pidfile ]] && log "$name: not running (stale PID file removed)"
    rm -f "$pidfile"
    return 0
  fi
  log "$name: stopping PID $pid (SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  if wait_until "$deadline_s" "! proc_alive $pid"; then
    log "$name: stopped"
  else
    log "$name: still running after ${deadline_s}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 5 "! proc_alive $pid" || die "$name: PID $pid survives SIGKILL"
  fi
  rm -f "$pidfile"
}

# wait_until <deadline_seconds> <shell condition>: polls the condition until it holds
# (returns 0) or the deadline passes (returns 1).
wait_until() {
  local deadline_s=$1 condition=$2
  local end=$((SECONDS + deadline_s))
  while true; do
    if eval "$condition"; then return 0; fi
    ((SECONDS < end)) || return 1
    sleep 0.2  # poll interval, not synchronization: the condition decides
  done
}

# url_ok <url>: the URL answers 2xx within 2 seconds.
url_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

# url_answers <url>: something answers HTTP at the URL (any status).
url_answers() {
  local code
  code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null) || true
  [[ -n $code && $code != 000 ]]
}

# last_start_log <name>: the end of the log lines written since the latest start.
last_start_log() {
  local file="$SHOP_LOG_DIR/$1.log"
  [[ -f $file ]] || return 0
  tac "$file" | sed '/^--- .* start /q' | tac | tail -n 40
}

# wait_for_url <name> <url> <deadline_seconds>: waits until the URL answers 2xx. Fails
# early, with the end of the log, when <name>'s recorded process has exited.
wait_for_url() {
  local name=$1 url=$2 deadline_s=$3
  local end=$((SECONDS + deadline_s))
  while ! url_ok "$url"; do
    if [[ -f $(pidfile_of "$name") ]] && ! recorded_pid_alive "$name"; then
      log "$name exited before $url became healthy; end of $SHOP_LOG_DIR/$name.log:"
      last_start_log "$name" >&2
      return 1
    fi
    if ((SECONDS >= end)); then
      log "$name: $url not healthy after ${deadline_s}s; end of $SHOP_LOG_DIR/$name.log:"
      last_start_log "$name" >&2
      return 1
    fi
    sleep 0.2  # poll interval
  done
}

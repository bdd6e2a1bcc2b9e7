# shellcheck shell=bash
# The services of the local stack, in start order, where each one answers, and how one
# instance of a service is started. Source it after common.sh and process.sh. up.sh
# starts exactly these, down.sh stops them in reverse order, health-check.sh checks each
# one's /health, and service.sh stops and starts them one at a time.
#
# Adding a service (e.g. product-service on 3002): append its name to SHOP_SERVICES
# in start order (before api-gateway), and give it lines in service_port_spec and,
# if it needs its own database, in shop_service_env_defaults.
#
# Replicas: every service but payment-provider runs REPLICAS instances (see
# service_replicated). Replica 1 keeps the service's own name (PID file, log) and
# ports; replica k > 1 is named <service>-<k> and listens on each of replica 1's ports
# plus 100·(k-1), e.g. product-service-2 on 3102 (HTTP) and 50152 (gRPC).

# shellcheck disable=SC2034  # read by the scripts that source this file
SHOP_SERVICES=(user-service product-service payment-provider order-service notification-service api-gateway)
SHOP_BUILD_PRESET="${SHOP_BUILD_PRESET:-release}"
SHOP_BUILD_DIR="${SHOP_BUILD_DIR:-$SHOP_ROOT/build/$SHOP_BUILD_PRESET}"
SHOP_REPLICA_PORT_STEP=100

service_binary() { printf '%s/%s/%s\n' "$SHOP_BUILD_DIR" "$1" "$1"; }

is_service() {
  local svc
  for svc in "${SHOP_SERVICES[@]}"; do [[ $svc == "$1" ]] && return 0; done
  return 1
}

# payment-provider stands in for an external provider: one instance, whatever REPLICAS.
service_replicated() { [[ $1 != payment-provider ]]; }

# service_port_spec <service> <http|grpc>: the variable holding replica 1's port and its
# default; fails when the service has no such port.
service_port_spec() {
  case $1:$2 in
    user-service:http) echo USER_HTTP_PORT 3001 ;;
    user-service:grpc) echo USER_GRPC_PORT 50051 ;;
    product-service:http) echo PRODUCT_HTTP_PORT 3002 ;;
    product-service:grpc) echo PRODUCT_GRPC_PORT 50052 ;;
    payment-provider:http) echo PAYMENT_PROVIDER_PORT 3005 ;;
    order-service:http) echo ORDER_HTTP_PORT 3003 ;;
    order-service:grpc) echo ORDER_GRPC_PORT 50053 ;;
    notification-service:http) echo NOTIFICATION_HTTP_PORT 3004 ;;
    notification-service:grpc) echo NOTIFICATION_GRPC_PORT 50054 ;;
    api-gateway:http) echo GATEWAY_PORT 8080 ;;
    *) return 1 ;;
  esac
}

# service_port <service> <http|grpc> [replica]: the port of that replica (default 1).
service_port() {
  local spec var default
  spec=$(service_port_spec "$1" "$2") || return 1
  read -r var default <<<"$spec"
  echo $((${!var:-$default} + SHOP_REPLICA_PORT_STEP * (${3:-1} - 1)))
}

service_http_port() { service_port "$1" http "${2:-1}" || die "unknown service $1"; }

# instance_name <service> <replica>: the name of its PID file and log.
instance_name() {
  if (($2 == 1)); then echo "$1"; else echo "$1-$2"; fi
}

# stack_replicas: how many instances of each replicated service the stack runs: REPLICAS
# when set, else what up.sh last started (recorded in $SHOP_RUN_DIR/replicas), else 1.
stack_replicas() {
  local n=${REPLICAS:-}
  [[ -n $n ]] || n=$(cat "$SHOP_RUN_DIR/replicas" 2>/dev/null) || n=1
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "REPLICAS must be a positive whole number, not '$n'"
  echo "$n"
}

# service_replicas <service>: the replica numbers to care about, one a line, ascending:
# 1 to stack_replicas, and any other one that has a PID file (left over from an earlier,
# larger REPLICAS, or started by hand with service.sh).
service_replicas() {
  local svc=$1 n=1 file k
  service_replicated "$svc" && n=$(stack_replicas)
  {
    seq 1 "$n"
    for file in "$SHOP_RUN_DIR/$svc"-*.pid; do
      k=${file##*/"$svc"-}
      k=${k%.pid}
      [[ $k =~ ^[0-9]+$ ]] && echo "$k"
    done
  } | sort -nu
}

# Where to reach a service from this machine: its bind address, or loopback when it
# binds every interface.
service_host() {
  case ${BIND_ADDRESS:-127.0.0.1} in
    0.0.0.0 | :: | "[::]") echo 127.0.0.1 ;;
    *) echo "${BIND_ADDRESS:-127.0.0.1}" ;;
  esac
}

# service_health_url <service> [replica]
service_health_url() { printf 'http://%s:%s/health\n' "$(service_host)" "$(service_http_port "$1" "${2:-1}")"; }

# replica_addresses <service> [grpc|http]: host:port of every replica's gRPC (default) or
# HTTP port, joined by commas: the upstream list callers use when no registry is
# configured, and the instances the gateway's health probe tries.
replica_addresses() {
  local k list=""
  for ((k = 1; k <= $(stack_replicas); k++)); do
    list+="${list:+,}127.0.0.1:$(service_port "$1" "${2:-grpc}" "$k")"
  done
  echo "$list"
}

# Defaults for the variables that tie the processes together, derived from the ports
# so that changing one port keeps the stack consistent. Whatever the caller already
# set wins; everything else in the environment passes through unchanged.
shop_service_env_defaults() {
  export SHOP_PG_PORT="${SHOP_PG_PORT:-5432}"
  export USER_HTTP_PORT="${USER_HTTP_PORT:-3001}"
  export USER_GRPC_PORT="${USER_GRPC_PORT:-50051}"
  export USER_DATABASE_URL="${USER_DATABASE_URL:-postgresql://shop@127.0.0.1:$SHOP_PG_PORT/shop_users}"
  export PRODUCT_HTTP_PORT="${PRODUCT_HTTP_PORT:-3002}"
  export PRODUCT_GRPC_PORT="${PRODUCT_GRPC_PORT:-50052}"
  export PRODUCT_DATABASE_URL="${PRODUCT_DATABASE_URL:-postgresql://shop@127.0.0.1:$SHOP_PG_PORT/shop_products}"
  export PAYMENT_PROVIDER_PORT="${PAYMENT_PROVIDER_PORT:-3005}"
  export PAYMENT_PROVIDER_DATABASE_URL="${PAYMENT_PROVIDER_DATABASE_URL:-postgresql://shop@127.0.0.1:$SHOP_PG_PORT/shop_payments}"
  export ORDER_HTTP_PORT="${ORDER_HTTP_PORT:-3003}"
  export ORDER_GRPC_PORT="${ORDER_GRPC_PORT:-50053}"
  export ORDER_MONGO_URL="${ORDER_MONGO_URL:-mongodb://127.0.0.1:${SHOP_MONGO_PORT:-27017}/shop_orders}"
  export NOTIFICATION_HTTP_PORT="${NOTIFICATION_HTTP_PORT:-3004}"
  export NOTIFICATION_GRPC_PORT="${NOTIFICATION_GRPC_PORT:-50054}"
  export NOTIFICATION_DATABASE_URL="${NOTIFICATION_DATABASE_URL:-postgresql://shop@127.0.0.1:$SHOP_PG_PORT/shop_notifications}"
  export SMTP_HOST="${SMTP_HOST:-127.0.0.1}"
  export SMTP_PORT="${SMTP_PORT:-${SHOP_SMTP_PORT:-1025}}"
  export GATEWAY_PORT="${GATEWAY_PORT:-8080}"
  # The local Consul agent (scripts/lib/consul.sh); set but empty, nothing registers.
  export CONSUL_HTTP_ADDR="${CONSUL_HTTP_ADDR-127.0.0.1:${SHOP_CONSUL_PORT:-8500}}"
  # Every replica's address, for callers without the registry and for the gateway's
  # health probe, which reports a service up while any of its instances is.
  export USER_SERVICE_GRPC_ADDR="${USER_SERVICE_GRPC_ADDR:-$(replica_addresses user-service)}"
  export USER_SERVICE_HTTP_ADDR="${USER_SERVICE_HTTP_ADDR:-$(replica_addresses user-service http)}"
  export PRODUCT_SERVICE_GRPC_ADDR="${PRODUCT_SERVICE_GRPC_ADDR:-$(replica_addresses product-service)}"
  export PRODUCT_SERVICE_HTTP_ADDR="${PRODUCT_SERVICE_HTTP_ADDR:-$(replica_addresses product-service http)}"
  export PAYMENT_PROVIDER_URL="${PAYMENT_PROVIDER_URL:-http://127.0.0.1:$PAYMENT_PROVIDER_PORT}"
  export ORDER_SERVICE_GRPC_ADDR="${ORDER_SERVICE_GRPC_ADDR:-$(replica_addresses order-service)}"
  export ORDER_SERVICE_HTTP_ADDR="${ORDER_SERVICE_HTTP_ADDR:-$(replica_addresses order-service http)}"
  export NOTIFICATION_SERVICE_GRPC_ADDR="${NOTIFICATION_SERVICE_GRPC_ADDR:-$(replica_addresses notification-service)}"
  export NOTIFICATION_SERVICE_HTTP_ADDR="${NOTIFICATION_SERVICE_HTTP_ADDR:-$(replica_addresses notification-service http)}"
  # The local stack's clients, its test suites included, all sign in from 127.0.0.1:
  # one address, so its sign-in budget is that of many customers.
  export RATE_LIMIT_AUTH_PER_MINUTE="${RATE_LIMIT_AUTH_PER_MINUTE:-600}"
  # The local stack lets webhooks target loopback receivers (API.md, Notifications).
  export WEBHOOK_ALLOW_PRIVATE="${WEBHOOK_ALLOW_PRIVATE:-1}"
}

# Where the services find the servers of the stack (CONSUL_HTTP_ADDR is set above).
# Needs redis.sh, rabbitmq.sh and opensearch.sh sourced. Whatever the caller already set
# wins.
shop_server_env_defaults() {
  # "-", not ":-": REDIS_URL set but empty is kept, and the gateway limits per replica.
  export REDIS_URL="${REDIS_URL-$(redis_url)}"
  export SHOP_AMQP_URL="${SHOP_AMQP_URL:-$(rabbitmq_url)}"
  export SEARCH_URL="${SEARCH_URL:-$(os_url)}"
}

# with_replica_ports <service> <replica> <command...>: runs the command with the
# service's port variables moved to that replica's ports.
with_replica_ports() {
  local svc=$1 k=$2 kind var
  shift 2
  (
    for kind in http grpc; do
      var=$(service_port_spec "$svc" "$kind") || continue
      export "${var%% *}=$(service_port "$svc" "$kind" "$k")"
    done
    "$@"
  )
}

# service_start <service> <replica> <health_deadline_s>: starts that instance with the
# current environment and waits until its /health is green. One already running from
# the current build is left running; one whose binary was rebuilt since is restarted.
# Needs shop_service_env_defaults and shop_server_env_defaults run first.
service_start() {
  local svc=$1 k=$2 deadline_s=$3 name bin url pid
  name=$(instance_name "$svc" "$k")
  bin=$(service_binary "$svc")
  url=$(service_health_url "$svc" "$k")
  [[ -x $bin ]] || die "$name: $bin does not exist; the build did not produce it"
  if is_running "$name"; then
    if [[ $bin -nt $(pidfile_of "$name") ]]; then
      log "$name: binary rebuilt since it started; restarting"
      stop_by_pidfile "$name"
    else
      log "$name: already running (PID $(pid_of "$name"))"
      wait_for_url "$name" "$url" "$deadline_s" || die "$name is running but not healthy"
      return 0
    fi
  fi
  if url_answers "$url"; then
    die "$name: $url already answers, but not from a process this stack started; stop it or change the port"
  fi
  pid=$(with_replica_ports "$svc" "$k" start_process "$name" "$bin")
  log "$name: started PID $pid, waiting for $url"
  wait_for_url "$name" "$url" "$deadline_s" ||
    die "$name did not become healthy (log: $SHOP_LOG_DIR/$name.log); scripts/down.sh stops the rest"
  log "$name: healthy"
}

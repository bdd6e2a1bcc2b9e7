# shellcheck shell=bash
# The services of the local stack, in start order, and where each one answers.
# Source it after common.sh. up.sh starts exactly these, down.sh stops them in reverse
# order, and health-check.sh checks each one's /health.
#
# Adding a service (e.g. product-service on 3002): append its name to SHOP_SERVICES
# in start order (before api-gateway), and give it a line in service_http_port and,
# if it needs its own database, in shop_service_env_defaults.

# shellcheck disable=SC2034  # read by the scripts that source this file
SHOP_SERVICES=(user-service product-service payment-provider order-service notification-service api-gateway)
SHOP_BUILD_PRESET="${SHOP_BUILD_PRESET:-release}"
SHOP_BUILD_DIR="${SHOP_BUILD_DIR:-$SHOP_ROOT/build/$SHOP_BUILD_PRESET}"

service_binary() { printf '%s/%s/%s\n' "$SHOP_BUILD_DIR" "$1" "$1"; }

service_http_port() {
  case $1 in
    user-service) echo "${USER_HTTP_PORT:-3001}" ;;
    product-service) echo "${PRODUCT_HTTP_PORT:-3002}" ;;
    payment-provider) echo "${PAYMENT_PROVIDER_PORT:-3005}" ;;
    order-service) echo "${ORDER_HTTP_PORT:-3003}" ;;
    notification-service) echo "${NOTIFICATION_HTTP_PORT:-3004}" ;;
    api-gateway) echo "${GATEWAY_PORT:-8080}" ;;
    *) die "unknown service $1" ;;
  esac
}

# Where to reach a service from this machine: its bind address, or loopback when it
# binds every interface.
service_host() {
  case ${BIND_ADDRESS:-127.0.0.1} in
    0.0.0.0 | :: | "[::]") echo 127.0.0.1 ;;
    *) echo "${BIND_ADDRESS:-127.0.0.1}" ;;
  esac
}

service_health_url() { printf 'http://%s:%s/health\n' "$(service_host)" "$(service_http_port "$1")"; }

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
  export USER_SERVICE_GRPC_ADDR="${USER_SERVICE_GRPC_ADDR:-127.0.0.1:$USER_GRPC_PORT}"
  export USER_SERVICE_HTTP_ADDR="${USER_SERVICE_HTTP_ADDR:-127.0.0.1:$USER_HTTP_PORT}"
  export PRODUCT_SERVICE_GRPC_ADDR="${PRODUCT_SERVICE_GRPC_ADDR:-127.0.0.1:$PRODUCT_GRPC_PORT}"
  export PRODUCT_SERVICE_HTTP_ADDR="${PRODUCT_SERVICE_HTTP_ADDR:-127.0.0.1:$PRODUCT_HTTP_PORT}"
  export PAYMENT_PROVIDER_URL="${PAYMENT_PROVIDER_URL:-http://127.0.0.1:$PAYMENT_PROVIDER_PORT}"
  export ORDER_SERVICE_GRPC_ADDR="${ORDER_SERVICE_GRPC_ADDR:-127.0.0.1:$ORDER_GRPC_PORT}"
  export ORDER_SERVICE_HTTP_ADDR="${ORDER_SERVICE_HTTP_ADDR:-127.0.0.1:$ORDER_HTTP_PORT}"
  export NOTIFICATION_SERVICE_GRPC_ADDR="${NOTIFICATION_SERVICE_GRPC_ADDR:-127.0.0.1:$NOTIFICATION_GRPC_PORT}"
  export NOTIFICATION_SERVICE_HTTP_ADDR="${NOTIFICATION_SERVICE_HTTP_ADDR:-127.0.0.1:$NOTIFICATION_HTTP_PORT}"
  # The local stack's clients, its test suites included, all sign in from 127.0.0.1:
  # one address, so its sign-in budget is that of many customers.
  export RATE_LIMIT_AUTH_PER_MINUTE="${RATE_LIMIT_AUTH_PER_MINUTE:-600}"
  # The local stack lets webhooks target loopback receivers (API.md, Notifications).
  export WEBHOOK_ALLOW_PRIVATE="${WEBHOOK_ALLOW_PRIVATE:-1}"
}

#!/usr/bin/env bash
# Installs everything Shop needs on a Debian bookworm machine. Idempotent: a second
# run with nothing missing finishes in a few seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"

APT_PACKAGES=(
  # build
  cmake ninja-build ccache pkg-config g++ clang-format clang-tidy
  # C++ libraries (bookworm)
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev
  prometheus-cpp-dev libpq-dev libsodium-dev libcurl4-openssl-dev libssl-dev librabbitmq-dev
  libmongoc-dev libbson-dev libhiredis-dev
  libspdlog-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
  # servers and tools
  postgresql postgresql-contrib rabbitmq-server redis-server wrk nginx-light curl
  # the search server: OpenSearch jars from Maven Central (scripts/lib/opensearch.sh)
  maven openjdk-17-jdk-headless
)
BACKPORTS_PACKAGES=(libboost1.83-dev libboost-json1.83-dev libboost-url1.83-dev opentelemetry-cpp-dev)

# bookworm-backports: the same mirror the machine already uses for bookworm, with
# the suite renamed. The host name is read at run time, never written in the repo.
ensure_backports_source() {
  local target=/etc/apt/sources.list.d/shop-backports.list
  [[ -f $target ]] && return 0
  local uri
  uri=$(apt-get indextargets --format '$(SITE) $(RELEASE)' 2>/dev/null |
    awk '$2 == "bookworm" { print $1; exit }')
  if [[ -z $uri ]]; then
    uri=$(grep -rhoE '^(URIs:|deb) +[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
      awk '{print $2}' | grep -v security | head -n1)
  fi
  [[ -n $uri ]] || die "cannot derive a Debian mirror from the apt configuration"
  echo "deb ${uri%/} bookworm-backports main" >"$target"
}

missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

install_debian_packages() {
  ensure_backports_source
  local missing missing_bp
  missing=$(missing_packages "${APT_PACKAGES[@]}")
  missing_bp=$(missing_packages "${BACKPORTS_PACKAGES[@]}")
  [[ -z $missing && -z $missing_bp ]] && return 0
  log "installing Debian packages: $missing $missing_bp"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  [[ -z $missing ]] || apt-get install -y -qq --no-install-recommends $missing
  # shellcheck disable=SC2086
  [[ -z $missing_bp ]] || apt-get install -y -qq --no-install-recommends -t bookworm-backports $missing_bp
}

create_python_env() {
  local venv="$ROOT/.venv" req="$ROOT/tests/requirements.txt"
  local stamp="$venv/.requirements.sha256"
  local want
  want=$(sha256sum "$req" | cut -d' ' -f1)
  [[ -f $stamp && $(cat "$stamp") == "$want" ]] && return 0
  log "creating Python test environment in .venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$req"
  echo "$want" >"$stamp"
}

install_debian_packages
create_python_env
log "setup complete"

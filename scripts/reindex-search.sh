#!/usr/bin/env bash
# Rebuilds product-service's search index from PostgreSQL with no downtime: a new
# versioned index is filled while searches keep using the old one, the alias moves to it
# in one step, products changed meanwhile are written again, and the old index is
# deleted. Uses the same configuration as the running stack (see README).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
source "$ROOT/scripts/lib/process.sh"
source "$ROOT/scripts/lib/opensearch.sh"
source "$ROOT/scripts/lib/services.sh"

shop_service_env_defaults
export SEARCH_URL="${SEARCH_URL:-$(os_url)}"
bin=$(service_binary product-service)
[[ -x $bin ]] || die "$bin does not exist: run scripts/build.sh first"
exec "$bin" reindex

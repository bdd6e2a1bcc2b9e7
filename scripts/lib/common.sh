# Shared helpers for the project's shell scripts. Source it; do not run it.
SHOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHOP_VAR="${SHOP_VAR:-$SHOP_ROOT/var}"
# Servers built or fetched from registries live here, keyed by name and version,
# outside the repo so that fresh clones reuse them.
SHOP_TOOL_CACHE="${SHOP_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shop-tools}"

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

#!/usr/bin/env bash
# Configures and builds one CMake preset (debug, release, asan-ubsan; default release).
# Usage: scripts/build.sh [preset] [extra arguments for cmake --build]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"

preset=${1:-release}
[[ $# -gt 0 ]] && shift
cd "$ROOT"
# Paths relative to the checkout in ccache's keys: another clone (CI's) reuses the cache.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"
# Debug info names the build directory; leaving it out of the hash lets a clone elsewhere
# reuse the cache (its debug info then names the first clone's directory).
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
log "configuring preset $preset"
cmake --preset "$preset" >/dev/null
log "building preset $preset"
cmake --build --preset "$preset" "$@"
log "build ($preset) complete: build/$preset"

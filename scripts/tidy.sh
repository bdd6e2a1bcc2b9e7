#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the repo root) over the project's C++ sources, using the
# compile commands of a configured preset (default release). Any finding fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/common.sh"
cd "$ROOT"
preset=${1:-release}
[[ -f build/$preset/compile_commands.json ]] || die "build/$preset is not configured: run scripts/build.sh $preset"
mkdir -p "$SHOP_VAR"
mapfile -t files < <(git ls-files '*.cpp' | grep -v '^tests/')
# The build uses GCC warning flags that clang does not know.
run-clang-tidy -quiet -j "$(nproc)" -p "build/$preset" -extra-arg=-Wno-unknown-warning-option \
  "${files[@]}" >"$SHOP_VAR/clang-tidy.log" 2>&1 || {
  grep -E 'warning:|error:' "$SHOP_VAR/clang-tidy.log" | sort -u >&2
  die "clang-tidy found problems (full output: var/clang-tidy.log)"
}
log "clang-tidy: ${#files[@]} files clean"

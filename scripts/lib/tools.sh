# shellcheck shell=bash
# Servers and tools that are not Debian packages (FerretDB, OpenSearch, Consul, k6, ...)
# are built or fetched once, at a pinned version, into $SHOP_TOOL_CACHE/<name>/<version>,
# and reused from there by every clone of the repo. Source after common.sh.
#
#   ensure_tool <name> <version> <builder> [builder args...]
#     prints the tool's directory; runs `<builder> <empty dir> [args...]` only when that
#     name and version are not cached yet. A build that fails leaves nothing behind, and
#     concurrent callers wait for one build instead of racing (flock).
#
#   go_tool_builder <dir> <module> <version> <package> <binary> [go.mod lines...]
#     a builder for Go commands: a throwaway wrapper module that requires <module> at
#     <version> (plus any replace/exclude lines the target's own go.mod needs, which a
#     plain `go install` would ignore), blank-imports <package>, and builds <dir>/bin/<binary>.

tool_dir() { printf '%s/%s/%s\n' "$SHOP_TOOL_CACHE" "$1" "$2"; }

ensure_tool() {
  local name=$1 version=$2 builder=$3
  shift 3
  local dir staging
  dir=$(tool_dir "$name" "$version")
  mkdir -p "$SHOP_TOOL_CACHE/$name"
  (
    flock 9
    [[ -f $dir/.complete ]] && exit 0
    staging=$(mktemp -d "$SHOP_TOOL_CACHE/$name/.build-$version.XXXXXX")
    trap 'rm -rf "$staging"' EXIT
    log "building $name $version (cached afterwards in $dir)"
    "$builder" "$staging" "$@" || die "building $name $version failed"
    touch "$staging/.complete"
    rm -rf "$dir"
    mv "$staging" "$dir"
    trap - EXIT
  ) 9>"$SHOP_TOOL_CACHE/$name/.lock" || return 1
  printf '%s\n' "$dir"
}

go_tool_builder() {
  local dir=$1 module=$2 version=$3 package=$4 binary=$5
  shift 5
  command -v go >/dev/null || die "go is needed to build $module"
  local work="$dir/src"
  mkdir -p "$work" "$dir/bin"
  {
    printf 'module shop.local/tools/%s\n\ngo 1.22\n\nrequire %s %s\n' "$binary" "$module" "$version"
    local line
    for line in "$@"; do printf '%s\n' "$line"; done
  } >"$work/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$package" >"$work/tools.go"
  (cd "$work" && go mod tidy && go build -o "$dir/bin/$binary" "$package") || return 1
  rm -rf "$work"
}

#!/usr/bin/env bash
# The local stack's search server: one OpenSearch node (Elasticsearch REST API) on
# 127.0.0.1:$SHOP_SEARCH_PORT, config and data under $SHOP_VAR/opensearch. Source it
# after common.sh and process.sh.
#
# There is no Debian package for OpenSearch or Elasticsearch. The node is assembled from
# the OpenSearch jars on Maven Central (fetched once into the tool cache with Maven's
# default repository) and started by our launcher, tools/opensearch-launcher, because
# the published module jars carry no plugin descriptors and cannot be loaded from a
# modules/ folder.
# Run directly:  scripts/lib/opensearch.sh start|stop|status|ready|fetch

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

OPENSEARCH_VERSION=2.19.6
# log4j-core is the logging backend OpenSearch's log4j-api calls need; same version as
# the log4j-api that OpenSearch 2.19.6 depends on.
OPENSEARCH_LOG4J_VERSION=2.25.4
OPENSEARCH_MODULES=(transport-netty4-client lang-painless analysis-common mapper-extras-client
  parent-join-client reindex-client)
OPENSEARCH_LAUNCHER_SRC="$SHOP_ROOT/tools/opensearch-launcher/src"
OPENSEARCH_LAUNCHER_CLASS=shop.search.LocalSearchNode

SHOP_SEARCH_PORT="${SHOP_SEARCH_PORT:-9200}"
# Set explicitly (not left to the 9300-9400 range search) so a second node, e.g. a
# test stack under another SHOP_VAR, never joins or collides with the first.
SHOP_SEARCH_TRANSPORT_PORT="${SHOP_SEARCH_TRANSPORT_PORT:-9300}"
SHOP_SEARCH_HEAP_MIN="${SHOP_SEARCH_HEAP_MIN:-512m}"
SHOP_SEARCH_HEAP_MAX="${SHOP_SEARCH_HEAP_MAX:-1g}"
SHOP_SEARCH_START_DEADLINE_S="${SHOP_SEARCH_START_DEADLINE_S:-120}"
OS_DIR="$SHOP_VAR/opensearch"
OS_PROCESS=opensearch

os_url() { printf 'http://127.0.0.1:%s\n' "$SHOP_SEARCH_PORT"; }
# 200 once the cluster is yellow or green; 408 while it is still red.
os_health_url() { printf '%s/_cluster/health?wait_for_status=yellow&timeout=1s\n' "$(os_url)"; }

os_java() {
  local java
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    java=$JAVA_HOME/bin/java
  else
    java=$(command -v java) || die "java not found (scripts/setup.sh installs openjdk-17-jdk-headless)"
  fi
  readlink -f "$java"
}

# Builder for ensure_tool: the node's jars, resolved by Maven from a generated pom.
opensearch_jars_builder() {
  local dir=$1 module
  command -v mvn >/dev/null || die "mvn not found (scripts/setup.sh installs maven)"
  {
    cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>shop.local</groupId>
  <artifactId>opensearch-node</artifactId>
  <version>$OPENSEARCH_VERSION</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.opensearch</groupId><artifactId>opensearch</artifactId>
      <version>$OPENSEARCH_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId>
      <version>$OPENSEARCH_LOG4J_VERSION</version>
    </dependency>
EOF
    for module in "${OPENSEARCH_MODULES[@]}"; do
      cat <<EOF
    <dependency>
      <groupId>org.opensearch.plugin</groupId><artifactId>$module</artifactId>
      <version>$OPENSEARCH_VERSION</version>
    </dependency>
EOF
    done
    printf '  </dependencies>\n</project>\n'
  } >"$dir/pom.xml"
  # Maven's output goes to a file (shown on failure): ensure_tool's caller reads the
  # tool directory from stdout.
  (cd "$dir" && mvn -B -q dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$dir/lib") >"$dir/maven.log" 2>&1 || {
    cat "$dir/maven.log" >&2
    return 1
  }
  [[ -f $dir/lib/opensearch-$OPENSEARCH_VERSION.jar ]] || return 1
}

# Builder for ensure_tool: the launcher compiled against the jars in <jars dir>.
opensearch_launcher_builder() {
  local dir=$1 jars=$2
  command -v javac >/dev/null || die "javac not found (scripts/setup.sh installs openjdk-17-jdk-headless)"
  local sources
  mapfile -t sources < <(find "$OPENSEARCH_LAUNCHER_SRC" -name '*.java' | sort)
  javac -nowarn --release 17 -cp "$jars/lib/*" -d "$dir/classes" "${sources[@]}" >&2
}

# The classpath of the node: cached jars plus the launcher, which is cached under a key
# that includes a hash of its sources, so an edited launcher is recompiled.
OS_CLASSPATH=""
os_need_classpath() {
  [[ -n $OS_CLASSPATH ]] && return 0
  local jars launcher hash
  jars=$(ensure_tool opensearch "$OPENSEARCH_VERSION" opensearch_jars_builder) || return 1
  hash=$(find "$OPENSEARCH_LAUNCHER_SRC" -name '*.java' -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-12)
  launcher=$(ensure_tool opensearch-launcher "$OPENSEARCH_VERSION-$hash" \
    opensearch_launcher_builder "$jars") || return 1
  OS_CLASSPATH="$launcher/classes:$jars/lib/*"
}

os_write_config() {
  local config="$OS_DIR/config"
  mkdir -p "$config" "$OS_DIR/data" "$OS_DIR/logs" "$OS_DIR/tmp"
  cat >"$config/opensearch.yml" <<EOF
# Written by scripts/lib/opensearch.sh at every start; edit that script instead.
cluster.name: shop-local
node.name: shop-search
path.data: $OS_DIR/data
path.logs: $OS_DIR/logs
network.host: 127.0.0.1
http.port: $SHOP_SEARCH_PORT
transport.port: $SHOP_SEARCH_TRANSPORT_PORT
discovery.type: single-node
# A development disk past 90% full would otherwise turn every index read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  # Plain text lines on stdout; start_process appends them to \$SHOP_LOG_DIR/opensearch.log.
  cat >"$config/log4j2.properties" <<'EOF'
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}]%marker %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
logger.deprecation.name = org.opensearch.deprecation
logger.deprecation.level = error
EOF
}

os_is_running() { is_running "$OS_PROCESS"; }

os_ready() { url_ok "$(os_health_url)"; }

os_start() {
  local java pid
  java=$(os_java) || exit 1
  os_need_classpath || die "OpenSearch $OPENSEARCH_VERSION could not be fetched or compiled"
  if os_is_running; then
    log "opensearch: already running (PID $(pid_of "$OS_PROCESS"), $(os_url))"
  else
    if url_port_busy "$SHOP_SEARCH_PORT" || url_port_busy "$SHOP_SEARCH_TRANSPORT_PORT"; then
      die "port $SHOP_SEARCH_PORT or $SHOP_SEARCH_TRANSPORT_PORT on 127.0.0.1 is taken by another server; set SHOP_SEARCH_PORT / SHOP_SEARCH_TRANSPORT_PORT"
    fi
    os_write_config
    log "opensearch: starting $OPENSEARCH_VERSION on $(os_url)"
    pid=$(start_process "$OS_PROCESS" "$java" \
      "-Xms$SHOP_SEARCH_HEAP_MIN" "-Xmx$SHOP_SEARCH_HEAP_MAX" -XX:+UseG1GC \
      -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Xss1m \
      -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djna.nosys=true \
      "-Djava.io.tmpdir=$OS_DIR/tmp" \
      -Dlog4j2.disable.jmx=true -Dlog4j.shutdownHookEnabled=false \
      -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true \
      -Dio.netty.recycler.maxCapacityPerThread=0 \
      -cp "$OS_CLASSPATH" "$OPENSEARCH_LAUNCHER_CLASS" "$OS_DIR" "$OS_DIR/config")
    log "opensearch: started PID $pid, waiting for cluster health yellow or green"
  fi
  wait_for_url "$OS_PROCESS" "$(os_health_url)" "$SHOP_SEARCH_START_DEADLINE_S" ||
    die "OpenSearch did not become ready (log: $SHOP_LOG_DIR/$OS_PROCESS.log)"
  log "opensearch: ready on $(os_url)"
}

os_stop() {
  stop_by_pidfile "$OS_PROCESS" "${SHOP_STOP_DEADLINE_S:-30}"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  case ${1:-} in
    start) os_start ;;
    stop) os_stop ;;
    status) if os_is_running; then echo "running on $(os_url) (PID $(pid_of "$OS_PROCESS"))"; else echo "stopped"; exit 1; fi ;;
    ready) os_ready ;;
    fetch) os_need_classpath && printf '%s\n' "$OS_CLASSPATH" ;;
    *) die "usage: $0 start|stop|status|ready|fetch" ;;
  esac
fi

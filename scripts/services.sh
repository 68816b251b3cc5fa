#!/usr/bin/env bash
# Local backing services for development and tests.
#
#   scripts/services.sh up     # install/fetch/unpack as needed, start, print exports
#   scripts/services.sh env    # print the export lines only
#   scripts/services.sh dir    # print where the services' data, logs and pidfiles live
#   scripts/services.sh down   # stop exactly what `up` started (idempotent); fails, stopping
#                              # nothing of it, for a service found on its port whose process
#                              # its pidfile does not name
#
# Optional: SERVICES="postgres redis elasticsearch opensearch" (any subset).
# Optional overrides: ES_JAVA_HOME, OPENSEARCH_JAVA_HOME, SERVICE_USER (default cmssvc).
#
# Everything binds to 127.0.0.1. Downloads go to .cache/downloads (via Maven),
# engines, data, logs and pidfiles live under .services/ (or /var/tmp, see SVC). stdout carries only
# the `export ...` lines; all progress goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache/downloads"
SVC="$ROOT/.services"
# The services run as other users (postgres, cmssvc), who must reach their data. A clone in a
# private directory (e.g. `mktemp -d`, mode 700) keeps it under /var/tmp instead.
if [[ $EUID -eq 0 ]] && ! runuser -u nobody -- test -x "$ROOT" 2>/dev/null; then
  SVC="/var/tmp/cms-services-$(printf %s "$ROOT" | sha256sum | cut -c1-12)"
fi

SERVICES="${SERVICES:-postgres redis elasticsearch opensearch}"
SERVICE_USER="${SERVICE_USER:-cmssvc}"

PG_PORT=55432
REDIS_PORT=56379
ES_PORT=59200
ES_TRANSPORT_PORT=59300
OS_PORT=59201
OS_TRANSPORT_PORT=59301
WAIT_SECS="${WAIT_SECS:-120}"

ES_VERSION=8.19.21
OS_VERSION=3.4.0
ES_ZIP_ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ES_VERSION}:zip"
OS_ZIP_ARTIFACT="org.opensearch.distribution.integ-test-zip:opensearch:${OS_VERSION}:zip"
# OpenSearch modules missing from the integ-test zip. Format: module|artifact
OS_MODULE_ARTIFACTS=(
  "lang-painless|org.opensearch.plugin:lang-painless:${OS_VERSION}:jar"
  "lang-painless|org.opensearch.plugin:opensearch-scripting-painless-spi:${OS_VERSION}:jar"
  "lang-painless|org.antlr:antlr4-runtime:4.13.1:jar"
  "lang-painless|org.ow2.asm:asm:9.7:jar"
  "lang-painless|org.ow2.asm:asm-analysis:9.7:jar"
  "lang-painless|org.ow2.asm:asm-commons:9.7:jar"
  "lang-painless|org.ow2.asm:asm-tree:9.7:jar"
  "lang-painless|org.ow2.asm:asm-util:9.7:jar"
  "analysis-common|org.opensearch.plugin:analysis-common:${OS_VERSION}:jar"
)

ES_HOME="$SVC/elasticsearch/elasticsearch-${ES_VERSION}"
OS_HOME="$SVC/opensearch/opensearch-${OS_VERSION}"

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

want() { [[ " $SERVICES " == *" $1 "* ]]; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command with root privileges (sudo when not root).
as_root() {
  if is_root; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# Run a command as the given user when we are root, else as ourselves.
run_as() {
  local user="$1"; shift
  if is_root && [[ "$user" != root ]]; then runuser -u "$user" -- "$@"
  else "$@"
  fi
}

print_env() {
  want postgres && echo "export DATABASE_URL=postgres://cms:cms@127.0.0.1:${PG_PORT}/cms"
  want redis && echo "export REDIS_URL=redis://127.0.0.1:${REDIS_PORT}/0"
  want elasticsearch && echo "export ELASTICSEARCH_URL=http://127.0.0.1:${ES_PORT}"
  want opensearch && echo "export OPENSEARCH_URL=http://127.0.0.1:${OS_PORT}"
  return 0
}

# ---------------------------------------------------------------- helpers

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# pid_matches PID PATTERN: process is alive and its cmdline contains PATTERN.
pid_matches() {
  local pid="$1" pattern="$2"
  pid_alive "$pid" || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern"
}

read_pid() { [[ -s "$1" ]] && head -n1 "$1" | tr -dc '0-9' || true; }

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

log_tail() {
  local f="$1"
  if [[ -f "$f" ]]; then
    printf -- '----- last lines of %s -----\n' "$f" >&2
    tail -n 40 "$f" >&2 || true
    printf -- '-----\n' >&2
  fi
}

# wait_until DESCRIPTION LOGFILE CMD...: retry CMD for WAIT_SECS.
wait_until() {
  local what="$1" logfile="$2"; shift 2
  local deadline=$((SECONDS + WAIT_SECS))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log_tail "$logfile"
      die "$what did not become ready within ${WAIT_SECS}s (log: $logfile)"
    fi
    sleep 1
  done
}

http_ok() { curl -fsS --noproxy '*' --max-time 10 "$1" >/dev/null; }

# Newest JDK in /usr/lib/jvm with major version >= $1; prints its path.
find_jdk() {
  local min="$1" best="" best_ver=0 d ver
  for d in /usr/lib/jvm/*; do
    [[ -d "$d" && ! -L "$d" && -x "$d/bin/java" ]] || continue
    ver=""
    if [[ -f "$d/release" ]]; then
      ver="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" | head -n1)"
    fi
    if [[ -z "$ver" ]]; then
      ver="$("$d/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
    fi
    [[ -n "$ver" ]] || continue
    if ((ver >= min && ver > best_ver)); then best="$d"; best_ver="$ver"; fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

ensure_service_user() {
  is_root || return 0
  if ! id "$SERVICE_USER" >/dev/null 2>&1; then
    log "creating system user $SERVICE_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$SERVICE_USER"
  fi
}

# Every ancestor of $1 must be traversable by user $2.
check_traversable() {
  local dir="$1" user="$2"
  is_root || return 0
  if ! runuser -u "$user" -- test -x "$dir"; then
    die "user '$user' cannot access $dir (a parent directory lacks o+x); move the repo or fix permissions"
  fi
}

# ---------------------------------------------------------------- install / fetch

PG_BIN=""
find_pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  [[ -n "$d" && -x "$d/initdb" ]] && PG_BIN="$d"
  [[ -n "$PG_BIN" ]]
}

ensure_packages() {
  local pkgs=()
  if want postgres && ! find_pg_bin; then pkgs+=(postgresql postgresql-client); fi
  if want redis && ! command -v redis-server >/dev/null 2>&1; then pkgs+=(redis-server); fi
  # the compose file's proxy configuration is run by the tests in a real nginx
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || pkgs+=(nginx-core)
  if (want elasticsearch || want opensearch); then
    command -v mvn >/dev/null 2>&1 || pkgs+=(maven)
    command -v unzip >/dev/null 2>&1 || pkgs+=(unzip)
    command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  fi
  if ((${#pkgs[@]})); then
    log "installing packages: ${pkgs[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
    # Debian auto-starts the packaged clusters/daemons on their default ports;
    # we do not use them, but leave them alone (not ours to manage).
  fi
  if want postgres; then find_pg_bin || die "PostgreSQL binaries not found in /usr/lib/postgresql/*/bin"; fi
  if want redis; then command -v redis-server >/dev/null 2>&1 || die "redis-server not found"; fi
  return 0
}

ensure_gitignore() {
  local gi="$ROOT/.gitignore" line
  for line in ".cache/" ".services/"; do
    if [[ ! -f "$gi" ]] || ! grep -qxF "$line" "$gi"; then
      [[ -s "$gi" && -n "$(tail -c1 "$gi")" ]] && echo >>"$gi"
      echo "$line" >>"$gi"
    fi
  done
}

# mvn_fetch ARTIFACT -> path of the file in $CACHE (fetches only if missing)
mvn_fetch() {
  local artifact="$1" a v t file
  IFS=: read -r _ a v t <<<"$artifact"
  file="$CACHE/$a-$v.${t:-jar}"
  if [[ ! -s "$file" ]]; then
    log "fetching $artifact"
    mkdir -p "$CACHE"
    # run from the cache dir so no project pom.xml gets picked up
    local mlog="$CACHE/.mvn-last.log"
    if ! (cd "$CACHE" && mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$artifact" \
          -DoutputDirectory="$CACHE" -Dmdep.overWriteIfNewer=true >"$mlog" 2>&1); then
      log_tail "$mlog"
      die "maven could not fetch $artifact"
    fi
    [[ -s "$file" ]] || die "maven ran but $file is missing"
  fi
  printf '%s\n' "$file"
}

# unpack_zip ZIP DESTPARENT TOPDIR: unzip once (atomic via temp dir + marker)
unpack_zip() {
  local zip="$1" parent="$2" top="$3" tmp
  if [[ -f "$parent/$top/.unpacked" ]]; then return 0; fi
  log "unpacking $(basename "$zip")"
  mkdir -p "$parent"
  rm -rf "${parent:?}/$top" "$parent/.unpack.tmp"
  tmp="$parent/.unpack.tmp"
  mkdir -p "$tmp"
  unzip -q "$zip" -d "$tmp"
  [[ -d "$tmp/$top" ]] || die "unexpected layout in $zip (no $top/)"
  mv "$tmp/$top" "$parent/$top"
  rmdir "$tmp"
  touch "$parent/$top/.unpacked"
}

write_os_module_descriptors() {
  local mdir="$OS_HOME/modules"
  cat >"$mdir/lang-painless/plugin-descriptor.properties" <<EOF
description=An easy, safe and fast scripting language for OpenSearch
version=${OS_VERSION}
name=lang-painless
classname=org.opensearch.painless.PainlessModulePlugin
java.version=21
opensearch.version=${OS_VERSION}
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
  cat >"$mdir/lang-painless/plugin-security.policy" <<'EOF'
grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";
  // needed to find the classloader to load allowlisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF
  cat >"$mdir/analysis-common/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=${OS_VERSION}
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin
java.version=21
opensearch.version=${OS_VERSION}
custom.foldername=
extended.plugins=lang-painless
has.native.controller=false
EOF
}

prepare_elasticsearch() {
  local zip
  zip="$(mvn_fetch "$ES_ZIP_ARTIFACT")"
  unpack_zip "$zip" "$SVC/elasticsearch" "elasticsearch-${ES_VERSION}"
  mkdir -p "$SVC/elasticsearch/data" "$SVC/elasticsearch/logs" "$SVC/elasticsearch/run"
  cat >"$ES_HOME/config/elasticsearch.yml" <<EOF
# generated by scripts/services.sh -- rewritten on every \`up\`
cluster.name: cms-dev-es
node.name: cms-dev-es-1
network.host: 127.0.0.1
http.port: ${ES_PORT}
transport.port: ${ES_TRANSPORT_PORT}
discovery.type: single-node
path.data: ${SVC}/elasticsearch/data
path.logs: ${SVC}/elasticsearch/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  if is_root; then chown -R "$SERVICE_USER:" "$SVC/elasticsearch"; fi
}

prepare_opensearch() {
  local zip entry mod artifact jar
  zip="$(mvn_fetch "$OS_ZIP_ARTIFACT")"
  # fetch module jars before unpacking so a failed fetch leaves nothing half-done
  local -a jars=()
  for entry in "${OS_MODULE_ARTIFACTS[@]}"; do
    artifact="${entry#*|}"
    jars+=("${entry%%|*}|$(mvn_fetch "$artifact")")
  done
  unpack_zip "$zip" "$SVC/opensearch" "opensearch-${OS_VERSION}"
  for entry in "${jars[@]}"; do
    mod="${entry%%|*}"; jar="${entry#*|}"
    mkdir -p "$OS_HOME/modules/$mod"
    cmp -s "$jar" "$OS_HOME/modules/$mod/$(basename "$jar")" || cp -f "$jar" "$OS_HOME/modules/$mod/"
  done
  write_os_module_descriptors
  mkdir -p "$SVC/opensearch/data" "$SVC/opensearch/logs" "$SVC/opensearch/run"
  cat >"$OS_HOME/config/opensearch.yml" <<EOF
# generated by scripts/services.sh -- rewritten on every \`up\`
cluster.name: cms-dev-os
node.name: cms-dev-os-1
network.host: 127.0.0.1
http.port: ${OS_PORT}
transport.port: ${OS_TRANSPORT_PORT}
discovery.type: single-node
path.data: ${SVC}/opensearch/data
path.logs: ${SVC}/opensearch/logs
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  if is_root; then chown -R "$SERVICE_USER:" "$SVC/opensearch"; fi
}

# ---------------------------------------------------------------- postgres

PG_DATA="$SVC/pg"
PG_RUN="$SVC/pg-run"
PG_LOG="$SVC/pg-run/postgresql.log"
pg_user() { if is_root; then echo postgres; else id -un; fi; }

pg_running() {
  [[ -n "$PG_BIN" && -f "$PG_DATA/PG_VERSION" ]] || return 1
  run_as "$(pg_user)" "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

start_postgres() {
  local u; u="$(pg_user)"
  find_pg_bin || die "PostgreSQL binaries not found"
  if is_root; then
    id postgres >/dev/null 2>&1 || die "OS user 'postgres' missing (is the postgresql package installed?)"
    check_traversable "$SVC" postgres
  fi
  mkdir -p "$PG_RUN"
  if is_root; then chown "$u:" "$PG_RUN"; fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    log "initdb $PG_DATA (as $u)"
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    if is_root; then chown "$u:" "$PG_DATA"; fi
    chmod 700 "$PG_DATA"
    run_as "$u" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=trust \
      -E UTF8 --locale=C.UTF-8 >"$SVC/pg-initdb.log" 2>&1 \
      || { log_tail "$SVC/pg-initdb.log"; rm -rf "$PG_DATA"; die "initdb failed"; }
    echo "include_if_exists = 'cms_dev.conf'" | run_as "$u" tee -a "$PG_DATA/postgresql.conf" >/dev/null
  fi
  run_as "$u" tee "$PG_DATA/cms_dev.conf" >/dev/null <<EOF
# generated by scripts/services.sh -- rewritten on every \`up\`
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
unix_socket_directories = '${PG_RUN}'
max_connections = 200
# a cluster for development and tests, thrown away at will: no waiting for the disk
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  if pg_running; then
    log "postgres already running"
    run_as "$u" "$PG_BIN/pg_ctl" reload -D "$PG_DATA" >/dev/null 2>&1 || true
  else
    port_in_use "$PG_PORT" && die "port $PG_PORT is already in use by something else"
    log "starting postgres on 127.0.0.1:$PG_PORT"
    run_as "$u" "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t "$WAIT_SECS" >/dev/null 2>&1 \
      || { log_tail "$PG_LOG"; die "postgres failed to start"; }
  fi
  wait_until postgres "$PG_LOG" pg_ready
  echo "$(read_pid "$PG_DATA/postmaster.pid")" >"$SVC/postgres.pid"
  # role + database (idempotent); trust auth on loopback
  local psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
  "${psql[@]}" >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cms') THEN
    CREATE ROLE cms LOGIN SUPERUSER CREATEDB PASSWORD 'cms';
  ELSE
    ALTER ROLE cms LOGIN SUPERUSER CREATEDB PASSWORD 'cms';
  END IF;
END
$$;
SQL
  if [[ "$("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = 'cms'")" != 1 ]]; then
    "${psql[@]}" -c "CREATE DATABASE cms OWNER cms" >/dev/null
  fi
  log "postgres ready"
}

stop_postgres() {
  find_pg_bin || true
  if pg_running; then
    log "stopping postgres"
    run_as "$(pg_user)" "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 >/dev/null 2>&1 || true
  elif port_in_use "$PG_PORT"; then
    log "ERROR: postgres is running on 127.0.0.1:$PG_PORT, but not from $PG_DATA: not stopping it"
    UNMATCHED+=(postgres)
    return 0
  fi
  rm -f "$SVC/postgres.pid"
}

# ---------------------------------------------------------------- redis

REDIS_PIDFILE="$SVC/redis.pid"
REDIS_DIR="$SVC/redis"
redis_pid_ok() { local p; p="$(read_pid "$REDIS_PIDFILE")"; pid_matches "$p" "redis-server" && pid_matches "$p" ":${REDIS_PORT}"; }
redis_ready() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

start_redis() {
  mkdir -p "$REDIS_DIR"
  if redis_pid_ok; then
    log "redis already running"
  else
    rm -f "$REDIS_PIDFILE"
    port_in_use "$REDIS_PORT" && die "port $REDIS_PORT is already in use by something else"
    log "starting redis on 127.0.0.1:$REDIS_PORT"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
      --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_DIR/redis.log" --dir "$REDIS_DIR" \
      --save '' --appendonly no --protected-mode yes >&2 \
      || { log_tail "$REDIS_DIR/redis.log"; die "redis failed to start"; }
  fi
  wait_until redis "$REDIS_DIR/redis.log" redis_ready
  local deadline=$((SECONDS + 10))
  until [[ -s "$REDIS_PIDFILE" ]] || ((SECONDS >= deadline)); do sleep 0.2; done
  log "redis ready"
}

# ---------------------------------------------------------------- generic JVM engine

# Names of the services `down` found running on their port but could not match to their pidfile.
UNMATCHED=()

# stop_pidfile NAME PIDFILE PATTERN PORT: stop the process the pidfile names if its command line
# contains PATTERN. When it does not, but something listens on PORT, that process is left
# alone and recorded in UNMATCHED, so that `down` fails instead of claiming to have stopped it.
stop_pidfile() {
  local name="$1" pidfile="$2" pattern="$3" port="$4" pid i
  pid="$(read_pid "$pidfile")"
  if pid_matches "$pid" "$pattern"; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do pid_alive "$pid" || break; sleep 0.5; done
    if pid_alive "$pid"; then
      log "$name did not stop in 60s, killing"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
    fi
  elif port_in_use "$port"; then
    local names="is missing or empty"
    [[ -z "$pid" ]] || names="names pid $pid, whose command line lacks '$pattern'"
    log "ERROR: $name is running on 127.0.0.1:$port, but $pidfile $names: not stopping it"
    UNMATCHED+=("$name")
    return 0
  fi
  rm -f "$pidfile"
}

declare -A LAUNCHER_PID=()

# engine_launch NAME HOME BIN PORT PIDFILE JAVA_HOME_VAR JAVA_OPTS_VAR JDK PATTERN
# Starts the engine's launcher (-d daemonizes, -p writes the JVM pid) in the
# background so both engines boot in parallel; engine_finish waits for it.
engine_launch() {
  local name="$1" home="$2" bin="$3" port="$4" pidfile="$5" jhvar="$6" jovar="$7" jdk="$8" pattern="$9"
  local base; base="$(dirname "$home")"
  local runpid="$base/run/$name.pid" out="$base/logs/launcher.log"
  local pid f
  for f in "$pidfile" "$runpid"; do
    pid="$(read_pid "$f")"
    if pid_matches "$pid" "$pattern"; then
      log "$name already running (pid $pid)"
      echo "$pid" >"$pidfile"
      return 0
    fi
  done
  rm -f "$pidfile" "$runpid"
  if port_in_use "$port"; then die "port $port is already in use by something else"; fi
  local user; user="$(id -un)"
  if is_root; then user="$SERVICE_USER"; check_traversable "$home" "$user"; fi
  log "starting $name on 127.0.0.1:$port (java: $jdk, user: $user)"
  : >"$out"; if is_root; then chown "$SERVICE_USER:" "$out"; fi
  (cd "$home" && run_as "$user" env "$jhvar=$jdk" "$jovar=-Xms512m -Xmx512m" JAVA_HOME= \
     "$home/bin/$bin" -d -p "$runpid" </dev/null >>"$out" 2>&1) &
  LAUNCHER_PID[$name]=$!
}

# engine_finish NAME HOME PORT PIDFILE CLUSTERNAME
engine_finish() {
  local name="$1" home="$2" port="$3" pidfile="$4" cluster="$5"
  local base; base="$(dirname "$home")"
  local runpid="$base/run/$name.pid" out="$base/logs/launcher.log"
  local logfile="$base/logs/$cluster.log"
  if [[ -n "${LAUNCHER_PID[$name]:-}" ]]; then
    if ! wait "${LAUNCHER_PID[$name]}"; then
      log_tail "$out"; log_tail "$logfile"
      die "$name failed to start"
    fi
    unset "LAUNCHER_PID[$name]"
    local deadline=$((SECONDS + 30))
    until [[ -s "$runpid" ]] || ((SECONDS >= deadline)); do sleep 0.5; done
    [[ -s "$runpid" ]] || { log_tail "$out"; die "$name did not write its pidfile"; }
    echo "$(read_pid "$runpid")" >"$pidfile"
  fi
  # (GET / is not available on the ES integ-test zip: its rest-root module is absent)
  wait_until "$name" "$logfile" http_ok "http://127.0.0.1:$port/_cluster/health"
  # wait for the cluster to be usable (yellow or green)
  wait_until "$name cluster health" "$logfile" \
    http_ok "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=5s"
  log "$name ready"
}

pick_jdk() { # pick_jdk MINVERSION OVERRIDE
  local min="$1" override="$2" jdk
  if [[ -n "$override" ]]; then
    [[ -x "$override/bin/java" ]] || die "$override/bin/java not found"
    printf '%s\n' "$override"; return
  fi
  jdk="$(find_jdk "$min")" || die "no JDK >= $min found in /usr/lib/jvm (install one, or set the *_JAVA_HOME override)"
  printf '%s\n' "$jdk"
}

launch_elasticsearch() {
  ensure_service_user
  local jdk; jdk="$(pick_jdk 17 "${ES_JAVA_HOME:-}")"
  prepare_elasticsearch
  engine_launch elasticsearch "$ES_HOME" elasticsearch "$ES_PORT" "$SVC/elasticsearch.pid" \
    ES_JAVA_HOME ES_JAVA_OPTS "$jdk" "-Des.path.home=$ES_HOME"
}
finish_elasticsearch() { engine_finish elasticsearch "$ES_HOME" "$ES_PORT" "$SVC/elasticsearch.pid" cms-dev-es; }

launch_opensearch() {
  ensure_service_user
  local jdk; jdk="$(pick_jdk 21 "${OPENSEARCH_JAVA_HOME:-}")"
  prepare_opensearch
  engine_launch opensearch "$OS_HOME" opensearch "$OS_PORT" "$SVC/opensearch.pid" \
    OPENSEARCH_JAVA_HOME OPENSEARCH_JAVA_OPTS "$jdk" "-Dopensearch.path.home=$OS_HOME"
}
finish_opensearch() { engine_finish opensearch "$OS_HOME" "$OS_PORT" "$SVC/opensearch.pid" cms-dev-os; }

# ---------------------------------------------------------------- main

cmd_up() {
  local t0=$SECONDS s
  for s in $SERVICES; do
    case "$s" in postgres|redis|elasticsearch|opensearch) ;; *) die "unknown service '$s' in SERVICES" ;; esac
  done
  mkdir -p "$SVC"
  chmod 755 "$SVC"
  ensure_gitignore
  ensure_packages
  want postgres && start_postgres
  want redis && start_redis
  want elasticsearch && launch_elasticsearch
  want opensearch && launch_opensearch
  want elasticsearch && finish_elasticsearch
  want opensearch && finish_opensearch
  log "all requested services up ($((SECONDS - t0))s)"
  print_env
}

cmd_down() {
  # reverse order; each step is a no-op if not running
  want opensearch && stop_pidfile opensearch "$SVC/opensearch.pid" "-Dopensearch.path.home=$OS_HOME" "$OS_PORT"
  want elasticsearch && stop_pidfile elasticsearch "$SVC/elasticsearch.pid" "-Des.path.home=$ES_HOME" "$ES_PORT"
  want redis && stop_pidfile redis "$REDIS_PIDFILE" "redis-server 127.0.0.1:${REDIS_PORT}" "$REDIS_PORT"
  want postgres && stop_postgres
  if ((${#UNMATCHED[@]})); then
    die "not stopped (running, but not as their pidfile says): ${UNMATCHED[*]}"
  fi
  log "down"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  env) print_env ;;
  dir) echo "$SVC" ;;
  *) echo "usage: $0 {up|down|env|dir}   (SERVICES=\"postgres redis elasticsearch opensearch\")" >&2; exit 2 ;;
esac

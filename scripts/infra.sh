#!/usr/bin/env bash
# Installs (where missing) and starts PostgreSQL and RabbitMQ as plain local processes for the test suites.
# Usage: scripts/infra.sh start|stop|stop-rabbitmq|env|packages     State lives under .state/test-infra (git-ignored).
# Local development defaults only: the passwords below protect nothing but a loopback-bound throwaway instance.
# The test PostgreSQL runs without fsync (it is thrown away; CREATE DATABASE per test class is otherwise slow);
# set PARTNERSHIP_TEST_PG_FSYNC=on for crash-durability tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${PARTNERSHIP_INFRA_STATE:-$root/.state/test-infra}"
pg_port="${PARTNERSHIP_TEST_PG_PORT:-25432}"
amqp_port="${PARTNERSHIP_TEST_AMQP_PORT:-25672}"
epmd_port="${PARTNERSHIP_TEST_EPMD_PORT:-24369}"
pg_password="dev-postgres"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

ensure_packages() {
  local missing=()
  [ -n "$pg_bin" ] && [ -x "$pg_bin/postgres" ] || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian starts system instances on install; ours run on their own ports, so stop theirs to save memory.
    (service postgresql stop; service rabbitmq-server stop) >/dev/null 2>&1 || true
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
}

as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }

wait_for_port() { # host port seconds
  for _ in $(seq 1 $(( $3 * 5 ))); do
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "timed out waiting for $1:$2" >&2; return 1
}

start_postgres() {
  local data="$state/pg"
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"; chown nobody:nogroup "$data"; chmod 700 "$data"
    local pwfile; pwfile="$(mktemp)"; echo "$pg_password" > "$pwfile"; chmod 644 "$pwfile"
    as_nobody "$pg_bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 >/dev/null
    rm -f "$pwfile"
  fi
  mkdir -p "$state/pg-socket"; chown nobody:nogroup "$state/pg-socket"
  # One retry, with the server's own words: a clean-clone CI run once failed here ("could not start server") and
  # then ran every test without a database, with no log left to say why.
  local attempt
  for attempt in 1 2; do
    if as_nobody "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      break
    fi
    if as_nobody "$pg_bin/pg_ctl" -D "$data" -l "$state/pg-socket/pg.log" -w -o \
      "-p $pg_port -k $state/pg-socket -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=${PARTNERSHIP_TEST_PG_FSYNC:-off} -c synchronous_commit=${PARTNERSHIP_TEST_PG_FSYNC:-off} -c full_page_writes=${PARTNERSHIP_TEST_PG_FSYNC:-off}" start >/dev/null; then
      break
    fi
    echo "PostgreSQL did not start on port $pg_port (attempt $attempt); the end of its log:" >&2
    tail -n 20 "$state/pg-socket/pg.log" >&2 || true
    [ "$attempt" = 2 ] && return 1
    sleep 2
  done
  wait_for_port 127.0.0.1 "$pg_port" 30
}

start_rabbitmq() {
  local rs="$state/rabbitmq"
  mkdir -p "$rs/mnesia" "$rs/log"
  echo "[rabbitmq_management]." > "$rs/enabled_plugins"
  : > "$rs/rabbitmq.conf"
  : > "$rs/rabbitmq-env.conf"
  export HOME="$rs" RABBITMQ_MNESIA_BASE="$rs/mnesia" RABBITMQ_LOG_BASE="$rs/log" RABBITMQ_LOGS="$rs/log/rabbit.log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$rs/enabled_plugins" RABBITMQ_CONFIG_FILE="$rs/rabbitmq" \
    RABBITMQ_CONF_ENV_FILE="$rs/rabbitmq-env.conf" RABBITMQ_PID_FILE="$rs/rabbit.pid" \
    RABBITMQ_NODENAME="rabbit-test@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$amqp_port" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-rabbitmq_management listener [{port,$((amqp_port + 1))},{ip,\"127.0.0.1\"}]" \
    ERL_EPMD_PORT="$epmd_port" RABBITMQ_DIST_PORT="$((amqp_port + 2))" ERL_CRASH_DUMP="$rs/log/erl_crash.dump"
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$amqp_port") 2>/dev/null; then
    nohup /usr/lib/rabbitmq/bin/rabbitmq-server > "$rs/log/stdout.log" 2>&1 &
  fi
  wait_for_port 127.0.0.1 "$amqp_port" 90
  # Tests create vhosts and users through the management API, which may open after the AMQP listener.
  wait_for_port 127.0.0.1 "$((amqp_port + 1))" 60
}

# The node is found by its home directory on the command line: rabbitmq-server writes no pid file here, and a name
# match would also hit other engineers' brokers (the AppHost's, a bench's, the faults suite's).
stop_rabbitmq() {
  local home="-home $state/rabbitmq "
  pkill -TERM -f -- "$home" 2>/dev/null || return 0
  for _ in $(seq 1 60); do pgrep -f -- "$home" >/dev/null || return 0; sleep 0.5; done
  pkill -KILL -f -- "$home" 2>/dev/null || true
}

print_env() {
  echo "export PARTNERSHIP_TEST_PG='Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password'"
  echo "export PARTNERSHIP_TEST_AMQP='amqp://guest:guest@127.0.0.1:$amqp_port/'"
}

case "${1:-start}" in
  start) ensure_packages; start_postgres; start_rabbitmq; print_env ;;
  stop)
    [ -n "$pg_bin" ] && as_nobody "$pg_bin/pg_ctl" -D "$state/pg" -m fast stop >/dev/null 2>&1 || true
    stop_rabbitmq
    ERL_EPMD_PORT="$epmd_port" epmd -kill >/dev/null 2>&1 || true ;;
  stop-rabbitmq) stop_rabbitmq ;;
  env) print_env ;;
  packages) ensure_packages ;;
  *) echo "usage: $0 start|stop|stop-rabbitmq|env|packages" >&2; exit 2 ;;
esac

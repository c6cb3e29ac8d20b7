#!/usr/bin/env bash
# The faults suite's own PostgreSQL and RabbitMQ, on ports and a state directory of their own, so that stopping and
# restarting them cannot disturb the other test projects using scripts/infra.sh's shared instances.
# Usage: faults-infra.sh start|stop|env|stop-pg|start-pg|restart-pg|stop-rabbit|start-rabbit|restart-rabbit
# Starting is delegated to scripts/infra.sh (idempotent: it starts whichever of the two is down).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export PARTNERSHIP_INFRA_STATE="${PARTNERSHIP_FAULTS_INFRA_STATE:-$root/.state/faults-infra}"
export PARTNERSHIP_TEST_PG_PORT="${PARTNERSHIP_FAULTS_PG_PORT:-25532}"
export PARTNERSHIP_TEST_AMQP_PORT="${PARTNERSHIP_FAULTS_AMQP_PORT:-25772}"
export PARTNERSHIP_TEST_EPMD_PORT="${PARTNERSHIP_FAULTS_EPMD_PORT:-24469}"
infra="$root/scripts/infra.sh"
state="$PARTNERSHIP_INFRA_STATE"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_closed() { # port seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    port_open "$1" || return 0
    sleep 0.1
  done
  echo "port $1 still open after $2 s" >&2; return 1
}

stop_pg() {
  # Fast shutdown: open sessions are terminated, as in a database failover or a host restart.
  setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$pg_bin/pg_ctl" -D "$state/pg" -m fast -w stop >/dev/null 2>&1 || true
  wait_closed "$PARTNERSHIP_TEST_PG_PORT" 30
}

stop_rabbit() {
  "$infra" stop-rabbitmq
  wait_closed "$PARTNERSHIP_TEST_AMQP_PORT" 30
}

case "${1:-start}" in
  start|start-pg|start-rabbit) "$infra" start ;;
  # RabbitMQ first, waiting for it to exit: epmd refuses to stop while a node is still registered with it.
  stop) stop_rabbit; "$infra" stop ;;
  env) "$infra" env ;;
  stop-pg) stop_pg ;;
  restart-pg) stop_pg; "$infra" start ;;
  stop-rabbit) stop_rabbit ;;
  restart-rabbit) stop_rabbit; "$infra" start ;;
  *) echo "usage: $0 start|stop|env|stop-pg|start-pg|restart-pg|stop-rabbit|start-rabbit|restart-rabbit" >&2; exit 2 ;;
esac

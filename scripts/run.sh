#!/usr/bin/env bash
# Runs the whole platform locally through the Aspire AppHost: PostgreSQL, RabbitMQ, identity, the services and the
# gateway (http://localhost:5080). The Aspire dashboard is at http://localhost:15080 (login link printed on start).
# Installs PostgreSQL and RabbitMQ from Debian's packages when missing; no container runtime is needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
# The broker-users step (scripts/broker-permissions.sh) talks to the RabbitMQ management API with these.
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts system instances on install; the AppHost runs its own on other ports, so stop theirs.
  ($sudo service postgresql stop; $sudo service rabbitmq-server stop) >/dev/null 2>&1 || true
fi

exec dotnet run --project AppHost --launch-profile http "$@"

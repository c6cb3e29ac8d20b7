#!/usr/bin/env bash
# Creates one RabbitMQ user per Partnership service, each allowed to publish only its own domain's events and to
# read only its own queues, through the management HTTP API.
#
# Usage: scripts/broker-permissions.sh [--vhost NAME] [--services "health board ..."]
# Environment:
#   RABBITMQ_MANAGEMENT_URL   default http://127.0.0.1:25673 (scripts/infra.sh's broker: AMQP 25672, management +1)
#   RABBITMQ_ADMIN_USER/PASSWORD   an administrator of the broker; default guest/guest (loopback only)
#   BROKER_PASSWORD_<SERVICE>      the service's password (SERVICE upper-case, '-' as '_', e.g. BROKER_PASSWORD_CARE_REGISTER);
#                                  when unset a random one is generated. Production reads these from the vault.
# Prints, per service, the ConnectionStrings__messaging value the service must be given (a supplied password as ***).
#
# Names follow MassTransit's RabbitMQ topology as the services configure it (ServiceDefaults/Messaging):
#   - one fanout exchange per message type: Partnership.Contracts.<Domain>.V<n>:<Event>, bound to the base type's
#     exchange Partnership.Contracts:IntegrationEvent; faults go to MassTransit:Fault--<type>-- exchanges;
#   - receive endpoints <prefix>-<consumer-kebab> (queue and an exchange of the same name) plus <queue>_error and
#     <queue>_skipped, where <prefix> is the last part of the assembly name, lower-case (Messaging:ServiceName overrides).
# RabbitMQ checks: declare/delete needs configure; publish and queue/exchange bind destination need write;
# consume, get and bind source need read.
set -euo pipefail

api="${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:25673}"
admin_user="${RABBITMQ_ADMIN_USER:-guest}"
admin_password="${RABBITMQ_ADMIN_PASSWORD:-guest}"
vhost="/"
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --vhost) vhost="$2"; shift 2 ;;
    --services) only="$2"; shift 2 ;;
    *) echo "usage: $0 [--vhost NAME] [--services \"a b\"]" >&2; exit 2 ;;
  esac
done

# service | queue prefix | domain it publishes (empty: none) | domains it consumes
catalogue=(
  "care-register|careregister|CareRegister|"
  "health|health|Health|"
  "virtual-school|virtualschool|VirtualSchool|"
  "leaving-care|leavingcare|LeavingCare|"
  "missing|missing|Missing|"
  "youth-justice|youthjustice|YouthJustice|"
  "sharing|sharing||CareRegister Health LeavingCare Missing"
  "board|board||CareRegister Health VirtualSchool LeavingCare Missing YouthJustice"
)

amqp_port="${RABBITMQ_AMQP_PORT:-$(( ${api##*:} - 1 ))}"
amqp_host="$(echo "$api" | sed -E 's#^https?://([^:/]+).*#\1#')"
vhost_path="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$vhost")"

call() { # method path [json]
  local status
  status="$(curl -sS -o /tmp/broker-permissions.$$ -w '%{http_code}' -u "$admin_user:$admin_password" -X "$1" \
    -H 'content-type: application/json' ${3:+--data "$3"} "$api/api/$2")"
  if [ "${status:0:1}" != "2" ]; then
    echo "$1 $2 failed with $status: $(cat /tmp/broker-permissions.$$)" >&2
    rm -f /tmp/broker-permissions.$$; exit 1
  fi
  rm -f /tmp/broker-permissions.$$
}

alternation() { # "A B" -> "A|B" as regex alternatives of domain exchanges
  local out="" d
  for d in $1; do out="${out:+$out|}Partnership\\\\.Contracts\\\\.$d\\\\.V[0-9]+:.+"; done
  echo "$out"
}

call PUT "vhosts/$vhost_path" '{}'
for entry in "${catalogue[@]}"; do
  IFS='|' read -r service prefix publishes consumes <<< "$entry"
  if [ -n "$only" ] && [[ " $only " != *" $service "* ]]; then continue; fi

  own="$prefix-.+"
  published="$(alternation "$publishes")"
  consumed="$(alternation "$consumes")"
  faults='MassTransit:Fault(--.+--)?'
  base='Partnership\\.Contracts:IntegrationEvent'

  # configure: own queues/exchanges; the exchanges of its own events and, because MassTransit declares the exchange
  #   of every consumed type before binding to it, of consumed types (declaring an existing exchange is a no-op).
  # write: own queues/exchanges (bindings land there, _error/_skipped moves), its own event exchanges and the base
  #   exchange they are bound to, fault exchanges.
  # read: own queues/exchanges, its own event exchanges (source of the base binding), consumed event exchanges
  #   (source of its queue bindings). Never another service's queue.
  configure="^($own|$faults${published:+|$published|$base}${consumed:+|$consumed})\$"
  write="^($own|$faults${published:+|$published|$base})\$"
  read="^($own${published:+|$published}${consumed:+|$consumed})\$"

  var="BROKER_PASSWORD_$(echo "$service" | tr 'a-z-' 'A-Z_')"
  password="${!var:-}"
  shown="***"
  if [ -z "$password" ]; then
    # Only a password made here is printed: whoever supplied one already has it, and logs must not.
    password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=' )"
    shown="$password"
  fi

  call PUT "users/$service" "{\"password\":\"$password\",\"tags\":\"\"}"
  call PUT "permissions/$vhost_path/$service" "{\"configure\":\"$configure\",\"write\":\"$write\",\"read\":\"$read\"}"
  echo "$service ConnectionStrings__messaging=amqp://$service:$shown@$amqp_host:$amqp_port/$vhost_path"
done

#!/usr/bin/env bash
# Measures the agent's start time and resident memory (docs/performance.md, "Agent"):
# a real Mosquitto with the rig's login, `otedama-agent run` with the start script's flags and one
# idle cpu device, telemetry every 10 s; VmRSS after SECONDS (default 60) idle.
#   ./mvnw -B -ntp -q -pl agent -am package -DskipTests && agent/scripts/measure-footprint.sh [SECONDS] [EXTRA JVM FLAGS...]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
. "$here/scripts/lib/jdk.sh"
find_jdk21 >/dev/null
seconds=${1:-60}
shift || true
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
touch "$work/passwd"
mosquitto_passwd -b "$work/passwd" rig-m1 m1secret
printf 'pattern readwrite otedama/v1/rigs/%%u/#\n' > "$work/acl"
cat > "$work/mosquitto.conf" <<CONF
user root
allow_anonymous false
password_file $work/passwd
acl_file $work/acl
persistence false
listener $port 127.0.0.1
CONF
mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
sleep 1
cat > "$work/agent.yml" <<CONF
credentials:
  rigId: rig-m1
  mqttUrl: tcp://127.0.0.1:$port
  mqttUsername: rig-m1
  mqttPassword: m1secret
telemetry:
  interval: 10s
spool:
  directory: $work/spool
devices:
  - kind: cpu
    threads: 2
CONF
flags=(-Xms8m -Xmx32m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m
       -XX:MaxMetaspaceSize=48m --add-modules jdk.incubator.vector "$@")
start=$(date +%s%N)
java "${flags[@]}" -jar "$here/agent/target/otedama-agent.jar" run --config "$work/agent.yml" > "$work/agent.log" 2>&1 &
pid=$!
until grep -q "MQTT connected" "$work/agent.log"; do sleep 0.05; done
connected=$(( ($(date +%s%N) - start) / 1000000 ))
echo "java: $(java -version 2>&1 | head -1)"
echo "flags: ${flags[*]}"
echo "launch to 'MQTT connected': $connected ms; $(grep -o 'started in [0-9,]* ms' "$work/agent.log")"
sleep "$seconds"
echo "after $seconds s idle: $(grep -E 'VmRSS' /proc/$pid/status | tr -s ' ')," \
  "$(grep -E 'RssAnon|RssFile' /proc/$pid/status | tr -s ' ' | tr '\n' ' ')threads $(grep Threads /proc/$pid/status | tr -s ' ' | cut -d' ' -f2)"
kill $pid
wait $pid 2>/dev/null || true

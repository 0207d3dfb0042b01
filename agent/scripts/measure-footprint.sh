#!/usr/bin/env bash
# Measures the agent's start time and resident memory (docs/performance.md, "Agent"):
# a real Mosquitto with the rig's login, `otedama-agent run` through the start script
# (agent/src/main/dist/otedama-agent, so exactly its JVM flags) with one idle cpu device and
# telemetry every 10 s. Two starts, like a rig's first boot and every one after it: the first runs
# until connected and stops (SIGTERM, which writes the start script's class-data archive), the
# second runs SECONDS (default 60) idle and is measured.
#   ./mvnw -B -ntp -q -pl agent -am package -DskipTests && agent/scripts/measure-footprint.sh [SECONDS] [EXTRA JVM FLAGS...]
# Extra JVM flags go through OTEDAMA_AGENT_JAVA_OPTS; OTEDAMA_AGENT_CDS_ARCHIVE=none measures
# without the archive.
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
if [ -z "${LAUNCHER:-}" ]; then
  export OTEDAMA_AGENT_JAR="$here/agent/target/otedama-agent.jar"
fi
export OTEDAMA_AGENT_JAVA_OPTS="$*"
if [ "${OTEDAMA_AGENT_CDS_ARCHIVE:-}" != none ]; then
  export OTEDAMA_AGENT_CDS_ARCHIVE="$work/otedama-agent-run.jsa"
fi
# LAUNCHER=agent/target/otedama-agent-runtime/bin/otedama-agent measures the jlink runtime image
launcher=${LAUNCHER:-$here/agent/src/main/dist/otedama-agent}

# one start: prints "<ms to MQTT connected> <pid>"
start_agent() {
  local log=$1 start pid
  start=$(date +%s%N)
  : > "$log"
  "$launcher" run --config "$work/agent.yml" > "$log" 2>&1 &
  pid=$!
  until grep -q "MQTT connected" "$log"; do
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.02
  done
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $pid"
}

echo "java: $(java -version 2>&1 | head -1)"
read -r first pid < <(start_agent "$work/agent-1.log")
sleep 2
kill $pid
while kill -0 $pid 2>/dev/null; do sleep 0.05; done # not our child: started in a subshell
echo "first start (no archive yet): launch to 'MQTT connected' $first ms;" \
  "archive $( [ -f "$work/otedama-agent-run.jsa" ] && du -h "$work/otedama-agent-run.jsa" | cut -f1 || echo none)"
read -r connected pid < <(start_agent "$work/agent.log")
echo "java command: $(tr '\0' ' ' < /proc/$pid/cmdline)"
echo "second start: launch to 'MQTT connected' $connected ms; $(grep -o 'started in [0-9,]* ms' "$work/agent.log")"
sleep "$seconds"
echo "after $seconds s idle: $(grep -E 'VmRSS' /proc/$pid/status | tr -s ' ')," \
  "$(grep -E 'RssAnon|RssFile' /proc/$pid/status | tr -s ' ' | tr '\n' ' ')threads $(grep Threads /proc/$pid/status | tr -s ' ' | cut -d' ' -f2)"
kill $pid
while kill -0 $pid 2>/dev/null; do sleep 0.05; done

#!/usr/bin/env bash
# Measures the fleet simulator (docs/performance.md, "Agent"): N rigs against a real Mosquitto
# (anonymous, so no password file for 10,000 logins) and the test enrollment endpoint, telemetry
# every 10 s, no work (no controller); after all are connected and SETTLE seconds more: VmRSS,
# the heap after a full GC, CPU.
#   ./mvnw -B -ntp -q -pl agent -am package -DskipTests
#   ./mvnw -B -ntp -q -pl agent -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/agent-test-cp.txt
#   agent/scripts/measure-simulator.sh RIGS [SETTLE] [HEAP]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
. "$here/scripts/lib/jdk.sh"
find_jdk21 >/dev/null
rigs=$1
settle=${2:-60}
heap=${3:-2g}
ulimit -n 20000
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
printf 'user root\nallow_anonymous true\npersistence false\nlistener %s 127.0.0.1\n' "$port" > "$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
cp="$here/agent/target/test-classes:$here/agent/target/classes:$(cat /tmp/agent-test-cp.txt)"
java -Xmx128m -cp "$cp" io.otedama.agent.testing.StandaloneEnrollmentServer sim-token "tcp://127.0.0.1:$port" > "$work/enroll.out" &
until [ -s "$work/enroll.out" ]; do sleep 0.1; done
start=$(date +%s)
java -Xmx"$heap" -XX:+UseSerialGC --add-modules jdk.incubator.vector -jar "$here/agent/target/otedama-agent.jar" \
  simulate --controller "$(cat "$work/enroll.out")" --token sim-token --rigs "$rigs" --fleet "m$rigs" \
  --broker "tcp://127.0.0.1:$port" --telemetry-interval 10 > "$work/sim.log" 2>&1 &
pid=$!
until grep -q "rigs $rigs/$rigs connected" "$work/sim.log"; do sleep 1; done
echo "$rigs rigs connected after $(( $(date +%s) - start )) s (enrollment + ramp of N/200 s)"
sleep "$settle"
echo "$(grep VmRSS /proc/$pid/status | tr -s ' '), CPU $(ps -o pcpu= -p $pid)% since start"
jcmd $pid GC.run > /dev/null
jcmd $pid GC.heap_info | grep -E 'DefNew|Tenured'
tail -1 "$work/sim.log"
kill $pid
wait $pid 2>/dev/null || true

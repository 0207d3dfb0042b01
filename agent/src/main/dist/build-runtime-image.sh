#!/bin/sh
# Builds the agent's runtime image: a jlink'd Java runtime with just the modules the agent uses,
# the agent jar, the start script and the systemd unit, as target/otedama-agent-runtime.tar.gz
# (one top-level directory holding bin/java: what the Ansible role otedama_agent unpacks).
# Run by the Maven profile `jlink`:   ./mvnw -Pjlink -pl agent -am package -DskipTests
# usage: build-runtime-image.sh JAVA_HOME AGENT_JAR DIST_DIR TARGET_DIR
set -eu
java_home=$1
jar=$2
dist=$3
target=$4

image="$target/otedama-agent-runtime"
rm -rf "$image" "$target/otedama-agent-runtime.tar.gz"

# What the agent's classes and libraries reference...
deps=$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps -q --multi-release 21 "$jar")
# ...minus modules only optional code paths touch (java.beans in SnakeYAML's bean mapping, java.sql
# types in Jackson databind, preferences): the agent never takes those paths, and java.desktop
# alone is a third of a full runtime. Plus what is loaded by name, which jdeps cannot see: the JUL
# backend of System.Logger and Paho, elliptic-curve TLS, and the Vector API for hashing.
modules=$(printf '%s\n' "$deps" | tr ',' '\n' | grep -v -x -e java.desktop -e java.sql -e java.prefs -e java.logging -e jdk.incubator.vector | tr '\n' ',')
modules="${modules}java.logging,jdk.incubator.vector"
if "$java_home/bin/java" --list-modules | grep -q '^jdk.crypto.ec@'; then
  modules="$modules,jdk.crypto.ec"
fi
echo "jdeps: $deps"
echo "image modules: $modules"

"$java_home/bin/jlink" \
  --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages \
  --compress zip-6 \
  --generate-cds-archive \
  --output "$image"

mkdir -p "$image/agent"
cp "$jar" "$image/agent/otedama-agent.jar"
cp "$dist/otedama-agent" "$image/bin/otedama-agent"
chmod 755 "$image/bin/otedama-agent"
cp "$dist/otedama-agent.service" "$image/agent/otedama-agent.service"

# smoke test: the image runs the agent
"$image/bin/otedama-agent" --version

tar -C "$target" -czf "$target/otedama-agent-runtime.tar.gz" otedama-agent-runtime
du -sh "$image" "$target/otedama-agent-runtime.tar.gz"

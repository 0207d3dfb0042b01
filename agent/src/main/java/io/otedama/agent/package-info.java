/**
 * The rig agent and the fleet simulator (docs/agent.md). Feature packages: {@code config}
 * (agent.yml), {@code enroll} (hardware identity, enrollment API), {@code link} (the MQTT session),
 * {@code spool} (offline spool and outbox), {@code telemetry} (host sensors, collector), {@code
 * device} with {@code cpu}, {@code asic}, {@code simulated} (the device managers), {@code command}
 * (command handling), {@code runtime} (one rig wired together), {@code sim} (the fleet simulator)
 * and {@code cli} (the picocli commands). Depends on the protocol and hashing modules, Paho,
 * Jackson (YAML) and picocli; nothing here depends on the controller.
 */
package io.otedama.agent;

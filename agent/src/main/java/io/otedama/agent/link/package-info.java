/**
 * The rig's MQTT session over Paho v5: {@link io.otedama.agent.link.MqttLink} (clean start off,
 * Last Will, birth and retained status on every connect, resubscribe, own reconnect loop with
 * {@link io.otedama.agent.link.ReconnectBackoff} full jitter, TLS), and {@link
 * io.otedama.agent.link.ThreadPerTaskScheduler}, the executor all links of a process share. Depends
 * on Paho and the protocol module.
 */
package io.otedama.agent.link;

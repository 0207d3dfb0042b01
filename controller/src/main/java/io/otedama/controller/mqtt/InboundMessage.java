package io.otedama.controller.mqtt;

/**
 * A message as it came off the broker, before decoding.
 *
 * @param correlationData the MQTT 5 correlation data, or null
 * @param receivedAtMillis wall clock at arrival (epoch ms)
 * @param receivedNanos {@link System#nanoTime()} at arrival, for latency measurements
 */
public record InboundMessage(
    String topic,
    byte[] payload,
    boolean retained,
    byte[] correlationData,
    long receivedAtMillis,
    long receivedNanos) {}

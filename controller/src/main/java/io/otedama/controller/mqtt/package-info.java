/**
 * The MQTT edge: the controller's Paho v5 connection ({@link
 * io.otedama.controller.mqtt.ControllerMqttClient}), decoding and dispatch of inbound messages to
 * the features, and publishing to rigs (commands, work). Depends on the {@code protocol} module for
 * topics, messages and the codec, and reaches features only through their seams ({@code
 * fleet.RigPresenceSink}, {@code commands.CommandResultSink}, the telemetry ingest); no feature
 * depends on this package.
 */
package io.otedama.controller.mqtt;

/**
 * The durable command queue: commands are rows first, then MQTT messages with a correlation id;
 * results and timeouts update the row. The transport is behind {@link
 * io.otedama.controller.commands.CommandPublisher}.
 */
package io.otedama.controller.commands;

/**
 * The durable command queue: commands are rows first, then MQTT messages with a correlation id;
 * results and timeouts update the row. The transport is behind {@link
 * io.otedama.controller.commands.CommandPublisher}; results arrive through {@link
 * io.otedama.controller.commands.CommandResultSink} (implemented by {@link
 * io.otedama.controller.commands.CommandResults}). Batches ({@link
 * io.otedama.controller.commands.CommandBatches}) send one command to many rigs as ordinary
 * commands tagged with the batch; the rigs a filter names come through the {@link
 * io.otedama.controller.commands.RigSelector} seam. May depend on api and auth.
 */
package io.otedama.controller.commands;

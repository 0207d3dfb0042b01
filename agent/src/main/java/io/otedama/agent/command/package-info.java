/**
 * Commands from the controller: {@link io.otedama.agent.command.CommandProcessor} (decode, dedupe
 * by id, expiry, ack, run, answer), {@link io.otedama.agent.command.CommandHandlers} (what each
 * type does), {@link io.otedama.agent.command.ExecutedCommands} (the remembered ids, persisted next
 * to the spool). Depends on the device interface and the protocol module.
 */
package io.otedama.agent.command;

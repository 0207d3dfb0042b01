/**
 * Socket plumbing both MQTT ends share (the agent's link and the controller's client). Depends on
 * the JDK only.
 */
package io.otedama.protocol.transport;

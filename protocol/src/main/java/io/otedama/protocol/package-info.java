/**
 * The wire contracts shared by the agent and the controller: MQTT topic names and the topic ACL
 * ({@code topic}), message records ({@code message}), the JSON codec with validation ({@code
 * codec}), and the Stratum v1 JSON-RPC codec and line framing ({@code stratum}). This package holds
 * only {@link io.otedama.protocol.JsonValues}, shared by the codecs. Depends on Jackson only; knows
 * nothing of MQTT clients, sockets, HTTP or databases.
 */
package io.otedama.protocol;

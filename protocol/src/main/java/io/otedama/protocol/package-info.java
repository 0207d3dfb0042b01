/**
 * The wire contracts shared by the agent and the controller: MQTT topic names, message records, the
 * JSON codec with validation, and the Stratum v1 JSON-RPC codec. Depends on Jackson only; knows
 * nothing of MQTT clients, HTTP or databases.
 */
package io.otedama.protocol;

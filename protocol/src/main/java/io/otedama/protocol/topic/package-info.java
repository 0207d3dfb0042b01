/**
 * MQTT topic names of CONTRACTS.md §5: building and parsing {@code otedama/v1/rigs/{rigId}/...},
 * the rig id syntax, the controller's (shared) subscription filters, and the per-rig topic ACL that
 * the broker's authorizer calls. Pure functions over strings; depends on nothing but the JDK.
 */
package io.otedama.protocol.topic;

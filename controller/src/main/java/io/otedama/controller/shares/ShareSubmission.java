package io.otedama.controller.shares;

import java.time.Instant;

/**
 * A share as a rig submitted it, independent of the transport (MQTT share batch or Stratum {@code
 * mining.submit}). Fields are untrusted text; the validator checks them.
 *
 * @param shareId the agent's share id (unique per rig, stable across replays), or the Stratum
 *     connection's own sequence-based id
 * @param jobId the local job id from the rig's work
 * @param extranonce2 the full extranonce2 in hex, the rig's prefix included
 * @param ntime 8 hex digits
 * @param nonce 8 hex digits
 * @param versionBits up to 8 hex digits, or null without version rolling
 * @param receivedAt when the controller received it (staleness is judged at this time)
 */
public record ShareSubmission(
    String shareId,
    String jobId,
    String extranonce2,
    String ntime,
    String nonce,
    String versionBits,
    Instant receivedAt) {}

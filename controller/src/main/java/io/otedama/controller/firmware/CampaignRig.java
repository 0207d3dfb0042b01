package io.otedama.controller.firmware;

import java.time.Instant;
import java.util.List;

/**
 * One rig in a campaign.
 *
 * @param state pending, queued (command sent), downloading, downloaded, verified, installing,
 *     installed, failed or cancelled
 * @param reason why it failed (the agent's words: "sha256 mismatch", "rolled back: ..."), or null
 */
public record CampaignRig(
    String rigId,
    String rigName,
    int wave,
    String state,
    String reason,
    String commandId,
    int attempts,
    String fromVersion,
    Instant updatedAt) {

  public static final String PENDING = "pending";
  public static final String QUEUED = "queued";
  public static final String INSTALLED = "installed";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";

  /** The progress stages an agent reports, in order (docs/firmware.md). */
  public static final List<String> STAGES =
      List.of(QUEUED, "downloading", "downloaded", "verified", "installing");

  static boolean isFinal(String state) {
    return INSTALLED.equals(state) || FAILED.equals(state) || CANCELLED.equals(state);
  }
}

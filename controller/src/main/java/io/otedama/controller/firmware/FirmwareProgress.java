package io.otedama.controller.firmware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.controller.commands.CommandResultSink;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in front of the commands feature's result sink: every result goes on to it unchanged, and
 * results of campaign commands also move their rig's state. Agents report stages as {@code acked}
 * results with {@code details.stage} (downloading, downloaded, verified, installing), then {@code
 * succeeded} (installed) or {@code failed} (the message is the reason; {@code details.stage}
 * rolled-back marks an automatic rollback). A stage never moves a rig backwards, and a final state
 * is left only by a retry.
 */
final class FirmwareProgress implements CommandResultSink {
  private static final Logger LOG = LoggerFactory.getLogger(FirmwareProgress.class);
  private final CommandResultSink next;
  private final Jdbi jdbi;
  private final FirmwareMetrics metrics;
  private final ObjectMapper json;
  private final Clock clock;

  FirmwareProgress(
      CommandResultSink next, Jdbi jdbi, FirmwareMetrics metrics, ObjectMapper json, Clock clock) {
    this.next = next;
    this.jdbi = jdbi;
    this.metrics = metrics;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void onResult(
      String rigId,
      String commandId,
      String status,
      String message,
      String detailsJson,
      Instant at) {
    next.onResult(rigId, commandId, status, message, detailsJson, at);
    if (rigId == null || commandId == null || status == null || commandId.length() > 64) {
      return;
    }
    try {
      apply(rigId, commandId, status, message, stage(detailsJson));
    } catch (RuntimeException e) {
      LOG.warn("Progress of command {} (rig {}) not recorded", commandId, rigId, e);
    }
  }

  private void apply(String rigId, String commandId, String status, String message, String stage) {
    String state;
    String reason = null;
    switch (status) {
      case "acked" -> {
        if (stage == null || CampaignRig.STAGES.indexOf(stage) < 1) {
          return; // the plain "running" ack, or a stage we do not know: nothing to move
        }
        state = stage;
      }
      case "succeeded" -> state = CampaignRig.INSTALLED;
      case "failed" -> {
        state = CampaignRig.FAILED;
        String why = message == null || message.isBlank() ? "failed" : message;
        reason =
            "rolled-back".equals(stage) && !why.startsWith("rolled back")
                ? "rolled back: " + why
                : why;
        if (reason.length() > 2000) {
          reason = reason.substring(0, 2000);
        }
      }
      default -> {
        return;
      }
    }
    // only forward: a stage replaces an earlier stage; a final state replaces any non-final one
    String allowed =
        CampaignRig.isFinal(state)
            ? "('queued', 'downloading', 'downloaded', 'verified', 'installing')"
            : stagesBefore(state);
    String newState = state;
    String newReason = reason;
    int changed =
        jdbi.withHandle(h ->
            h.createUpdate(
                    "UPDATE firmware_campaign_rigs SET state = :s, reason = :r, updated_at = :now"
                        + " WHERE command_id = :cmd AND rig_id = :rig AND state IN "
                        + allowed)
                .bind("s", newState)
                .bind("r", newReason)
                .bind("now", clock.instant())
                .bind("cmd", commandId)
                .bind("rig", rigId)
                .execute());
    if (changed > 0 && CampaignRig.isFinal(state)) {
      metrics.rigFinished(state.equals(CampaignRig.INSTALLED) ? "installed" : failureKind(reason));
    }
  }

  private static String stagesBefore(String stage) {
    int rank = CampaignRig.STAGES.indexOf(stage);
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < rank; i++) {
      sb.append(i == 0 ? "" : ", ").append('\'').append(CampaignRig.STAGES.get(i)).append('\'');
    }
    return sb.append(')').toString();
  }

  static String failureKind(String reason) {
    return reason != null && reason.startsWith("rolled back") ? "rolled_back" : "failed";
  }

  private String stage(String detailsJson) {
    if (detailsJson == null || detailsJson.isBlank()) {
      return null;
    }
    try {
      JsonNode node = json.readTree(detailsJson);
      return node != null && node.path("stage").isTextual() ? node.get("stage").asText() : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}

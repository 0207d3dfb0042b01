package io.otedama.controller.firmware;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves running campaigns forward, one {@link #tick()} at a time (the scheduler calls it every
 * {@code firmware.tickInterval}). Per campaign, under a row lock so replicas never both act:
 *
 * <ol>
 *   <li>rigs whose command ended without a progress message (a result that raced the command id
 *       being stored, a timeout) take the command's outcome;
 *   <li>the current wave is the first one pending or running; if its failed rigs exceed its error
 *       threshold the campaign stops (later waves stay pending, their rigs untouched);
 *   <li>its pending rigs get their {@code update-firmware} command, unless their group has a
 *       maintenance window that is closed now (they wait);
 *   <li>once every rig of the wave is installed or failed: at or above the success threshold the
 *       wave succeeded and the next starts (or the campaign pauses for approval); below it the wave
 *       is incomplete and the campaign pauses (retry the failed rigs, or resume to go on).
 * </ol>
 */
final class RolloutEngine {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutEngine.class);
  private final CampaignStore store;
  private final ArtifactStore artifacts;
  private final MaintenanceWindows windows;
  private final UpdateCommands commands;
  private final FirmwareMetrics metrics;
  private final Clock clock;
  private final Duration updateTimeout;

  RolloutEngine(
      CampaignStore store,
      ArtifactStore artifacts,
      MaintenanceWindows windows,
      UpdateCommands commands,
      FirmwareMetrics metrics,
      Clock clock,
      Duration updateTimeout) {
    this.store = store;
    this.artifacts = artifacts;
    this.windows = windows;
    this.commands = commands;
    this.metrics = metrics;
    this.clock = clock;
    this.updateTimeout = updateTimeout;
  }

  void tick() {
    for (long id : store.idsInState(Campaign.RUNNING)) {
      try {
        store.jdbi().useTransaction(h -> advance(h, id));
      } catch (RuntimeException e) {
        LOG.warn("Campaign {} could not advance; it is tried again next tick", id, e);
      }
    }
  }

  private void advance(Handle h, long id) {
    Optional<String> locked =
        h.createQuery("SELECT state FROM firmware_campaigns WHERE id = :id FOR UPDATE SKIP LOCKED")
            .bind("id", id)
            .mapTo(String.class)
            .findOne();
    if (locked.isEmpty() || !locked.get().equals(Campaign.RUNNING)) {
      return; // another replica has it, or it changed since the list
    }
    reconcile(h, id);
    Campaign campaign = store.find(h, id).orElseThrow();
    Instant now = clock.instant();
    for (Campaign.Wave wave : campaign.waves()) {
      if (!wave.state().equals("pending") && !wave.state().equals("running")) {
        continue;
      }
      if (wave.state().equals("pending")) {
        setWave(h, id, wave.number(), "running", now, null);
      }
      Campaign.Progress p = wave.progress();
      int n = p.total() - p.cancelled();
      if (n > 0 && p.failed() * 100L > (long) wave.errorThreshold() * n) {
        setWave(h, id, wave.number(), "failed", null, now);
        setCampaign(
            h,
            id,
            Campaign.STOPPED,
            "wave "
                + wave.number()
                + ": "
                + p.failed()
                + " of "
                + n
                + " rigs failed, above the error threshold of "
                + wave.errorThreshold()
                + "%",
            now);
        LOG.warn("Campaign {} stopped: wave {} past its error threshold", id, wave.number());
        return;
      }
      if (p.pending() > 0) {
        dispatch(h, campaign, wave.number(), now);
        return;
      }
      if (p.inProgress() > 0) {
        return;
      }
      if (p.installed() * 100L >= (long) wave.successThreshold() * n) {
        setWave(h, id, wave.number(), "succeeded", null, now);
        boolean more = campaign.waves().stream().anyMatch(w -> w.number() > wave.number());
        if (more && wave.onSuccess().equals("pause")) {
          setCampaign(
              h,
              id,
              Campaign.PAUSED,
              "wave " + wave.number() + " succeeded; waiting for approval (resume) to go on",
              null);
          return;
        }
        continue; // the next wave starts in this same tick
      }
      setWave(h, id, wave.number(), "incomplete", null, now);
      setCampaign(
          h,
          id,
          Campaign.PAUSED,
          "wave "
              + wave.number()
              + ": "
              + p.installed()
              + " of "
              + n
              + " rigs installed, below the success threshold of "
              + wave.successThreshold()
              + "%; retry the failed rigs, or resume to go on",
          null);
      return;
    }
    setCampaign(h, id, Campaign.FINISHED, null, now);
    LOG.info("Campaign {} finished", id);
  }

  /** Rigs whose command already ended take its outcome (the progress path may have missed it). */
  private void reconcile(Handle h, long id) {
    List<Map<String, Object>> ended =
        h.createQuery(
                "SELECT cr.rig_id, c.status, c.result_message FROM firmware_campaign_rigs cr"
                    + " JOIN commands c ON c.id = cr.command_id WHERE cr.campaign_id = :id"
                    + " AND cr.state NOT IN ('pending', 'installed', 'failed', 'cancelled')"
                    + " AND c.status IN ('succeeded', 'failed', 'timed_out')")
            .bind("id", id)
            .mapToMap()
            .list();
    for (Map<String, Object> row : ended) {
      String status = (String) row.get("status");
      String state = status.equals("succeeded") ? CampaignRig.INSTALLED : CampaignRig.FAILED;
      String reason =
          switch (status) {
            case "succeeded" -> null;
            case "timed_out" -> "timed out: no result within " + updateTimeout.toMinutes() + " min";
            default -> Optional.ofNullable((String) row.get("result_message")).orElse("failed");
          };
      h.createUpdate(
              "UPDATE firmware_campaign_rigs SET state = :s, reason = :r, updated_at = :now"
                  + " WHERE campaign_id = :id AND rig_id = :rig")
          .bind("s", state)
          .bind("r", reason)
          .bind("now", clock.instant())
          .bind("id", id)
          .bind("rig", (String) row.get("rig_id"))
          .execute();
      metrics.rigFinished(
          status.equals("succeeded")
              ? "installed"
              : status.equals("timed_out") ? "timed_out" : FirmwareProgress.failureKind(reason));
    }
  }

  private void dispatch(Handle h, Campaign campaign, int wave, Instant now) {
    Artifact artifact = artifacts.find(campaign.artifactId()).orElseThrow();
    Map<Long, MaintenanceWindow> byGroup = windows.byGroup();
    List<Map<String, Object>> pending =
        h.createQuery(
                "SELECT cr.rig_id, r.group_id FROM firmware_campaign_rigs cr"
                    + " JOIN rigs r ON r.id = cr.rig_id WHERE cr.campaign_id = :id"
                    + " AND cr.wave_no = :w AND cr.state = 'pending' ORDER BY cr.rig_id")
            .bind("id", campaign.id())
            .bind("w", wave)
            .mapToMap()
            .list();
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("url", downloadUrl(campaign));
    args.put("sha256", artifact.sha256());
    args.put("size", artifact.sizeBytes());
    args.put("signature", artifact.signature());
    args.put("version", artifact.version());
    args.put("kind", artifact.kind());
    for (Map<String, Object> row : pending) {
      String rigId = (String) row.get("rig_id");
      Number group = (Number) row.get("group_id");
      MaintenanceWindow window = group == null ? null : byGroup.get(group.longValue());
      if (window != null && !window.isOpen(now)) {
        continue; // waits for its group's window
      }
      String state;
      String reason = null;
      String commandId = null;
      try {
        // the command commits on its own before it is sent (commands/CommandStore), not with this
        // transaction: the agent's answer can arrive before this tick commits. Its progress then
        // finds no campaign row yet, and reconcile() applies the command's outcome next tick.
        commandId = commands.issue(rigId, args, updateTimeout, "campaign:" + campaign.id());
        state = CampaignRig.QUEUED;
      } catch (RuntimeException e) {
        state = CampaignRig.FAILED;
        reason = "the command could not be issued: " + e.getMessage();
        metrics.rigFinished("failed");
      }
      h.createUpdate(
              "UPDATE firmware_campaign_rigs SET state = :s, reason = :r, command_id = :cmd,"
                  + " attempts = attempts + 1, updated_at = :now"
                  + " WHERE campaign_id = :id AND rig_id = :rig")
          .bind("s", state)
          .bind("r", reason)
          .bind("cmd", commandId)
          .bind("now", now)
          .bind("id", campaign.id())
          .bind("rig", rigId)
          .execute();
    }
  }

  private static String downloadUrl(Campaign campaign) {
    String base = campaign.downloadBaseUrl();
    if (!base.endsWith("/")) {
      base = base + "/";
    }
    return base + "api/v1/firmware/downloads/" + campaign.downloadToken();
  }

  private static void setWave(
      Handle h, long id, int wave, String state, Instant startedAt, Instant finishedAt) {
    h.createUpdate(
            "UPDATE firmware_campaign_waves SET state = :s,"
                + " started_at = COALESCE(started_at, :started),"
                + " finished_at = COALESCE(:finished, finished_at)"
                + " WHERE campaign_id = :id AND wave_no = :w")
        .bind("s", state)
        .bind("started", startedAt)
        .bind("finished", finishedAt)
        .bind("id", id)
        .bind("w", wave)
        .execute();
  }

  static void setCampaign(Handle h, long id, String state, String reason, Instant finishedAt) {
    h.createUpdate(
            "UPDATE firmware_campaigns SET state = :s, state_reason = :r,"
                + " finished_at = COALESCE(:finished, finished_at) WHERE id = :id")
        .bind("s", state)
        .bind("r", reason)
        .bind("finished", finishedAt)
        .bind("id", id)
        .execute();
  }
}

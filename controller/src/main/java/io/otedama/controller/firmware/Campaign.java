package io.otedama.controller.firmware;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A rollout campaign as the API shows it, with its waves and their progress.
 *
 * @param state ready, running, paused, stopped (error threshold), finished or cancelled
 * @param stateReason why it is paused or stopped, or null
 */
public record Campaign(
    long id,
    String name,
    long artifactId,
    String artifactName,
    String artifactVersion,
    String state,
    String stateReason,
    Filter filter,
    String createdBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    @JsonIgnore String downloadToken,
    @JsonIgnore String downloadBaseUrl,
    List<Wave> waves,
    Progress progress) {

  public static final String READY = "ready";
  public static final String RUNNING = "running";
  public static final String PAUSED = "paused";
  public static final String STOPPED = "stopped";
  public static final String FINISHED = "finished";
  public static final String CANCELLED = "cancelled";

  /** Which rigs it targets: a group, a model, a current agent version (null: any). */
  public record Filter(Long groupId, String model, String version) {}

  /**
   * One wave and its rigs' states.
   *
   * @param state pending, running, succeeded, failed, incomplete or cancelled
   * @param onSuccess next (go on) or pause (wait for the operator's resume)
   */
  public record Wave(
      int number,
      int successThreshold,
      int errorThreshold,
      String onSuccess,
      String state,
      Instant startedAt,
      Instant finishedAt,
      Progress progress) {}

  /** Rig counts by state group. */
  public record Progress(
      int total, int pending, int inProgress, int installed, int failed, int cancelled) {
    static final Progress EMPTY = new Progress(0, 0, 0, 0, 0, 0);

    Progress plus(Progress o) {
      return new Progress(
          total + o.total,
          pending + o.pending,
          inProgress + o.inProgress,
          installed + o.installed,
          failed + o.failed,
          cancelled + o.cancelled);
    }

    Progress with(String rigState, int n) {
      return switch (rigState) {
        case CampaignRig.PENDING ->
            new Progress(total + n, pending + n, inProgress, installed, failed, cancelled);
        case CampaignRig.INSTALLED ->
            new Progress(total + n, pending, inProgress, installed + n, failed, cancelled);
        case CampaignRig.FAILED ->
            new Progress(total + n, pending, inProgress, installed, failed + n, cancelled);
        case CampaignRig.CANCELLED ->
            new Progress(total + n, pending, inProgress, installed, failed, cancelled + n);
        default -> new Progress(total + n, pending, inProgress + n, installed, failed, cancelled);
      };
    }
  }
}

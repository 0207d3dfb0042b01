package io.otedama.controller.firmware;

import io.otedama.controller.api.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Campaign lifecycle: create (targets resolved and split into waves at once, so the operator sees
 * who is in which wave before starting), start, pause, resume, cancel, retry the failed rigs.
 */
public final class CampaignService {
  static final int MAX_WAVES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final CampaignStore store;
  private final ArtifactStore artifacts;
  private final Clock clock;
  private final String configuredBaseUrl;

  CampaignService(
      CampaignStore store, ArtifactStore artifacts, Clock clock, String configuredBaseUrl) {
    this.store = store;
    this.artifacts = artifacts;
    this.clock = clock;
    this.configuredBaseUrl = configuredBaseUrl;
  }

  /**
   * One wave: {@code size} rigs or {@code percent} of the targets (the last wave always takes the
   * rest); thresholds in percent default to the campaign's; {@code pauseAfter} waits for approval.
   */
  public record WaveSpec(
      Integer size,
      Integer percent,
      Integer successThreshold,
      Integer errorThreshold,
      Boolean pauseAfter) {}

  /** A new campaign; unset fields take the defaults in docs/firmware.md. */
  public record CampaignSpec(
      String name,
      Long artifactId,
      Long groupId,
      String model,
      String version,
      List<WaveSpec> waves,
      Integer successThreshold,
      Integer errorThreshold) {}

  static final List<WaveSpec> DEFAULT_WAVES =
      List.of(
          new WaveSpec(1, null, null, null, null),
          new WaveSpec(null, 25, null, null, null),
          new WaveSpec(null, 100, null, null, null));

  public Campaign create(CampaignSpec spec, String createdBy) {
    if (spec == null) {
      throw ApiException.badRequest("A campaign needs a body with at least artifactId.");
    }
    String name = spec.name() == null || spec.name().isBlank() ? null : spec.name().strip();
    if (name != null && name.length() > 128) {
      throw ApiException.badRequest("name is limited to 128 characters.");
    }
    if (spec.artifactId() == null) {
      throw ApiException.badRequest("artifactId is required.");
    }
    Artifact artifact =
        artifacts
            .find(spec.artifactId())
            .orElseThrow(() ->
                ApiException.notFound("There is no artifact with id " + spec.artifactId() + "."));
    int success = percent(spec.successThreshold(), 100, "successThreshold");
    int error = percent(spec.errorThreshold(), 20, "errorThreshold");
    List<WaveSpec> waveSpecs =
        spec.waves() == null || spec.waves().isEmpty() ? DEFAULT_WAVES : spec.waves();
    if (waveSpecs.size() > MAX_WAVES) {
      throw ApiException.badRequest("A campaign has at most " + MAX_WAVES + " waves.");
    }
    Campaign.Filter filter =
        new Campaign.Filter(spec.groupId(), blankToNull(spec.model()), blankToNull(spec.version()));
    List<CampaignStore.Target> targets = store.targets(artifact, filter);
    if (targets.isEmpty()) {
      throw new ApiException(
          422,
          "No rig matches: none in the filter needs "
              + artifact.name()
              + " "
              + artifact.version()
              + " (rigs already on it, and rigs of other models than the artifact's, are left"
              + " out).");
    }
    List<CampaignStore.NewWave> waves = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < waveSpecs.size() && next < targets.size(); i++) {
      WaveSpec w = waveSpecs.get(i);
      if (w == null || (w.size() == null) == (w.percent() == null)) {
        throw ApiException.badRequest("Wave " + (i + 1) + " needs either size or percent.");
      }
      int count;
      if (w.size() != null) {
        if (w.size() < 1) {
          throw ApiException.badRequest("Wave " + (i + 1) + ": size must be at least 1.");
        }
        count = w.size();
      } else {
        if (w.percent() < 1 || w.percent() > 100) {
          throw ApiException.badRequest("Wave " + (i + 1) + ": percent must be 1 to 100.");
        }
        count = (int) Math.ceil(targets.size() * w.percent() / 100.0);
      }
      boolean last = i == waveSpecs.size() - 1;
      int end = last ? targets.size() : Math.min(targets.size(), next + count);
      waves.add(
          new CampaignStore.NewWave(
              percent(w.successThreshold(), success, "wave successThreshold"),
              percent(w.errorThreshold(), error, "wave errorThreshold"),
              Boolean.TRUE.equals(w.pauseAfter()) ? "pause" : "next",
              targets.subList(next, end)));
      next = end;
    }
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    long id =
        store.insert(
            name == null ? artifact.name() + " " + artifact.version() : name,
            artifact.id(),
            filter,
            Base64.getUrlEncoder().withoutPadding().encodeToString(token),
            createdBy,
            clock.instant(),
            waves);
    return get(id);
  }

  public Campaign get(long id) {
    return store
        .find(id)
        .orElseThrow(() -> ApiException.notFound("There is no campaign with id " + id + "."));
  }

  public List<Campaign> list() {
    return store.list(200);
  }

  public List<CampaignRig> rigs(long id, Integer wave) {
    get(id);
    return store.rigs(id, wave);
  }

  /**
   * Starts a ready campaign. {@code requestBaseUrl} (the URL the operator reached the API at) is
   * where agents download from unless {@code firmware.downloadBaseUrl} is set.
   */
  public Campaign start(long id, String requestBaseUrl) {
    String base = configuredBaseUrl != null ? configuredBaseUrl : requestBaseUrl;
    transition(
        id,
        List.of(Campaign.READY),
        "UPDATE firmware_campaigns SET state = 'running', state_reason = NULL, started_at = :now,"
            + " download_base_url = :base WHERE id = :id",
        base,
        "start it",
        "only a ready campaign can be started");
    return get(id);
  }

  public Campaign pause(long id) {
    transition(
        id,
        List.of(Campaign.RUNNING),
        "UPDATE firmware_campaigns SET state = 'paused', state_reason = 'paused by an operator'"
            + " WHERE id = :id",
        null,
        "pause it",
        "only a running campaign can be paused");
    return get(id);
  }

  public Campaign resume(long id) {
    transition(
        id,
        List.of(Campaign.PAUSED),
        "UPDATE firmware_campaigns SET state = 'running', state_reason = NULL WHERE id = :id",
        null,
        "resume it",
        "only a paused campaign can be resumed (a stopped one: retry its failed rigs)");
    return get(id);
  }

  /** Cancels: no new commands go out, the download token stops working. */
  public Campaign cancel(long id) {
    store
        .jdbi()
        .useTransaction(h -> {
          String state = lock(h, id);
          if (List.of(Campaign.FINISHED, Campaign.CANCELLED).contains(state)) {
            throw ApiException.conflict("The campaign is " + state + "; it cannot be cancelled.");
          }
          h.createUpdate(
                  "UPDATE firmware_campaign_rigs SET state = 'cancelled', updated_at = :now"
                      + " WHERE campaign_id = :id AND state = 'pending'")
              .bind("id", id)
              .bind("now", clock.instant())
              .execute();
          h.createUpdate(
                  "UPDATE firmware_campaign_waves SET state = 'cancelled'"
                      + " WHERE campaign_id = :id AND state IN ('pending', 'running')")
              .bind("id", id)
              .execute();
          h.createUpdate(
                  "UPDATE firmware_campaigns SET state = 'cancelled', state_reason ="
                      + " 'cancelled by an operator', finished_at = :now WHERE id = :id")
              .bind("id", id)
              .bind("now", clock.instant())
              .execute();
        });
    return get(id);
  }

  /** Puts the failed rigs (only those) back to pending and runs the campaign again. */
  public Campaign retry(long id) {
    store
        .jdbi()
        .useTransaction(h -> {
          String state = lock(h, id);
          if (!List.of(Campaign.RUNNING, Campaign.PAUSED, Campaign.STOPPED).contains(state)) {
            throw ApiException.conflict(
                "The campaign is " + state + "; only a running, paused or stopped one retries.");
          }
          List<Integer> waves =
              h.createQuery(
                      "UPDATE firmware_campaign_rigs SET state = 'pending', reason = NULL,"
                          + " command_id = NULL, updated_at = :now"
                          + " WHERE campaign_id = :id AND state = 'failed' RETURNING wave_no")
                  .bind("id", id)
                  .bind("now", clock.instant())
                  .mapTo(Integer.class)
                  .list();
          if (waves.isEmpty()) {
            throw ApiException.conflict("The campaign has no failed rigs to retry.");
          }
          h.createUpdate(
                  "UPDATE firmware_campaign_waves SET state = 'running', finished_at = NULL"
                      + " WHERE campaign_id = :id AND wave_no IN (<waves>)")
              .bind("id", id)
              .bindList("waves", waves.stream().distinct().toList())
              .execute();
          h.createUpdate(
                  "UPDATE firmware_campaigns SET state = 'running', state_reason = NULL,"
                      + " finished_at = NULL WHERE id = :id")
              .bind("id", id)
              .execute();
        });
    return get(id);
  }

  /** The campaign behind a download token, while it is not cancelled. */
  Optional<Campaign> byDownloadToken(String token) {
    if (token == null || token.length() > 64) {
      return Optional.empty();
    }
    return store.byToken(token).filter(c -> !c.state().equals(Campaign.CANCELLED));
  }

  private void transition(
      long id, List<String> from, String sql, String base, String what, String rule) {
    store
        .jdbi()
        .useTransaction(h -> {
          String state = lock(h, id);
          if (!from.contains(state)) {
            throw ApiException.conflict(
                "The campaign is " + state + "; cannot " + what + ": " + rule + ".");
          }
          var update = h.createUpdate(sql).bind("id", id);
          if (sql.contains(":now")) {
            update.bind("now", clock.instant());
          }
          if (sql.contains(":base")) {
            update.bind("base", base);
          }
          update.execute();
        });
  }

  private static String lock(org.jdbi.v3.core.Handle h, long id) {
    return h.createQuery("SELECT state FROM firmware_campaigns WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> ApiException.notFound("There is no campaign with id " + id + "."));
  }

  private static int percent(Integer value, int fallback, String field) {
    if (value == null) {
      return fallback;
    }
    if (value < 0 || value > 100) {
      throw ApiException.badRequest(field + " is a percentage from 0 to 100.");
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

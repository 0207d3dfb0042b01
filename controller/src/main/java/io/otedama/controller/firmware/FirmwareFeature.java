package io.otedama.controller.firmware;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.commands.CommandResultSink;
import io.otedama.controller.commands.CommandService;
import io.otedama.protocol.release.ReleaseSignatures;
import io.otedama.protocol.release.ReleaseSignatures.TrustedKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires firmware in two steps, like the commands feature it depends on: {@link #prepare} before the
 * rig transport (so {@link #progress} can sit in front of the command result sink), {@link
 * #install} once the {@link CommandService} exists (resources, the rollout engine's tick, metrics).
 */
public final class FirmwareFeature {
  private static final Logger LOG = LoggerFactory.getLogger(FirmwareFeature.class);
  private static final List<String> CAMPAIGN_STATES =
      List.of(
          Campaign.READY,
          Campaign.RUNNING,
          Campaign.PAUSED,
          Campaign.STOPPED,
          Campaign.FINISHED,
          Campaign.CANCELLED);
  private static final List<String> RIG_STATES =
      List.of(
          "pending",
          "queued",
          "downloading",
          "downloaded",
          "verified",
          "installing",
          "installed",
          "failed",
          "cancelled");

  private final FirmwareConfiguration config;
  private final Jdbi jdbi;
  private final Clock clock;
  private final ObjectMapper json;
  private final FirmwareMetrics metrics;
  private final ArtifactStore artifacts;
  private final CampaignStore campaigns;
  private final MaintenanceWindows windows;
  private final CampaignService service;
  private final Map<String, Long> campaignGauge = new ConcurrentHashMap<>();
  private final Map<String, Long> rigGauge = new ConcurrentHashMap<>();
  private RolloutEngine engine;

  private FirmwareFeature(
      FirmwareConfiguration config,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry registry,
      ObjectMapper json) {
    this.config = config;
    this.jdbi = jdbi;
    this.clock = clock;
    this.json = json;
    this.metrics = new FirmwareMetrics(registry);
    List<TrustedKey> keys;
    try {
      keys = ReleaseSignatures.publicKeys(config.getPublicKeys());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("firmware.publicKeys: " + e.getMessage(), e);
    }
    if (keys.isEmpty()) {
      LOG.warn(
          "No firmware.publicKeys configured: artifact uploads are refused until a release key"
              + " is set (docs/firmware.md)");
    }
    this.artifacts =
        new ArtifactStore(
            jdbi,
            Path.of(config.getStorageDir()),
            config.getMaxArtifactSize().toBytes(),
            keys,
            metrics,
            clock);
    this.campaigns = new CampaignStore(jdbi);
    this.windows = new MaintenanceWindows(jdbi);
    this.service = new CampaignService(campaigns, artifacts, clock, config.getDownloadBaseUrl());
  }

  public static FirmwareFeature prepare(
      FirmwareConfiguration config,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry registry,
      ObjectMapper json) {
    return new FirmwareFeature(config, jdbi, clock, registry, json);
  }

  /** The result sink the transport should call: campaign progress, then {@code next}. */
  public CommandResultSink progress(CommandResultSink next) {
    return new FirmwareProgress(next, jdbi, metrics, json, clock);
  }

  /** Registers the API and starts the rollout tick on {@code scheduler}. */
  public void install(
      CommandService commands, ScheduledExecutorService scheduler, Environment environment) {
    UpdateCommands issuer =
        (rigId, args, timeout, by) ->
            commands
                .issue(
                    rigId,
                    "update-firmware",
                    json.valueToTree(args),
                    (int) Math.min(86_400, timeout.toSeconds()),
                    by)
                .id();
    install(issuer, scheduler, environment);
  }

  void install(UpdateCommands issuer, ScheduledExecutorService scheduler, Environment environment) {
    Duration timeout = config.getUpdateTimeout().toJavaDuration();
    this.engine = new RolloutEngine(campaigns, artifacts, windows, issuer, metrics, clock, timeout);
    ArtifactBytes bytes = new ArtifactBytes(metrics);
    environment.jersey().register(new ArtifactResource(artifacts, bytes));
    environment.jersey().register(new DownloadResource(service, artifacts, bytes, metrics));
    environment.jersey().register(new CampaignResource(service, windows));
    for (String s : CAMPAIGN_STATES) {
      Gauge.builder("otedama_firmware_campaigns", campaignGauge, m -> m.getOrDefault(s, 0L))
          .description("Rollout campaigns by state")
          .tag("state", s)
          .register(metrics.registry());
    }
    for (String s : RIG_STATES) {
      Gauge.builder("otedama_firmware_campaign_rigs", rigGauge, m -> m.getOrDefault(s, 0L))
          .description("Rigs of running or paused campaigns by update state")
          .tag("state", s)
          .register(metrics.registry());
    }
    long every = config.getTickInterval().toMilliseconds();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            LOG.warn("The rollout tick failed; it runs again in {} ms", every, e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /** Advances every running campaign once and refreshes the gauges. */
  public void tick() {
    engine.tick();
    refresh(campaignGauge, campaigns.campaignStates());
    refresh(rigGauge, campaigns.activeRigStates());
  }

  private static void refresh(Map<String, Long> gauge, Map<String, Long> now) {
    gauge.keySet().retainAll(now.keySet());
    gauge.putAll(now);
  }

  public CampaignService campaigns() {
    return service;
  }
}

package io.otedama.controller.work;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.fleet.GroupMembershipListener;
import io.otedama.protocol.stratum.StratumCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires work distribution: the profiles (the default one created as a local-source profile when
 * missing), one feed per profile in use, every rig's assignment, agents' work through the {@link
 * WorkAssignmentPublisher}, and the vardiff retarget tick on the shared scheduler. The default
 * profile starts with the server so the Stratum port has work at once.
 */
public final class WorkFeature {
  private static final Logger LOG = LoggerFactory.getLogger(WorkFeature.class);

  private final WorkConfiguration config;
  private final WorkProfiles profiles;
  private final WorkAssignments assignments;
  private final AgentAssignments agents;
  private final Clock clock;
  private volatile WorkAssignmentPublisher publisher;
  private GroupWork groupWork;
  private final List<Consumer<BlockFound>> blockListeners = new CopyOnWriteArrayList<>();

  private WorkFeature(
      WorkConfiguration config,
      WorkProfiles profiles,
      WorkAssignments assignments,
      AgentAssignments agents,
      Clock clock) {
    this.config = config;
    this.profiles = profiles;
    this.assignments = assignments;
    this.agents = agents;
    this.clock = clock;
  }

  public static WorkFeature install(
      WorkConfiguration config,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry metrics,
      ScheduledExecutorService scheduler,
      Environment environment) {
    WorkProfileStore store = new WorkProfileStore(jdbi);
    if (store.find(config.getDefaultProfile()).isEmpty()) {
      LOG.info(
          "creating the default work profile '{}' on the local source", config.getDefaultProfile());
      store.save(WorkProfile.local(config.getDefaultProfile()));
    }
    StratumCodec codec = new StratumCodec();
    FeedSettings feedSettings =
        FeedSettings.DEFAULTS
            .withPlannedRigs(config.getPlannedRigsPerFeed())
            .withMaxNtimeWindowBits(config.getNtimeWindowBits())
            .withUpdateFanoutRate(config.getUpdateFanoutRate());
    WorkFeature[] self = new WorkFeature[1];
    WorkMetrics workMetrics = new WorkMetrics(metrics);
    WorkSourceFactory sources =
        profile -> {
          if (profile.kind() == WorkProfile.Kind.LOCAL) {
            PoolShareSeries.register(metrics, profile.name());
            LocalWorkSource local =
                new LocalWorkSource(profile.name(), config.localSource(), clock);
            workMetrics.registerProfile(profile.name());
            local.addBlockListener(block -> {
              workMetrics.blockFound(profile.name());
              self[0].blockFound(block);
            });
            return local;
          }
          profile.pools().forEach(pool -> PoolShareSeries.register(metrics, pool.name()));
          return new FailoverWorkSource(
              profile.name(),
              profile.pools(),
              PoolClientSettings.defaults(),
              FailoverSettings.defaults(),
              codec,
              clock,
              metrics);
        };
    WorkProfiles profiles =
        new WorkProfiles(
            store,
            sources,
            source -> new WorkFeed(source, feedSettings, clock, workMetrics.fanout(source.name())),
            config.getDefaultProfile());
    WorkAssignments assignments = new WorkAssignments(profiles, clock, metrics);
    profiles.bind(assignments);
    WorkFeature feature =
        new WorkFeature(
            config,
            profiles,
            assignments,
            new AgentAssignments((rig, m) -> self[0].publisher.publish(rig, m), clock, workMetrics),
            clock);
    feature.publisher =
        (rig, m) -> {
          throw new IllegalStateException(
              "no rig transport (MQTT) is connected to this controller");
        };
    self[0] = feature;
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() {
                profiles.feed(config.getDefaultProfile());
              }

              @Override
              public void stop() {
                profiles.close();
              }
            });
    GroupWork groupWork = new GroupWork(jdbi, profiles);
    feature.groupWork = groupWork;
    environment.jersey().register(new WorkProfileResource(profiles));
    environment.jersey().register(new GroupWorkResource.Profile(groupWork));
    environment.jersey().register(new GroupWorkResource.Rigs(groupWork));
    long tick = config.getRetargetTick().toMilliseconds();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            assignments.retargetAll();
          } catch (RuntimeException e) {
            LOG.warn("vardiff retarget failed", e);
          }
        },
        tick,
        tick,
        TimeUnit.MILLISECONDS);
    return feature;
  }

  /** Connects agents' work to the rig transport: the MQTT edge calls this when it starts. */
  public void usePublisher(WorkAssignmentPublisher publisher) {
    this.publisher = java.util.Objects.requireNonNull(publisher, "publisher");
  }

  public WorkProfiles profiles() {
    return profiles;
  }

  /** What the fleet tells of rigs changing group, so their work follows (FleetFeature). */
  public GroupMembershipListener groupMembership() {
    return groupWork;
  }

  public WorkAssignments assignments() {
    return assignments;
  }

  public WorkConfiguration config() {
    return config;
  }

  /**
   * Gives an agent rig work (on its birth): a slice on its group's feed, vardiff from {@code
   * startDifficulty}, assignments published through the {@link WorkAssignmentPublisher}.
   *
   * @throws SliceExhaustedException when its feed has no free slice
   */
  public RigWork assignAgent(String rigId, String account, Long groupId, double startDifficulty)
      throws SliceExhaustedException {
    Instant now = clock.instant();
    return assignments.assign(
        new RigWork(
            rigId,
            rigId,
            account,
            RigWork.Kind.AGENT,
            groupId,
            Vardiff.variable(config.vardiff(), startDifficulty, now),
            agents));
  }

  /** Takes an agent rig's work away (it went offline). */
  public void releaseAgent(String rigId) {
    assignments.release(rigId);
  }

  /** Registers a listener for blocks the local source finds (the payout feature). */
  public void onBlockFound(Consumer<BlockFound> listener) {
    blockListeners.add(listener);
  }

  private void blockFound(BlockFound block) {
    for (Consumer<BlockFound> l : blockListeners) {
      try {
        l.accept(block);
      } catch (RuntimeException e) {
        LOG.warn("a block listener failed", e);
      }
    }
  }
}

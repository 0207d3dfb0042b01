package io.otedama.controller.mining;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.fleet.RigPresenceSink;
import io.otedama.controller.fleet.StratumRigs;
import io.otedama.controller.mqtt.ShareBatchHandler;
import io.otedama.controller.shares.ShareLogWriter;
import io.otedama.controller.shares.ShareMetrics;
import io.otedama.controller.shares.ShareProcessor;
import io.otedama.controller.shares.ShareSummaryQuery;
import io.otedama.controller.shares.ShareSummaryResource;
import io.otedama.controller.shares.ShareValidator;
import io.otedama.controller.stratum.StratumConfiguration;
import io.otedama.controller.stratum.StratumServer;
import io.otedama.controller.work.AgentAssignments;
import io.otedama.controller.work.BlockFound;
import io.otedama.controller.work.FailoverSettings;
import io.otedama.controller.work.FailoverWorkSource;
import io.otedama.controller.work.FeedSettings;
import io.otedama.controller.work.LocalWorkSource;
import io.otedama.controller.work.PoolClientSettings;
import io.otedama.controller.work.PoolEndpoint;
import io.otedama.controller.work.WorkAssignmentPublisher;
import io.otedama.controller.work.WorkAssignments;
import io.otedama.controller.work.WorkConfiguration;
import io.otedama.controller.work.WorkFeed;
import io.otedama.controller.work.WorkProfile;
import io.otedama.controller.work.WorkProfileStore;
import io.otedama.controller.work.WorkProfiles;
import io.otedama.controller.work.WorkSource;
import io.otedama.hashing.Algorithm;
import io.otedama.protocol.stratum.StratumCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Work, shares and the Stratum port wired into the application: work profiles (the local source by
 * default; pool profiles from the {@code work:} section are saved at start), assignments with
 * vardiff (retargeted on the shared scheduler), the share path (validation, metrics, share log),
 * the Stratum v1 server, and {@code GET /api/v1/shares/summary}. Agent rigs get work when their
 * birth arrives ({@link #presence}); their share batches come in through {@link #shareHandler()};
 * their assignments go out through the publisher given to {@link #publishThrough}.
 *
 * <p>Managed: it starts before the MQTT edge (the share log is ready before the first batch) and
 * stops after it.
 */
public final class MiningFeature implements Managed {
  private final WorkConfiguration config;
  private final ScheduledExecutorService scheduler;
  private final WorkProfiles profiles;
  private final WorkAssignments assignments;
  private final AgentRigWork agents;
  private final ShareLogWriter shareLog;
  private final ShareProcessor processor;
  private final StratumServer stratum;
  private final List<BlockFound> blocks = new CopyOnWriteArrayList<>();
  private final DeferredPublisher publisher;
  private volatile ScheduledFuture<?> retargets;

  private MiningFeature(
      WorkConfiguration config,
      ScheduledExecutorService scheduler,
      WorkProfiles profiles,
      WorkAssignments assignments,
      AgentRigWork agents,
      ShareLogWriter shareLog,
      ShareProcessor processor,
      StratumServer stratum,
      DeferredPublisher publisher) {
    this.config = config;
    this.publisher = publisher;
    this.scheduler = scheduler;
    this.profiles = profiles;
    this.assignments = assignments;
    this.agents = agents;
    this.shareLog = shareLog;
    this.processor = processor;
    this.stratum = stratum;
  }

  /** Builds the feature, registers its resource and puts it under the environment's lifecycle. */
  public static MiningFeature install(
      OtedamaConfiguration config,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry registry,
      ScheduledExecutorService scheduler,
      Environment environment) {
    WorkConfiguration work = config.getWork();
    WorkProfileStore store = new WorkProfileStore(jdbi);
    saveConfiguredProfiles(work, store);

    List<Consumer<BlockFound>> blockListeners = new ArrayList<>();
    Counter blocksFound =
        Counter.builder("otedama_blocks_found_total")
            .description("Blocks found on the local work source")
            .register(registry);
    WorkProfiles profiles =
        new WorkProfiles(
            store,
            profile -> source(profile, work, clock, registry, blockListeners),
            s -> new WorkFeed(s, FeedSettings.DEFAULTS, clock),
            work.getDefaultProfile());
    WorkAssignments assignments = new WorkAssignments(profiles, clock, registry);
    profiles.bind(assignments);
    ShareLogWriter shareLog =
        new ShareLogWriter(jdbi, clock, registry, 1000, Duration.ofMillis(200), 100_000);
    ShareProcessor processor =
        new ShareProcessor(
            new ShareValidator(Duration.ofSeconds(5), Duration.ofSeconds(10)),
            assignments,
            shareLog,
            new ShareMetrics(registry, clock),
            clock);
    StratumConfiguration stratumConfig = config.getStratum();
    StratumServer stratum =
        stratumConfig.isEnabled()
            ? new StratumServer(
                stratumConfig.settings(),
                new StratumCodec(),
                assignments,
                profiles,
                processor,
                new StratumRigs(jdbi, clock),
                clock,
                registry)
            : null;
    DeferredPublisher publisher = new DeferredPublisher();
    AgentRigWork agents =
        new AgentRigWork(jdbi, assignments, new AgentAssignments(publisher, clock), work, clock);
    MiningFeature wired =
        new MiningFeature(
            work,
            scheduler,
            profiles,
            assignments,
            agents,
            shareLog,
            processor,
            stratum,
            publisher);
    blockListeners.add(block -> {
      blocksFound.increment();
      wired.blocks.add(block);
      BlockLog.found(block);
    });
    environment.jersey().register(new ShareSummaryResource(new ShareSummaryQuery(jdbi), clock));
    environment.lifecycle().manage(wired);
    return wired;
  }

  private static void saveConfiguredProfiles(WorkConfiguration work, WorkProfileStore store) {
    for (WorkConfiguration.ProfileConfiguration p : work.getProfiles()) {
      Algorithm algorithm = Algorithm.valueOf(p.getAlgorithm().toUpperCase(Locale.ROOT));
      List<PoolEndpoint> pools = new ArrayList<>();
      int i = 0;
      for (WorkConfiguration.PoolConfiguration pool : p.getPools()) {
        pools.add(
            PoolEndpoint.parse(
                p.getName() + "-" + i++,
                pool.getUrl(),
                pool.getUser(),
                pool.getPassword(),
                algorithm));
      }
      store.save(WorkProfile.pools(p.getName(), algorithm, pools));
    }
    if (store.find(work.getDefaultProfile()).isEmpty()) {
      // the default profile is the local source unless the configuration made it a pool list
      store.save(WorkProfile.local(work.getDefaultProfile()));
    }
  }

  private static WorkSource source(
      WorkProfile profile,
      WorkConfiguration work,
      Clock clock,
      MeterRegistry registry,
      List<Consumer<BlockFound>> blockListeners) {
    if (profile.kind() == WorkProfile.Kind.LOCAL) {
      LocalWorkSource local = new LocalWorkSource(profile.name(), work.localSettings(), clock);
      for (Consumer<BlockFound> l : blockListeners) {
        local.addBlockListener(l);
      }
      return local;
    }
    return new FailoverWorkSource(
        profile.name(),
        profile.pools(),
        PoolClientSettings.defaults(),
        FailoverSettings.defaults(),
        new StratumCodec(),
        clock,
        registry);
  }

  /** Agent work goes out through {@code publisher} (the MQTT edge's) from now on. */
  public void publishThrough(WorkAssignmentPublisher target) {
    publisher.target = target;
  }

  /** The fleet's presence sink, extended: a rig's birth also gives it work. */
  public RigPresenceSink presence(RigPresenceSink fleet) {
    return new WorkOnBirth(fleet, agents);
  }

  /** Where the MQTT edge hands share batches. */
  public ShareBatchHandler shareHandler() {
    return (rigId, batch, receivedAtMillis) -> processor.ingest(rigId, batch);
  }

  @Override
  public void start() throws Exception {
    shareLog.start();
    // start the default source now, so the first rig and the first Stratum miner find a job
    profiles.feed(profiles.defaultProfile());
    if (stratum != null) {
      stratum.start();
    }
    long every = Math.max(1, config.getRetargetEvery().toMilliseconds());
    retargets =
        scheduler.scheduleWithFixedDelay(
            assignments::retargetAll, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    ScheduledFuture<?> r = retargets;
    if (r != null) {
      r.cancel(false);
    }
    if (stratum != null) {
      stratum.close();
    }
    profiles.close();
    shareLog.close();
  }

  /** The Stratum port actually bound (useful with port 0), or -1 when the server is off. */
  public int stratumPort() {
    return stratum != null ? stratum.port() : -1;
  }

  public WorkAssignments assignments() {
    return assignments;
  }

  public WorkProfiles profiles() {
    return profiles;
  }

  /** Blocks found on local sources since start. */
  public List<BlockFound> blocksFound() {
    return List.copyOf(blocks);
  }

  /** Lets the feature exist before the MQTT edge whose publisher it uses. */
  private static final class DeferredPublisher implements WorkAssignmentPublisher {
    volatile WorkAssignmentPublisher target;

    @Override
    public void publish(String rigId, io.otedama.protocol.message.WorkAssignmentMessage work) {
      WorkAssignmentPublisher t = target;
      if (t != null) {
        t.publish(rigId, work);
      }
    }
  }
}

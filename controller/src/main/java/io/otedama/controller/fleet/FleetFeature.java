package io.otedama.controller.fleet;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the fleet: credentials and liveness (loaded from the database), the liveness sweep, the
 * last-seen flush and the gauge refresh on the shared scheduler, and the fleet resources.
 */
public final class FleetFeature {
  private static final Logger LOG = LoggerFactory.getLogger(FleetFeature.class);
  private final RigPresence presence;
  private final RigCredentials credentials;
  private final RigQueries queries;
  private final FleetGauges gauges;
  private final MembershipRelay membership;

  private FleetFeature(
      RigPresence presence,
      RigCredentials credentials,
      RigQueries queries,
      FleetGauges gauges,
      MembershipRelay membership) {
    this.presence = presence;
    this.credentials = credentials;
    this.queries = queries;
    this.gauges = gauges;
    this.membership = membership;
  }

  /**
   * Passes group changes on to the listener set after install (the work feature starts after the
   * fleet); until then nobody listens, which is right: no rig has work before the work feature.
   */
  private static final class MembershipRelay implements GroupMembershipListener {
    private volatile GroupMembershipListener target = GroupMembershipListener.NONE;

    @Override
    public void rigMoved(String rigId, Long groupId) {
      target.rigMoved(rigId, groupId);
    }

    @Override
    public void groupDeleted(long groupId, java.util.List<String> formerRigs) {
      target.groupDeleted(groupId, formerRigs);
    }
  }

  /** Who follows rigs changing group (the work feature: their work moves to the new profile). */
  public void onGroupMembership(GroupMembershipListener listener) {
    membership.target = listener;
  }

  public static FleetFeature install(
      FleetConfiguration config,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry metrics,
      ScheduledExecutorService scheduler,
      Environment environment) {
    PresenceWriter writer = new PresenceWriter(jdbi);
    RigPresence presence =
        new RigPresence(
            jdbi,
            clock,
            environment.getObjectMapper(),
            writer,
            config.staleAfter(),
            config.offlineAfter());
    presence.loadAll();
    RigCredentials credentials = new RigCredentials(jdbi);
    credentials.loadAll();
    RigQueries queries = new RigQueries(jdbi);
    FleetGauges gauges = new FleetGauges(jdbi, queries, metrics);
    gauges.refresh();

    environment.lifecycle().manage(writer);
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void stop() {
                presence.flushLastSeen(); // what the last interval saw is not lost on shutdown
              }
            });
    every(scheduler, config.getSweepInterval().toMilliseconds(), "liveness sweep", presence::sweep);
    every(
        scheduler,
        config.getLastSeenFlushInterval().toMilliseconds(),
        "last-seen flush",
        presence::flushLastSeen);
    every(
        scheduler,
        config.getMetricsRefreshInterval().toMilliseconds(),
        "fleet gauges",
        gauges::refresh);

    MembershipRelay membership = new MembershipRelay();
    GroupService groups = new GroupService(jdbi, clock, membership);
    var jersey = environment.jersey();
    jersey.register(new FleetResource(queries));
    ClientRigs clientRigs = new ClientRigs(jdbi);
    jersey.register(
        new RigResource(
            queries,
            new RigUpdates(jdbi, membership),
            new RigTelemetryQuery(jdbi, clock),
            clientRigs));
    jersey.register(new ClientRigResource(clientRigs, queries));
    jersey.register(new GroupResource(groups));
    jersey.register(
        new EnrollmentResource(
            new EnrollmentTokens(jdbi, clock),
            new Enrollment(jdbi, clock, credentials, presence, config.getAdvertisedMqttUrl()),
            config.getEnrollmentTokenDefaultTtlHours()));
    return new FleetFeature(presence, credentials, queries, gauges, membership);
  }

  /** Runs {@code task} every {@code millis}; a failure is logged and the next run goes ahead. */
  static void every(ScheduledExecutorService scheduler, long millis, String name, Runnable task) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.warn("The {} failed; it runs again in {} ms", name, millis, e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  /** What the MQTT edge reports liveness to. */
  public RigPresence presence() {
    return presence;
  }

  /** What the broker checks rig credentials with. */
  public RigCredentials credentials() {
    return credentials;
  }

  /** Shows the shares feature's hashrate estimates in the rig API and the gap gauge. */
  public void useHashrateEstimates(RigHashrateEstimates estimates) {
    queries.useHashrateEstimates(estimates);
  }

  public RigQueries queries() {
    return queries;
  }

  public FleetGauges gauges() {
    return gauges;
  }
}

package io.otedama.controller;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.otedama.controller.api.ApiErrorHandling;
import io.otedama.controller.auth.AuthFeature;
import io.otedama.controller.commands.CommandPublisher;
import io.otedama.controller.commands.CommandService;
import io.otedama.controller.commands.CommandsFeature;
import io.otedama.controller.console.ConsoleFeature;
import io.otedama.controller.db.Database;
import io.otedama.controller.db.DbCommand;
import io.otedama.controller.db.JdbiDataSource;
import io.otedama.controller.demo.DemoCommand;
import io.otedama.controller.firmware.FirmwareCommand;
import io.otedama.controller.firmware.FirmwareFeature;
import io.otedama.controller.fleet.FleetFeature;
import io.otedama.controller.metrics.Metrics;
import io.otedama.controller.mqtt.MqttEdge;
import io.otedama.controller.payouts.PayoutsFeature;
import io.otedama.controller.power.PowerFeature;
import io.otedama.controller.shares.SharesFeature;
import io.otedama.controller.stratum.StratumFeature;
import io.otedama.controller.work.AgentWorkPresence;
import io.otedama.controller.work.WorkFeature;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jdbi.v3.core.Jdbi;

/**
 * The Otedama controller: {@code server CONFIG.yml}, {@code check CONFIG.yml}, {@code db migrate
 * CONFIG.yml}. {@link #wire} assembles everything on a Dropwizard environment and is the one method
 * {@code server} and the embedded demo share.
 */
public class OtedamaApplication extends Application<OtedamaConfiguration> {

  private volatile ControllerCore core;
  private volatile MqttEdge mqttEdge;
  private volatile WorkFeature work;
  private volatile SharesFeature shares;
  private volatile StratumFeature stratum;
  private volatile PowerFeature power;
  private volatile PayoutsFeature payouts;

  public static void main(String[] args) throws Exception {
    new OtedamaApplication().run(args);
  }

  @Override
  public String getName() {
    return "otedama-controller";
  }

  @Override
  public void initialize(Bootstrap<OtedamaConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            new EmptyTolerantSourceProvider(new FileConfigurationSourceProvider()),
            new EnvironmentVariableSubstitutor(false)));
    bootstrap
        .getObjectMapper()
        .disable(
            SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
            SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    bootstrap.addCommand(new DbCommand());
    bootstrap.addCommand(new DemoCommand());
    bootstrap.addCommand(new FirmwareCommand());
  }

  @Override
  public void run(OtedamaConfiguration config, Environment environment) {
    this.core = wire(config, environment);
  }

  /**
   * Builds the controller on {@code environment}: errors, metrics, database (embedded unless a URL
   * is set), auth, fleet, the web console, commands, and the rig transport. Everything with a
   * lifecycle is registered with the environment, so it starts and stops with the server.
   */
  public ControllerCore wire(OtedamaConfiguration config, Environment environment) {
    Clock clock = clock();
    ApiErrorHandling.install(config, environment);
    PrometheusMeterRegistry metrics = Metrics.install(environment);
    Jdbi jdbi = Database.open(config.getDatabase(), environment);
    ScheduledExecutorService scheduler =
        environment.lifecycle().scheduledExecutorService("otedama-scheduler-%d").threads(2).build();
    AuthFeature.install(config.getAuth(), jdbi, clock, environment, System.out);
    FleetFeature fleet =
        FleetFeature.install(config.getFleet(), jdbi, clock, metrics, scheduler, environment);
    CommandsFeature commands =
        CommandsFeature.results(jdbi, metrics, environment.getObjectMapper(), clock);
    FirmwareFeature firmware =
        FirmwareFeature.prepare(
            config.getFirmware(), jdbi, clock, metrics, environment.getObjectMapper());
    work = WorkFeature.install(config.getWork(), jdbi, clock, metrics, scheduler, environment);
    fleet.onGroupMembership(work.groupMembership()); // rigs changing group take their work along
    shares = SharesFeature.install(work, jdbi, clock, metrics, environment);
    fleet.useHashrateEstimates(shares.metrics()::estimate);
    stratum =
        StratumFeature.install(
            config.getStratum(),
            work,
            shares,
            StratumFeature.rigsTable(jdbi, fleet.presence(), clock),
            clock,
            metrics,
            environment);
    ControllerCore wired =
        new ControllerCore(
            config,
            environment,
            clock,
            jdbi,
            metrics,
            scheduler,
            fleet.presence(),
            fleet.credentials(),
            firmware.progress(commands.resultSink()));
    ConsoleFeature.install(fleet.queries(), environment.getObjectMapper(), scheduler, environment);
    payouts = PayoutsFeature.install(config.getPayouts(), work, jdbi, clock, metrics, environment);
    ScheduledJobs.install(config, payouts, jdbi, clock, metrics, environment);
    CommandPublisher publisher = connectRigTransport(wired);
    CommandService commandService =
        commands.install(config.getCommands(), publisher, scheduler, environment);
    power =
        PowerFeature.install(config.getPower(), jdbi, clock, metrics, commandService, environment);
    firmware.install(commandService, scheduler, environment);
    commands.installBatches(commandService, fleet.queries()::matchingIds, environment);
    return wired;
  }

  /**
   * Connects the rig transport and returns the publisher commands go out through: the MQTT edge
   * (embedded HiveMQ unless {@code mqtt.url} is set, the controller's Paho client, decode and
   * dispatch to the fleet and commands seams of {@code core}, the telemetry ingest). It is managed
   * by the environment's lifecycle after the database pool and the fleet (so it starts after and
   * stops before them) and before the commands feature; its health check is {@code mqtt}.
   */
  protected CommandPublisher connectRigTransport(ControllerCore core) {
    MqttEdge edge =
        MqttEdge.create(
            core.config().getMqtt(),
            core.config().getTelemetry(),
            new JdbiDataSource(core.jdbi()),
            new AgentWorkPresence(
                core.presence(),
                work,
                core.jdbi(),
                core.config().getWork().getAgentStartDifficulty()),
            core.rigAuthenticator(),
            core.commandResults(),
            (rigId, batch, receivedAtMillis) ->
                shares.processor().ingest(rigId, batch, Instant.ofEpochMilli(receivedAtMillis)),
            core.meterRegistry(),
            core.clock());
    work.usePublisher((rigId, assignment) -> {
      try {
        edge.rigMessages().publishWork(rigId, assignment);
      } catch (MqttException e) {
        throw new IllegalStateException("publishing work to " + rigId + " failed", e);
      }
    });
    core.environment().lifecycle().manage(edge);
    core.environment().healthChecks().register("mqtt", edge.healthCheck());
    this.mqttEdge = edge;
    return edge.commandPublisher();
  }

  /** The MQTT edge once {@code run} has happened, unless a subclass replaced the transport. */
  public MqttEdge mqttEdge() {
    return mqttEdge;
  }

  /** Bad arguments exit 2 (the parser has printed what is wrong), any other failure 1. */
  @Override
  protected void onFatalError(Throwable t) {
    System.exit(t instanceof ArgumentParserException ? 2 : 1);
  }

  /** The clock every feature reads; tests substitute a controllable one. */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Work distribution, for the rig transport: it connects its publisher with {@code
   * work().usePublisher(...)} and assigns agents on birth ({@code assignAgent}) and releases them
   * when they go offline ({@code releaseAgent}).
   */
  public WorkFeature work() {
    return work;
  }

  /** The share path, for the rig transport: {@code shares().processor().ingest(rigId, batch)}. */
  public SharesFeature shares() {
    return shares;
  }

  /** The Stratum port (its server is null when disabled). */
  public StratumFeature stratum() {
    return stratum;
  }

  /** Power: PDUs, outlets, the watchdog, curtailment. */
  public PowerFeature power() {
    return power;
  }

  /** Payouts (service, accounts, the due-period runner) once {@code run} has happened. */
  public PayoutsFeature payouts() {
    return payouts;
  }

  /** The wired controller once {@code run} has happened (for tests and embedding). */
  public ControllerCore core() {
    return core;
  }
}

package io.otedama.controller.power;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.auth.AuditLog;
import io.otedama.controller.commands.CommandService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires power: the SNMP session, the poller on its bounded pool, outlet control, the watchdog and
 * curtailment on their own scheduler thread (their SNMP writes must not hold up the shared one),
 * and the API. The watchdog and curtailment passes run on one replica at a time ({@link
 * ClusterExclusive}); polling runs on every replica (readings are per replica, in memory).
 * Installed after the commands feature, whose {@link CommandService} curtailment uses.
 */
public final class PowerFeature {
  private static final Logger LOG = LoggerFactory.getLogger(PowerFeature.class);
  private final PowerPoller poller;
  private final PowerCycleWatchdog watchdog;
  private final CurtailmentService curtailment;
  private final PowerMeasurements measurements;

  private PowerFeature(
      PowerPoller poller,
      PowerCycleWatchdog watchdog,
      CurtailmentService curtailment,
      PowerMeasurements measurements) {
    this.poller = poller;
    this.watchdog = watchdog;
    this.curtailment = curtailment;
    this.measurements = measurements;
  }

  public static PowerFeature install(
      PowerConfiguration config,
      Jdbi jdbi,
      Clock clock,
      MeterRegistry registry,
      CommandService commands,
      Environment environment) {
    ObjectMapper json = environment.getObjectMapper();
    SnmpClient snmp;
    try {
      snmp =
          new SnmpClient(
              Duration.ofMillis(config.snmpTimeout.toMilliseconds()), config.snmpRetries);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open the SNMP session", e);
    }
    PowerMetrics metrics = new PowerMetrics(registry);
    PowerDeviceStore deviceStore = new PowerDeviceStore(jdbi, json);
    // v3 users of devices registered earlier (USM keeps users in memory only)
    for (PowerDevice d : deviceStore.list()) {
      try {
        snmp.register(d.credentials());
      } catch (IllegalArgumentException e) {
        LOG.warn("Device {}: {}", d.id(), e.getMessage());
      }
    }
    PowerReadings readings = new PowerReadings();
    OutletMappingStore mappings = new OutletMappingStore(jdbi);
    RigPowerQueries rigs = new RigPowerQueries(jdbi);
    PowerMeasurements measurements = new PowerMeasurements(rigs, readings);
    PowerActionLog actions = new PowerActionLog(jdbi, new AuditLog(jdbi, clock), metrics);
    // not "otedama-...": Dropwizard meters executors under their name, outside the documented
    // otedama_ namespace
    ExecutorService pool =
        environment
            .lifecycle()
            .executorService("snmp-poll-%d")
            .minThreads(config.maxConcurrentPolls)
            .maxThreads(config.maxConcurrentPolls)
            .build();
    PowerPoller poller =
        new PowerPoller(
            deviceStore, new DeviceReader(snmp), readings, measurements, metrics, clock, pool);
    OutletSwitch outlets =
        new OutletSwitch(snmp, actions, clock, config.maxOutletWritesPerMinutePerPdu);
    PowerControl control = new PowerControl(mappings, deviceStore, outlets);
    CurtailmentStore curtailments = new CurtailmentStore(jdbi);
    PowerCycleWatchdog watchdog =
        new PowerCycleWatchdog(
            rigs, control, actions, curtailments, readings, config.watchdog, clock);
    CurtailmentService curtailment =
        new CurtailmentService(
            curtailments,
            measurements,
            rigs,
            commands,
            control,
            metrics,
            config.curtailment,
            json,
            clock);
    environment
        .jersey()
        .register(
            new PowerResource(
                new PowerDevices(deviceStore, snmp, readings),
                readings,
                poller,
                mappings,
                control,
                measurements,
                actions,
                curtailment));
    ClusterExclusive exclusive = new ClusterExclusive(jdbi);
    ScheduledExecutorService loops =
        environment.lifecycle().scheduledExecutorService("otedama-power-%d").threads(1).build();
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() {
                if (!config.enabled) {
                  return;
                }
                every(loops, config.pollInterval, "poll", () -> poller.pollAll().join());
                if (config.watchdog.enabled) {
                  every(
                      loops,
                      config.watchdog.checkInterval,
                      "watchdog",
                      () -> exclusive.run(ClusterExclusive.WATCHDOG, watchdog::check));
                }
                every(
                    loops,
                    config.curtailment.checkInterval,
                    "curtailment",
                    () -> exclusive.run(ClusterExclusive.CURTAILMENT, curtailment::tick));
              }

              @Override
              public void stop() throws IOException {
                snmp.close();
              }
            });
    return new PowerFeature(poller, watchdog, curtailment, measurements);
  }

  private static void every(
      ScheduledExecutorService loops, io.dropwizard.util.Duration d, String what, Runnable task) {
    long millis = d.toMilliseconds();
    loops.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.warn("The power {} pass failed; it runs again in {} ms", what, millis, e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  /** Polls every device now (the scheduled loop does this every {@code pollInterval}). */
  public PowerPoller poller() {
    return poller;
  }

  /** One watchdog pass (scheduled every {@code watchdog.checkInterval}). */
  public PowerCycleWatchdog watchdog() {
    return watchdog;
  }

  /** One curtailment pass (scheduled every {@code curtailment.checkInterval}). */
  public CurtailmentService curtailment() {
    return curtailment;
  }

  public PowerMeasurements measurements() {
    return measurements;
  }
}

package io.otedama.controller.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the command queue in two steps, because the transport and the commands need each other:
 * {@link #results} first (the MQTT edge needs the {@link CommandResultSink}), then {@link #install}
 * with the edge's {@link CommandPublisher}.
 */
public final class CommandsFeature {
  private static final Logger LOG = LoggerFactory.getLogger(CommandsFeature.class);
  private final CommandStore store;
  private final CommandMetrics metrics;
  private final CommandResults results;
  private final ObjectMapper json;
  private final Clock clock;

  private CommandsFeature(Jdbi jdbi, MeterRegistry registry, ObjectMapper json, Clock clock) {
    this.store = new CommandStore(jdbi);
    this.metrics = new CommandMetrics(registry);
    this.json = json;
    this.clock = clock;
    this.results = new CommandResults(store, metrics, json, clock);
  }

  public static CommandsFeature results(
      Jdbi jdbi, MeterRegistry registry, ObjectMapper json, Clock clock) {
    return new CommandsFeature(jdbi, registry, json, clock);
  }

  public CommandResultSink resultSink() {
    return results;
  }

  /** Registers the resources and the timeout and re-send loops on {@code scheduler}. */
  public CommandService install(
      CommandsConfiguration config,
      CommandPublisher publisher,
      ScheduledExecutorService scheduler,
      Environment environment) {
    CommandService service =
        new CommandService(
            store,
            publisher,
            metrics,
            json,
            clock,
            config.getTimeout().toJavaDuration(),
            config.getRetryInterval().toJavaDuration());
    long sweep = config.getSweepInterval().toMilliseconds();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            service.timeOutExpired();
            service.resendDue();
          } catch (RuntimeException e) {
            LOG.warn("The command sweep failed; it runs again in {} ms", sweep, e);
          }
        },
        sweep,
        sweep,
        TimeUnit.MILLISECONDS);
    environment.jersey().register(new CommandResource(service));
    environment.jersey().register(new CommandResource.ById(service));
    return service;
  }

  /**
   * Registers batch commands ({@code POST /api/v1/commands/batch} and their progress) on {@code
   * service}; {@code selector} finds the rigs a filter names. Batches are issued one at a time on
   * their own thread, so a batch to thousands of rigs does not delay the sweep.
   */
  public CommandBatches installBatches(
      CommandService service, RigSelector selector, Environment environment) {
    // not "otedama-...": Dropwizard meters executors under their name, and otedama_ is the
    // documented metric namespace (docs/metrics.md)
    var executor =
        environment
            .lifecycle()
            .executorService("command-batch-%d")
            .minThreads(1)
            .maxThreads(1)
            .build();
    CommandBatches batches =
        new CommandBatches(
            service, new CommandBatchStore(store.jdbi(), json), selector, executor, json, clock);
    environment.jersey().register(new CommandBatchResource(batches));
    environment.jersey().register(new CommandBatchProgressResource(batches));
    return batches;
  }
}

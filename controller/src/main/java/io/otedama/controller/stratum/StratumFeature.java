package io.otedama.controller.stratum;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.MeterRegistry;
import io.otedama.controller.shares.SharesFeature;
import io.otedama.controller.work.WorkFeature;
import io.otedama.protocol.stratum.StratumCodec;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the Stratum port (when enabled): started after the work feature, stopped with the server.
 */
public final class StratumFeature {
  private final StratumServer server;

  private StratumFeature(StratumServer server) {
    this.server = server;
  }

  public static StratumFeature install(
      StratumConfiguration config,
      WorkFeature work,
      SharesFeature shares,
      StratumRigRegistry registry,
      Clock clock,
      MeterRegistry metrics,
      Environment environment) {
    if (!config.isEnabled()) {
      return new StratumFeature(null);
    }
    StratumServerSettings d = StratumServerSettings.defaults();
    StratumServerSettings settings =
        new StratumServerSettings(
            config.getHost(),
            config.getPort(),
            config.getMaxConnections(),
            d.maxLineBytes(),
            d.handshakeTimeout(),
            Duration.ofMillis(config.getIdleTimeout().toMilliseconds()),
            d.messagesPerSecond(),
            d.messageBurst(),
            d.maxBadMessages(),
            d.maxQueuedMessages(),
            config.getStartDifficulty(),
            work.config().vardiff());
    StratumServer server =
        new StratumServer(
            settings,
            new StratumCodec(),
            work.assignments(),
            work.profiles(),
            shares.processor(),
            registry,
            clock,
            metrics);
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void start() throws Exception {
                server.start();
              }

              @Override
              public void stop() {
                server.close();
              }
            });
    return new StratumFeature(server);
  }

  /** A registry on the fleet's rigs table, reporting liveness to the fleet. */
  public static StratumRigRegistry rigsTable(
      Jdbi jdbi, io.otedama.controller.fleet.RigPresenceSink presence, Clock clock) {
    return new StratumRigs(jdbi, presence, clock);
  }

  /** The running server, or null when the port is disabled. */
  public StratumServer server() {
    return server;
  }
}

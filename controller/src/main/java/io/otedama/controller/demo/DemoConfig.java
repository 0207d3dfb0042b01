package io.otedama.controller.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo's controller configuration to {@code data/demo.yml} (rewritten at every start, so
 * the flags of this start apply). Only loopback listens, except the console and API.
 */
final class DemoConfig {
  private DemoConfig() {}

  /**
   * @param releaseKey the demo's release key, trusted for firmware artifacts
   */
  static Path write(Path dataDir, int port, String adminPassword, DemoReleaseKey releaseKey)
      throws IOException {
    String yaml =
        """
        # Written by `otedama demo` at every start; edit the flags, not this file.
        server:
          applicationConnectors:
            - type: http
              port: %d
          adminConnectors:
            - type: http
              port: %d
          requestLog:
            appenders: []
        logging:
          level: WARN
          loggers:
            io.otedama.controller.demo: INFO
            io.otedama.controller.work: INFO
            io.otedama.controller.payouts: INFO
        database:
          embeddedDataDir: %s
        mqtt:
          embeddedPort: %d
          embeddedBindAddress: 127.0.0.1
          embeddedDataDir: %s
        fleet:
          advertisedMqttUrl: tcp://127.0.0.1:%d
          telemetryInterval: 5s
        auth:
          bootstrapAdminPassword: "%s"
        work:
          agentStartDifficulty: 0.000001
          # about 860 000 hashes a block: 5 demo rigs find one every minute or so
          localNetworkDifficulty: 0.0002
        payouts:
          network: regtest
          accountingPeriod: 1m
          payoutPeriod: 2m
          settleDelay: 5s
        scheduling:
          jobs:
            accounting:
              interval: 20s
            payout:
              interval: 30s
            telemetry-rollup:
              interval: 30s
        stratum:
          port: %d
        firmware:
          storageDir: %s
          publicKeys: [%s]
        """
            .formatted(
                port,
                port + 1,
                dataDir.resolve("postgres").toAbsolutePath(),
                port + 2,
                dataDir.resolve("hivemq").toAbsolutePath(),
                port + 2,
                adminPassword.replace("\\", "\\\\").replace("\"", "\\\""),
                port + 3,
                dataDir.resolve("firmware").toAbsolutePath(),
                "\"" + releaseKey.publicKeyBase64() + "\"");
    Path file = dataDir.resolve("demo.yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}

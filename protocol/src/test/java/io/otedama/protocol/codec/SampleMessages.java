package io.otedama.protocol.codec;

import io.otedama.protocol.message.Algorithm;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.HostTelemetry;
import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.message.WorkJob;
import io.otedama.protocol.topic.TopicKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** One realistic instance of every message, and a fixed clock to decode them against. */
final class SampleMessages {
  static final long NOW = 1_717_000_000_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

  /** The difficulty-683 job of shared/testdata/HASHING_VECTORS.md. */
  static final WorkJob JOB =
      new WorkJob(
          "6a1f",
          "0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000",
          "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e",
          "31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a000000001976a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b005161380000000000000000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f1800000000",
          List.of(
              "2b77d9e413e8121cd7a17ff46029591051d0922bd90b2b2a38811af1cb57a2b2",
              "5c8874cef00f3a233939516950e160949ef327891c9090467cead995441d22c5",
              "2d91ff8e19ac5fa69a40081f26c5852d366d608b04d2efe0d5b65d111d0d8074"),
          "20000004",
          "1705ae3a",
          "647025b5",
          true);

  static BirthMessage birth() {
    return new BirthMessage(
        NOW - 5,
        3,
        "0.1.0",
        new HardwareIdentity(
            "mac:02:42:ac:11:00:02", "02:42:ac:11:00:02", "SN123", "Antminer S19", "rack1-u7"),
        List.of(
            new DeviceInfo("asic0", "asic", "S19", "2023.05", "10.0.0.7:4028"),
            new DeviceInfo("cpu0", "cpu", null, null, null)),
        List.of("sha256d", "scrypt", "cmd:reboot", "spool"),
        "Linux 6.1.0-18-amd64");
  }

  static StatusMessage status() {
    return new StatusMessage(NOW - 5, RigState.OFFLINE, "connection lost", 3L);
  }

  static TelemetryMessage telemetry() {
    return new TelemetryMessage(
        NOW - 5,
        1.1e14,
        78.5,
        5400,
        3250.0,
        12_345,
        17,
        86_400,
        List.of(
            new DeviceTelemetry("asic0", "asic", 1.1e14, 78.5, 5400, 3250.0, 12_345, 17, "mining"),
            new DeviceTelemetry("cpu0", "cpu", 0, null, null, null, 0, 0, "idle")),
        new HostTelemetry(0.42, 8_000_000_000L, 6_500_000_000L));
  }

  static ShareBatchMessage shares() {
    return new ShareBatchMessage(
        NOW - 5,
        List.of(
            new Share(
                "rig-1:000001",
                "6a1f",
                "00000000",
                "647025b5",
                "0a029ed1",
                null,
                683.5,
                "asic0",
                NOW - 50),
            new Share(
                "rig-1:000002",
                "6a1f",
                "00000001",
                "647025b6",
                "ffffffff",
                "00a8a000",
                0.0123,
                null,
                null)));
  }

  static WorkAssignmentMessage work() {
    return new WorkAssignmentMessage(
        NOW - 5, JOB, "01000000", "00", 4, 0.001, Algorithm.SHA256D, "1fffe000", "local");
  }

  static CommandMessage command() {
    return new CommandMessage(
        NOW - 5,
        "cmd-91",
        "set-pool",
        Map.of(
            "pools",
            List.of(Map.of("url", "stratum+tcp://pool.example:3333", "user", "farm.rig1")),
            "priority",
            1L,
            "force",
            true),
        NOW - 10,
        NOW + 60_000);
  }

  static CommandResultMessage commandResult() {
    return new CommandResultMessage(
        NOW - 5,
        "cmd-91",
        CommandStatus.FAILED,
        "pool unreachable: connection refused",
        Map.of("attempts", 3L, "lastError", "ECONNREFUSED"));
  }

  static Map<TopicKind, RigMessage> all() {
    return Map.of(
        TopicKind.BIRTH, birth(),
        TopicKind.STATUS, status(),
        TopicKind.TELEMETRY, telemetry(),
        TopicKind.SHARES, shares(),
        TopicKind.WORK, work(),
        TopicKind.CMD, command(),
        TopicKind.CMD_RESULT, commandResult());
  }

  private SampleMessages() {}
}

package io.otedama.controller.testing;

import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import java.util.List;
import java.util.Map;

/** Valid agent payloads built with the protocol codec, as a real agent sends them. */
public final class Payloads {

  private static final MessageCodec CODEC = new MessageCodec();

  private Payloads() {}

  public static TelemetryMessage telemetry(long ts, double hashrate) {
    return new TelemetryMessage(
        ts,
        hashrate,
        71.5,
        5600,
        3250.0,
        120,
        2,
        3600,
        List.of(
            new DeviceTelemetry("hb0", "asic", hashrate / 2, 70.0, 5600, 1600.0, 60, 1, "mining"),
            new DeviceTelemetry("hb1", "asic", hashrate / 2, 71.5, 5500, 1650.0, 60, 1, "mining")),
        null);
  }

  public static byte[] telemetryBytes(long ts, double hashrate) {
    return CODEC.encode(telemetry(ts, hashrate));
  }

  public static byte[] birth(String rigId, long seq) {
    return CODEC.encode(
        new BirthMessage(
            System.currentTimeMillis(),
            seq,
            "1.2.3",
            new HardwareIdentity("hw-" + rigId, "02:42:ac:11:00:02", null, "S19", null),
            List.of(new DeviceInfo("hb0", "asic", "S19", null, null)),
            List.of("sha256d", "cmd:reboot"),
            "Linux"));
  }

  public static byte[] status(RigState state, String reason, long seq) {
    return CODEC.encode(new StatusMessage(System.currentTimeMillis(), state, reason, seq));
  }

  public static byte[] commandResult(String commandId, CommandStatus status, String message) {
    return CODEC.encode(
        new CommandResultMessage(
            System.currentTimeMillis(), commandId, status, message, Map.of("exitCode", 0L)));
  }
}

package io.otedama.protocol.codec;

import static io.otedama.protocol.codec.FieldReader.Charset.PRINTABLE;
import static io.otedama.protocol.codec.FieldReader.Charset.TEXT;
import static io.otedama.protocol.codec.MessageLimits.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.protocol.JsonValues;
import io.otedama.protocol.message.Algorithm;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.CommandResultMessage;
import io.otedama.protocol.message.CommandStatus;
import io.otedama.protocol.message.DeviceInfo;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.HostTelemetry;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.Share;
import io.otedama.protocol.message.ShareBatchMessage;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.message.TelemetryMessage;
import io.otedama.protocol.message.WorkAssignmentMessage;
import io.otedama.protocol.message.WorkJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps a parsed payload onto each message record, checking every field. {@code v} and {@code ts}
 * are checked by the caller and passed in.
 */
final class MessageDecoders {
  private MessageDecoders() {}

  static BirthMessage birth(FieldReader r, int v, long ts) throws MessageRejectedException {
    long seq = r.requiredLong("seq", 0, Long.MAX_VALUE);
    String agentVersion = r.requiredText("agentVersion", MAX_NAME_LENGTH, PRINTABLE);
    FieldReader hw = r.requiredObject("hardware");
    HardwareIdentity hardware =
        new HardwareIdentity(
            hw.requiredText("hardwareId", MAX_NAME_LENGTH, PRINTABLE),
            hw.optionalText("mac", MAX_NAME_LENGTH, PRINTABLE),
            hw.optionalText("serial", MAX_NAME_LENGTH, PRINTABLE),
            hw.optionalText("model", MAX_NAME_LENGTH, PRINTABLE),
            hw.optionalText("hostname", MAX_NAME_LENGTH, PRINTABLE));
    JsonNode deviceArray = r.requiredArray("devices", 0, MAX_DEVICES);
    List<DeviceInfo> devices = new ArrayList<>(deviceArray.size());
    for (int i = 0; i < deviceArray.size(); i++) {
      FieldReader d = r.element("devices", deviceArray, i);
      devices.add(
          new DeviceInfo(
              d.requiredText("id", MAX_ID_LENGTH, PRINTABLE),
              d.requiredText("kind", MAX_NAME_LENGTH, PRINTABLE),
              d.optionalText("model", MAX_NAME_LENGTH, PRINTABLE),
              d.optionalText("firmware", MAX_NAME_LENGTH, PRINTABLE),
              d.optionalText("address", MAX_NAME_LENGTH, PRINTABLE)));
    }
    JsonNode capabilityArray = r.requiredArray("capabilities", 0, MAX_CAPABILITIES);
    List<String> capabilities = new ArrayList<>(capabilityArray.size());
    for (int i = 0; i < capabilityArray.size(); i++) {
      String name = "capabilities[" + i + "]";
      capabilities.add(
          r.checkText(
              name,
              r.textElement("capabilities", capabilityArray, i),
              1,
              MAX_NAME_LENGTH,
              PRINTABLE));
    }
    String os = r.optionalText("os", MAX_TEXT_LENGTH, PRINTABLE);
    return new BirthMessage(v, ts, seq, agentVersion, hardware, devices, capabilities, os);
  }

  static StatusMessage status(FieldReader r, int v, long ts) throws MessageRejectedException {
    RigState state = r.requiredEnum("state", RigState.class);
    String reason = r.optionalText("reason", MAX_TEXT_LENGTH, TEXT);
    Long seq = r.optionalLong("seq", 0, Long.MAX_VALUE);
    return new StatusMessage(v, ts, state, reason, seq);
  }

  static TelemetryMessage telemetry(FieldReader r, int v, long ts) throws MessageRejectedException {
    double hashrate = r.requiredDouble("hashrateHs", 0, MAX_HASHRATE_HS);
    Double temperature = r.optionalDouble("temperatureC", MIN_TEMPERATURE_C, MAX_TEMPERATURE_C);
    Integer fan = r.optionalInt("fanRpm", 0, MAX_FAN_RPM);
    Double power = r.optionalDouble("powerW", 0, MAX_POWER_W);
    long accepted = r.requiredLong("accepted", 0, Long.MAX_VALUE);
    long rejected = r.requiredLong("rejected", 0, Long.MAX_VALUE);
    long uptime = r.requiredLong("uptimeS", 0, MAX_UPTIME_S);
    JsonNode deviceArray = r.requiredArray("devices", 0, MAX_DEVICES);
    List<DeviceTelemetry> devices = new ArrayList<>(deviceArray.size());
    for (int i = 0; i < deviceArray.size(); i++) {
      FieldReader d = r.element("devices", deviceArray, i);
      devices.add(
          new DeviceTelemetry(
              d.requiredText("id", MAX_ID_LENGTH, PRINTABLE),
              d.requiredText("kind", MAX_NAME_LENGTH, PRINTABLE),
              d.requiredDouble("hashrateHs", 0, MAX_HASHRATE_HS),
              d.optionalDouble("temperatureC", MIN_TEMPERATURE_C, MAX_TEMPERATURE_C),
              d.optionalInt("fanRpm", 0, MAX_FAN_RPM),
              d.optionalDouble("powerW", 0, MAX_POWER_W),
              d.requiredLong("accepted", 0, Long.MAX_VALUE),
              d.requiredLong("rejected", 0, Long.MAX_VALUE),
              d.requiredText("status", MAX_NAME_LENGTH, PRINTABLE)));
    }
    FieldReader h = r.optionalObject("host");
    HostTelemetry host =
        h == null
            ? null
            : new HostTelemetry(
                h.optionalDouble("load1", 0, 1e6),
                h.optionalLong("memoryTotalBytes", 0, Long.MAX_VALUE),
                h.optionalLong("memoryAvailableBytes", 0, Long.MAX_VALUE));
    return new TelemetryMessage(
        v, ts, hashrate, temperature, fan, power, accepted, rejected, uptime, devices, host);
  }

  static ShareBatchMessage shares(FieldReader r, int v, long ts) throws MessageRejectedException {
    JsonNode shareArray = r.requiredArray("shares", 1, MAX_SHARES_PER_BATCH);
    List<Share> shares = new ArrayList<>(shareArray.size());
    for (int i = 0; i < shareArray.size(); i++) {
      FieldReader s = r.element("shares", shareArray, i);
      shares.add(
          new Share(
              s.requiredText("shareId", MAX_ID_LENGTH, PRINTABLE),
              s.requiredText("jobId", MAX_NAME_LENGTH, PRINTABLE),
              s.requiredHex("extranonce2", 2, 2 * MAX_EXTRANONCE_BYTES, true),
              s.requiredHex("ntime", 8, 8, true),
              s.requiredHex("nonce", 8, 8, true),
              s.optionalHex("versionBits", 8, 8, true),
              s.requiredPositiveDouble("difficulty", MAX_DIFFICULTY),
              s.optionalText("deviceId", MAX_ID_LENGTH, PRINTABLE),
              s.optionalLong("foundAt", 0, Long.MAX_VALUE)));
    }
    return new ShareBatchMessage(v, ts, shares);
  }

  static WorkAssignmentMessage work(FieldReader r, int v, long ts) throws MessageRejectedException {
    FieldReader j = r.requiredObject("job");
    JsonNode branchArray = j.requiredArray("merkleBranch", 0, MAX_MERKLE_BRANCH);
    List<String> branch = new ArrayList<>(branchArray.size());
    for (int i = 0; i < branchArray.size(); i++) {
      branch.add(
          j.checkHex(
              "merkleBranch[" + i + "]",
              j.textElement("merkleBranch", branchArray, i),
              64,
              64,
              true));
    }
    WorkJob job =
        new WorkJob(
            j.requiredText("jobId", MAX_NAME_LENGTH, PRINTABLE),
            j.requiredHex("prevhash", 64, 64, true),
            j.requiredHex("coinb1", 0, MAX_COINBASE_HEX, true),
            j.requiredHex("coinb2", 0, MAX_COINBASE_HEX, true),
            branch,
            j.requiredHex("version", 8, 8, true),
            j.requiredHex("nbits", 8, 8, true),
            j.requiredHex("ntime", 8, 8, true),
            j.requiredBoolean("cleanJobs"));
    String extranonce1 = r.requiredHex("extranonce1", 0, 2 * MAX_EXTRANONCE_BYTES, true);
    int extranonce2Size = r.requiredInt("extranonce2Size", 1, MAX_EXTRANONCE_BYTES);
    String prefix = r.requiredHex("extranonce2Prefix", 0, 2 * MAX_EXTRANONCE_BYTES, true);
    if (prefix.length() / 2 > extranonce2Size) {
      throw r.outOfRange(
          "extranonce2Prefix",
          prefix.length() / 2 + " bytes long, longer than extranonce2Size " + extranonce2Size);
    }
    double difficulty = r.requiredPositiveDouble("difficulty", MAX_DIFFICULTY);
    Algorithm algorithm = r.requiredEnum("algorithm", Algorithm.class);
    String versionMask = r.optionalHex("versionMask", 8, 8, true);
    String source = r.optionalText("source", MAX_NAME_LENGTH, PRINTABLE);
    return new WorkAssignmentMessage(
        v,
        ts,
        job,
        extranonce1,
        prefix,
        extranonce2Size,
        difficulty,
        algorithm,
        versionMask,
        source);
  }

  static CommandMessage command(FieldReader r, int v, long ts) throws MessageRejectedException {
    String id = r.requiredText("id", MAX_ID_LENGTH, PRINTABLE);
    String type = r.requiredText("type", MAX_NAME_LENGTH, PRINTABLE);
    Map<String, Object> args = JsonValues.toJavaMap(r.optionalObjectNode("args"));
    long issuedAt = r.requiredLong("issuedAt", 0, Long.MAX_VALUE);
    long expiresAt = r.requiredLong("expiresAt", 0, Long.MAX_VALUE);
    if (expiresAt < issuedAt) {
      throw r.outOfRange("expiresAt", expiresAt + ", before issuedAt " + issuedAt);
    }
    return new CommandMessage(v, ts, id, type, args, issuedAt, expiresAt);
  }

  static CommandResultMessage commandResult(FieldReader r, int v, long ts)
      throws MessageRejectedException {
    String id = r.requiredText("id", MAX_ID_LENGTH, PRINTABLE);
    CommandStatus status = r.requiredEnum("status", CommandStatus.class);
    String message = r.optionalText("message", MAX_TEXT_LENGTH, TEXT);
    Map<String, Object> details = JsonValues.toJavaMap(r.optionalObjectNode("details"));
    return new CommandResultMessage(v, ts, id, status, message, details);
  }
}

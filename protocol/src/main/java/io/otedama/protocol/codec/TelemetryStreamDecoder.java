package io.otedama.protocol.codec;

import static io.otedama.protocol.codec.MessageLimits.MAX_DEVICES;
import static io.otedama.protocol.codec.MessageLimits.MAX_FAN_RPM;
import static io.otedama.protocol.codec.MessageLimits.MAX_HASHRATE_HS;
import static io.otedama.protocol.codec.MessageLimits.MAX_ID_LENGTH;
import static io.otedama.protocol.codec.MessageLimits.MAX_NAME_LENGTH;
import static io.otedama.protocol.codec.MessageLimits.MAX_POWER_W;
import static io.otedama.protocol.codec.MessageLimits.MAX_TEMPERATURE_C;
import static io.otedama.protocol.codec.MessageLimits.MAX_UPTIME_S;
import static io.otedama.protocol.codec.MessageLimits.MIN_TEMPERATURE_C;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.otedama.protocol.message.DeviceTelemetry;
import io.otedama.protocol.message.HostTelemetry;
import io.otedama.protocol.message.RigMessage;
import io.otedama.protocol.message.TelemetryMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes telemetry straight from the token stream, without building a JSON tree: the controller
 * ingests thousands of these a second, and the tree costs several times the allocation of the
 * resulting records. Same rules and reasons as the tree-based decoder in {@link MessageDecoders}
 * (tests check the two against each other). Precedence when a payload has several faults: bad JSON
 * anywhere, then {@code v}, then {@code ts}, then the first faulty field in document order, then
 * missing fields.
 */
final class TelemetryStreamDecoder {
  private static final String MESSAGE = "telemetry";

  private final JsonFactory factory;

  TelemetryStreamDecoder(JsonFactory factory) {
    this.factory = factory;
  }

  /** Per-call state; small and short-lived. */
  private static final class State {
    final JsonParser p;

    /** Fault per top-level field (index in FIELDS); a later valid repeat of the key clears it. */
    MessageRejectedException[] faults;

    // top level
    boolean hasV;
    JsonToken vToken;
    long v;
    boolean vWhole;
    boolean hasTs;
    MessageRejectedException tsError;
    long ts;
    double hashrate = Double.NaN;
    Double temperature;
    Integer fan;
    Double power;
    long accepted = -1;
    long rejected = -1;
    long uptime = -1;
    List<DeviceTelemetry> devices;
    HostTelemetry host;

    /** Fields of FIELDS seen with a non-null value, valid or not. */
    int present;

    State(JsonParser p) {
      this.p = p;
    }

    /** Records a fault of a field; parsing goes on so that bad JSON later still wins. */
    void fault(int field, MessageRejectedException e) {
      if (faults == null) {
        faults = new MessageRejectedException[FIELDS.length];
      }
      faults[field] = e;
    }

    void clear(int field) {
      if (faults != null) {
        faults[field] = null;
      }
    }
  }

  TelemetryMessage decode(byte[] payload, long maxTs) throws MessageRejectedException {
    try (JsonParser p = factory.createParser(payload)) {
      State s = new State(p);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MessageRejectedException(
            RejectReason.BAD_JSON, null, MESSAGE + ": the payload is not a JSON object");
      }
      readTopLevel(s, maxTs);
      if (p.nextToken() != null) {
        throw new MessageRejectedException(
            RejectReason.BAD_JSON,
            null,
            MESSAGE + ": the payload is not valid JSON: trailing data after the object");
      }
      return finish(s);
    } catch (JacksonException e) {
      throw new MessageRejectedException(
          RejectReason.BAD_JSON,
          null,
          MESSAGE + ": the payload is not valid JSON: " + MessageCodec.brief(e));
    } catch (IOException e) {
      throw new MessageRejectedException(
          RejectReason.BAD_JSON, null, MESSAGE + ": the payload is not valid JSON");
    }
  }

  private static TelemetryMessage finish(State s) throws MessageRejectedException {
    if (!s.hasV) {
      throw missing("v");
    }
    if (!s.vWhole) {
      throw new MessageRejectedException(
          RejectReason.BAD_VERSION,
          "v",
          MESSAGE
              + ": field 'v' is not a schema version number; this receiver understands version "
              + RigMessage.VERSION);
    }
    if (s.v != RigMessage.VERSION) {
      throw new MessageRejectedException(
          RejectReason.BAD_VERSION,
          "v",
          MESSAGE
              + ": field 'v' is "
              + s.v
              + ", a schema version this receiver does not support; it understands version "
              + RigMessage.VERSION);
    }
    if (!s.hasTs) {
      throw missing("ts");
    }
    if (s.tsError != null) {
      throw s.tsError;
    }
    // the tree decoder's order: field by field, missing or faulty
    for (int i = 0; i < FIELDS.length; i++) {
      if (REQUIRED[i] && (s.present & (1 << i)) == 0) {
        throw missing(FIELDS[i]);
      }
      if (s.faults != null && s.faults[i] != null) {
        throw s.faults[i];
      }
    }
    return new TelemetryMessage(
        (int) s.v,
        s.ts,
        s.hashrate,
        s.temperature,
        s.fan,
        s.power,
        s.accepted,
        s.rejected,
        s.uptime,
        s.devices,
        s.host);
  }

  private static void readTopLevel(State s, long maxTs) throws IOException {
    JsonParser p = s.p;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        nullField(s, name);
        continue;
      }
      int field = fieldIndex(name);
      if (field >= 0) {
        s.present |= 1 << field;
        s.clear(field);
      }
      try {
        switch (name) {
          case "v" -> readVersion(s, t);
          case "ts" -> readTimestamp(s, t, maxTs);
          case "hashrateHs" -> s.hashrate = number(p, t, null, -1, name, 0, MAX_HASHRATE_HS);
          case "temperatureC" ->
              s.temperature = number(p, t, null, -1, name, MIN_TEMPERATURE_C, MAX_TEMPERATURE_C);
          case "fanRpm" -> s.fan = (int) whole(p, t, null, -1, name, 0, MAX_FAN_RPM);
          case "powerW" -> s.power = number(p, t, null, -1, name, 0, MAX_POWER_W);
          case "accepted" -> s.accepted = whole(p, t, null, -1, name, 0, Long.MAX_VALUE);
          case "rejected" -> s.rejected = whole(p, t, null, -1, name, 0, Long.MAX_VALUE);
          case "uptimeS" -> s.uptime = whole(p, t, null, -1, name, 0, MAX_UPTIME_S);
          case "devices" -> s.devices = readDevices(s, t);
          case "host" -> s.host = readHost(s, t);
          default -> p.skipChildren();
        }
      } catch (MessageRejectedException e) {
        s.fault(field, e); // v and ts handle their own faults; field >= 0 here
        p.skipChildren(); // a no-op on scalars; consumes a rejected object or array
      }
    }
  }

  /** The top-level fields after v and ts, in the order the tree decoder checks them. */
  private static final String[] FIELDS = {
    "hashrateHs",
    "temperatureC",
    "fanRpm",
    "powerW",
    "accepted",
    "rejected",
    "uptimeS",
    "devices",
    "host"
  };

  private static final boolean[] REQUIRED = {
    true, false, false, false, true, true, true, true, false
  };

  private static int fieldIndex(String name) {
    for (int i = 0; i < FIELDS.length; i++) {
      if (FIELDS[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A JSON null reads as absent: required fields become missing again. */
  private static void nullField(State s, String name) {
    int field = fieldIndex(name);
    if (field >= 0) {
      s.present &= ~(1 << field);
      s.clear(field);
    }
    switch (name) {
      case "v" -> s.hasV = false;
      case "ts" -> {
        s.hasTs = false;
        s.tsError = null;
      }
      case "hashrateHs" -> s.hashrate = Double.NaN;
      case "temperatureC" -> s.temperature = null;
      case "fanRpm" -> s.fan = null;
      case "powerW" -> s.power = null;
      case "accepted" -> s.accepted = -1;
      case "rejected" -> s.rejected = -1;
      case "uptimeS" -> s.uptime = -1;
      case "devices" -> s.devices = null;
      case "host" -> s.host = null;
      default -> {}
    }
  }

  private static void readVersion(State s, JsonToken t) throws IOException {
    JsonParser p = s.p;
    s.hasV = true;
    s.vToken = t;
    s.vWhole = false;
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          || p.getLongValue() < Integer.MIN_VALUE
          || p.getLongValue() > Integer.MAX_VALUE) {
        return;
      }
      s.v = p.getLongValue();
      s.vWhole = true;
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
        s.v = (long) d;
        s.vWhole = true;
      }
    } else {
      p.skipChildren();
    }
  }

  private static void readTimestamp(State s, JsonToken t, long maxTs) throws IOException {
    s.hasTs = true;
    s.tsError = null;
    try {
      s.ts = whole(s.p, t, null, -1, "ts", 0, Long.MAX_VALUE);
      if (s.ts > maxTs) {
        long now = maxTs - MessageLimits.MAX_CLOCK_AHEAD_MS;
        s.tsError =
            error(
                RejectReason.OUT_OF_RANGE,
                null,
                -1,
                "ts",
                "is "
                    + s.ts
                    + " ms since the epoch, more than "
                    + MessageLimits.MAX_CLOCK_AHEAD_MS / 3_600_000
                    + " hours ahead of this clock ("
                    + now
                    + "); check the sender's clock");
      }
    } catch (MessageRejectedException e) {
      s.tsError = e;
      s.p.skipChildren();
    }
  }

  private static List<DeviceTelemetry> readDevices(State s, JsonToken t)
      throws IOException, MessageRejectedException {
    JsonParser p = s.p;
    if (t != JsonToken.START_ARRAY) {
      throw error(
          RejectReason.BAD_VALUE, null, -1, "devices", "must be an array, got " + typeOf(p, t));
    }
    List<DeviceTelemetry> devices = new ArrayList<>();
    MessageRejectedException elementFault = null;
    int index = 0;
    JsonToken element;
    while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
      if (index >= MAX_DEVICES) {
        p.skipChildren();
        index++;
        continue;
      }
      try {
        DeviceTelemetry device = readDevice(element, p, index);
        if (device != null) {
          devices.add(device);
        }
      } catch (MessageRejectedException e) {
        if (elementFault == null) {
          elementFault = e;
        }
        p.skipChildren();
      }
      index++;
    }
    if (index > MAX_DEVICES) {
      throw error(
          RejectReason.OUT_OF_RANGE,
          null,
          -1,
          "devices",
          "is an array of " + index + " entries, allowed 0 to " + MAX_DEVICES);
    }
    if (elementFault != null) {
      throw elementFault;
    }
    return devices;
  }

  /** The device fields in the order the tree decoder checks them. */
  private static final String[] DEVICE_FIELDS = {
    "id", "kind", "hashrateHs", "temperatureC", "fanRpm", "powerW", "accepted", "rejected", "status"
  };

  private static final boolean[] DEVICE_REQUIRED = {
    true, true, true, false, false, false, true, true, true
  };

  /** One device, read to its end; its first problem in the tree decoder's order is thrown. */
  private static DeviceTelemetry readDevice(JsonToken t, JsonParser p, int index)
      throws IOException, MessageRejectedException {
    if (t != JsonToken.START_OBJECT) {
      throw error(
          RejectReason.BAD_VALUE,
          null,
          -1,
          "devices[" + index + "]",
          "must be an object, got " + typeOf(p, t));
    }
    String id = null;
    String kind = null;
    double hashrate = 0;
    Double temperature = null;
    Integer fan = null;
    Double power = null;
    long accepted = 0;
    long rejected = 0;
    String status = null;
    int present = 0;
    MessageRejectedException[] faults = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      int field = -1;
      for (int i = 0; i < DEVICE_FIELDS.length; i++) {
        if (DEVICE_FIELDS[i].equals(name)) {
          field = i;
          break;
        }
      }
      if (field < 0) {
        p.skipChildren();
        continue;
      }
      if (faults != null) {
        faults[field] = null;
      }
      if (v == JsonToken.VALUE_NULL) {
        present &= ~(1 << field);
        switch (field) {
          case 3 -> temperature = null;
          case 4 -> fan = null;
          case 5 -> power = null;
          default -> {}
        }
        continue;
      }
      present |= 1 << field;
      try {
        switch (field) {
          case 0 -> id = text(p, v, "devices", index, name, MAX_ID_LENGTH);
          case 1 -> kind = text(p, v, "devices", index, name, MAX_NAME_LENGTH);
          case 2 -> hashrate = number(p, v, "devices", index, name, 0, MAX_HASHRATE_HS);
          case 3 ->
              temperature =
                  number(p, v, "devices", index, name, MIN_TEMPERATURE_C, MAX_TEMPERATURE_C);
          case 4 -> fan = (int) whole(p, v, "devices", index, name, 0, MAX_FAN_RPM);
          case 5 -> power = number(p, v, "devices", index, name, 0, MAX_POWER_W);
          case 6 -> accepted = whole(p, v, "devices", index, name, 0, Long.MAX_VALUE);
          case 7 -> rejected = whole(p, v, "devices", index, name, 0, Long.MAX_VALUE);
          default -> status = text(p, v, "devices", index, name, MAX_NAME_LENGTH);
        }
      } catch (MessageRejectedException e) {
        if (faults == null) {
          faults = new MessageRejectedException[DEVICE_FIELDS.length];
        }
        faults[field] = e;
        p.skipChildren();
      }
    }
    for (int i = 0; i < DEVICE_FIELDS.length; i++) {
      if (DEVICE_REQUIRED[i] && (present & (1 << i)) == 0) {
        throw missingIn("devices", index, DEVICE_FIELDS[i]);
      }
      if (faults != null && faults[i] != null) {
        throw faults[i];
      }
    }
    return new DeviceTelemetry(
        id, kind, hashrate, temperature, fan, power, accepted, rejected, status);
  }

  private static final String[] HOST_FIELDS = {"load1", "memoryTotalBytes", "memoryAvailableBytes"};

  private static HostTelemetry readHost(State s, JsonToken t)
      throws IOException, MessageRejectedException {
    JsonParser p = s.p;
    if (t != JsonToken.START_OBJECT) {
      throw error(
          RejectReason.BAD_VALUE, null, -1, "host", "must be an object, got " + typeOf(p, t));
    }
    Double load = null;
    Long total = null;
    Long available = null;
    MessageRejectedException[] faults = new MessageRejectedException[HOST_FIELDS.length];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      int field =
          name.equals("load1")
              ? 0
              : name.equals("memoryTotalBytes") ? 1 : name.equals("memoryAvailableBytes") ? 2 : -1;
      if (field < 0) {
        p.skipChildren();
        continue;
      }
      faults[field] = null;
      try {
        switch (field) {
          case 0 ->
              load = v == JsonToken.VALUE_NULL ? null : number(p, v, "host", -1, name, 0, 1e6);
          case 1 ->
              total =
                  v == JsonToken.VALUE_NULL
                      ? null
                      : whole(p, v, "host", -1, name, 0, Long.MAX_VALUE);
          default ->
              available =
                  v == JsonToken.VALUE_NULL
                      ? null
                      : whole(p, v, "host", -1, name, 0, Long.MAX_VALUE);
        }
      } catch (MessageRejectedException e) {
        faults[field] = e;
        p.skipChildren();
      }
    }
    for (MessageRejectedException fault : faults) {
      if (fault != null) {
        throw fault;
      }
    }
    return new HostTelemetry(load, total, available);
  }

  // ---- values

  private static double number(
      JsonParser p, JsonToken t, String parent, int index, String name, double min, double max)
      throws IOException, MessageRejectedException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error(
          RejectReason.BAD_VALUE, parent, index, name, "must be a number, got " + typeOf(p, t));
    }
    double d = p.getDoubleValue();
    if (!(d >= min && d <= max)) {
      throw error(
          RejectReason.OUT_OF_RANGE,
          parent,
          index,
          name,
          "is " + p.getText() + ", outside " + plain(min) + ".." + plain(max));
    }
    return d;
  }

  private static long whole(
      JsonParser p, JsonToken t, String parent, int index, String name, long min, long max)
      throws IOException, MessageRejectedException {
    long l;
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw error(
            RejectReason.OUT_OF_RANGE,
            parent,
            index,
            name,
            "is " + p.getText() + ", outside " + min + ".." + max);
      }
      l = p.getLongValue();
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
        throw error(
            RejectReason.BAD_VALUE,
            parent,
            index,
            name,
            "must be a whole number, got " + p.getText());
      }
      if (d < Long.MIN_VALUE || d > Long.MAX_VALUE) { // as the tree decoder judges it
        throw error(
            RejectReason.OUT_OF_RANGE,
            parent,
            index,
            name,
            "is " + p.getText() + ", outside " + min + ".." + max);
      }
      l = (long) d;
    } else {
      throw error(
          RejectReason.BAD_VALUE, parent, index, name, "must be a number, got " + typeOf(p, t));
    }
    if (l < min || l > max) {
      throw error(
          RejectReason.OUT_OF_RANGE,
          parent,
          index,
          name,
          "is " + l + ", outside " + min + ".." + max);
    }
    return l;
  }

  /** A non-empty printable-ASCII string of at most {@code maxLength} characters. */
  private static String text(
      JsonParser p, JsonToken t, String parent, int index, String name, int maxLength)
      throws IOException, MessageRejectedException {
    if (t != JsonToken.VALUE_STRING) {
      throw error(
          RejectReason.BAD_VALUE, parent, index, name, "must be a string, got " + typeOf(p, t));
    }
    String text = p.getText();
    int length = text.length();
    if (length == 0) {
      throw error(RejectReason.OUT_OF_RANGE, parent, index, name, "is empty, it must not be");
    }
    if (length > maxLength) {
      throw error(
          RejectReason.OUT_OF_RANGE,
          parent,
          index,
          name,
          "is " + length + " characters long, at most " + maxLength + " allowed");
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        throw error(
            RejectReason.BAD_VALUE,
            parent,
            index,
            name,
            "contains the character U+"
                + String.format(Locale.ROOT, "%04X", (int) c)
                + " at position "
                + i
                + "; only printable ASCII is allowed");
      }
    }
    return text;
  }

  private static String typeOf(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "the string " + FieldReader.quote(p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }

  // ---- failures (the same sentences as FieldReader's)

  private static String path(String parent, int index, String name) {
    if (parent == null) {
      return name;
    }
    return index >= 0 ? parent + "[" + index + "]." + name : parent + "." + name;
  }

  private static MessageRejectedException error(
      RejectReason reason, String parent, int index, String name, String detail) {
    String path = path(parent, index, name);
    return new MessageRejectedException(reason, path, MESSAGE + ": field '" + path + "' " + detail);
  }

  private static MessageRejectedException missing(String name) {
    return new MessageRejectedException(
        RejectReason.MISSING_FIELD, name, MESSAGE + ": required field '" + name + "' is missing");
  }

  private static MessageRejectedException missingIn(String parent, int index, String name) {
    String path = path(parent, index, name);
    return new MessageRejectedException(
        RejectReason.MISSING_FIELD, path, MESSAGE + ": required field '" + path + "' is missing");
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}

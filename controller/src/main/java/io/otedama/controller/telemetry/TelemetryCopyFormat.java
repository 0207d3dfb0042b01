package io.otedama.controller.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * Encodes rows in PostgreSQL's COPY text format: tab-separated columns, {@code \N} for null, and
 * backslash, tab, newline and carriage return escaped inside values (JSON may contain all four).
 */
final class TelemetryCopyFormat {

  static final String COPY_SQL =
      "COPY telemetry (rig_id, ts, received_at, hashrate_hs, temperature_c, fan_rpm, power_w,"
          + " accepted, rejected, uptime_s, devices) FROM STDIN";

  private TelemetryCopyFormat() {}

  static String encode(List<TelemetryRow> rows) {
    StringBuilder out = new StringBuilder(rows.size() * 160);
    for (TelemetryRow row : rows) {
      appendRow(out, row);
    }
    return out.toString();
  }

  static void appendRow(StringBuilder out, TelemetryRow row) {
    appendText(out, row.rigId());
    out.append('\t').append(Instant.ofEpochMilli(row.tsMillis()));
    out.append('\t').append(Instant.ofEpochMilli(row.receivedAtMillis()));
    out.append('\t').append(row.hashrateHs());
    out.append('\t');
    appendNullable(out, row.temperatureC());
    out.append('\t');
    appendNullable(out, row.fanRpm());
    out.append('\t');
    appendNullable(out, row.powerW());
    out.append('\t').append(row.accepted());
    out.append('\t').append(row.rejected());
    out.append('\t').append(row.uptimeS());
    out.append('\t');
    if (row.devicesJson() == null) {
      out.append("\\N");
    } else {
      appendText(out, row.devicesJson());
    }
    out.append('\n');
  }

  private static void appendNullable(StringBuilder out, Object value) {
    if (value == null) {
      out.append("\\N");
    } else {
      out.append(value);
    }
  }

  static void appendText(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        // NUL cannot be stored in PostgreSQL text; the codec rejects it, this is the last guard
        case '\u0000' -> out.append('\uFFFD');
        default -> out.append(c);
      }
    }
  }
}

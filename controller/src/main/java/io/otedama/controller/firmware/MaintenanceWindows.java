package io.otedama.controller.firmware;

import io.otedama.controller.api.ApiException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Maintenance windows per group ({@code firmware_maintenance_windows}). */
public final class MaintenanceWindows {
  private final Jdbi jdbi;

  MaintenanceWindows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The API's shape: days 1 (Monday) to 7, times as HH:MM, an IANA zone. */
  public record WindowSpec(List<Integer> days, String start, String end, String timeZone) {}

  MaintenanceWindow put(long groupId, WindowSpec spec) {
    if (spec == null || spec.days() == null || spec.days().isEmpty()) {
      throw ApiException.badRequest("days is required: ISO day numbers 1 (Monday) to 7 (Sunday).");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Integer d : spec.days()) {
      if (d == null || d < 1 || d > 7) {
        throw ApiException.badRequest("days are ISO day numbers 1 (Monday) to 7; got " + d + ".");
      }
      days.add(DayOfWeek.of(d));
    }
    LocalTime start = time(spec.start(), "start");
    LocalTime end = time(spec.end(), "end");
    if (start.equals(end)) {
      throw ApiException.badRequest("start and end must differ (a window of no time).");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(spec.timeZone() == null ? "UTC" : spec.timeZone());
    } catch (DateTimeException e) {
      throw ApiException.badRequest("timeZone must be an IANA zone such as Europe/Berlin.");
    }
    int updated =
        jdbi.withHandle(h ->
            h.createUpdate(
                    "INSERT INTO firmware_maintenance_windows (group_id, days, start_time,"
                        + " end_time, time_zone) SELECT :g, :days, :start, :end, :zone"
                        + " WHERE EXISTS (SELECT 1 FROM rig_groups WHERE id = :g)"
                        + " ON CONFLICT (group_id) DO UPDATE SET days = excluded.days,"
                        + " start_time = excluded.start_time, end_time = excluded.end_time,"
                        + " time_zone = excluded.time_zone")
                .bind("g", groupId)
                .bindArray("days", Integer.class, days.stream().map(DayOfWeek::getValue).toList())
                .bind("start", start)
                .bind("end", end)
                .bind("zone", zone.getId())
                .execute());
    if (updated == 0) {
      throw ApiException.notFound("There is no group with id " + groupId + ".");
    }
    return new MaintenanceWindow(groupId, days, start, end, zone);
  }

  boolean delete(long groupId) {
    return jdbi.withHandle(h ->
        h.createUpdate("DELETE FROM firmware_maintenance_windows WHERE group_id = :g")
            .bind("g", groupId)
            .execute())
        > 0;
  }

  List<MaintenanceWindow> list() {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT * FROM firmware_maintenance_windows ORDER BY group_id")
            .map((rs, ctx) ->
                new MaintenanceWindow(
                    rs.getLong("group_id"),
                    Arrays.stream((Integer[]) rs.getArray("days").getArray())
                        .map(DayOfWeek::of)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                    rs.getObject("start_time", LocalTime.class),
                    rs.getObject("end_time", LocalTime.class),
                    ZoneId.of(rs.getString("time_zone"))))
            .list());
  }

  Map<Long, MaintenanceWindow> byGroup() {
    return list().stream()
        .collect(Collectors.toMap(MaintenanceWindow::groupId, Function.identity()));
  }

  private static LocalTime time(String text, String field) {
    if (text == null) {
      throw ApiException.badRequest(field + " is required, as HH:MM.");
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(field + " must be a time as HH:MM; got '" + text + "'.");
    }
  }
}

package io.otedama.controller.firmware;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a group's rigs may be updated: on {@code days}, from {@code start} to {@code end} local time
 * in {@code zone}. An end at or before the start crosses midnight, and the hours after midnight
 * belong to the day the window opened (Friday 22:00-04:00 includes Saturday 03:00).
 */
public record MaintenanceWindow(
    long groupId, Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime t = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (start.isBefore(end)) {
      return days.contains(day) && !t.isBefore(start) && t.isBefore(end);
    }
    // crosses midnight: the evening part today, or the morning part of yesterday's window
    return (days.contains(day) && !t.isBefore(start))
        || (days.contains(day.minus(1)) && t.isBefore(end));
  }
}
